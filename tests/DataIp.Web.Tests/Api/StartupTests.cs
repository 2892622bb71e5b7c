using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DataIp.Data;
using DataIp.Testing;
using DataIp.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace DataIp.Web.Tests.Api;

/// <summary>
/// What a newcomer sees when the platform starts: no warning in its log (the demo included), a key
/// ring encrypted when an operator gives a certificate for it, and <c>./run.sh</c> running the
/// build it says it runs.
/// </summary>
public sealed class StartupTests
{
    // A day on which the demo's whole history (to November 2026) has happened and its deadlines
    // fall in its entered 2026 calendar: the demo seeds every act (as DemoTests).
    private static readonly DateTimeOffset DemoDay = new(2026, 11, 27, 16, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Start_WithDemo_LogsNoWarning(DatabaseProvider provider)
    {
        var log = new LogCapture();
        await using var platform = await RegistryFactory.StartAsync(provider, DemoDay, demo: true,
            configure: b => b.ConfigureLogging(l => l.AddProvider(log)));

        await platform.SignInAsync(RegistryFactory.AdminEmail); // a bearer token: the key ring is read and used
        using var page = platform.CreateClient();
        Assert.True((await page.GetAsync("/")).IsSuccessStatusCode);

        var warnings = log.Lines.Where(l => l.Level >= LogLevel.Warning).ToList();
        Assert.True(warnings.Count == 0, string.Join("\n", warnings));
        Assert.Contains(log.Lines, l => l.Message.Contains("Seeding the demo", StringComparison.Ordinal)); // the capture saw the start
    }

    [Fact]
    public async Task Start_WithKeyRingCertificate_StoresTheKeysEncrypted()
    {
        var directory = Directory.CreateTempSubdirectory("dataip-keyring-").FullName;
        try
        {
            var certificate = Path.Combine(directory, "key-ring.pfx");
            await File.WriteAllBytesAsync(certificate, SelfSignedPfx("Test-pfx-password"));
            var log = new LogCapture();
            await using var platform = await RegistryFactory.StartAsync(DatabaseProvider.Sqlite, configure: b => b
                .UseSetting("DataIp:DataProtection:CertificatePath", certificate)
                .UseSetting("DataIp:DataProtection:CertificatePassword", "Test-pfx-password")
                .ConfigureLogging(l => l.AddProvider(log)));

            var token = await platform.SignInAsync(RegistryFactory.AdminEmail);
            await token.GetAsync("/api/v1/accounts/me").OkAsync();

            var keys = Directory.GetFiles(Path.Combine(platform.DataDirectory, "keys", "data-protection"), "key-*.xml");
            Assert.NotEmpty(keys);
            foreach (var key in keys)
            {
                var xml = await File.ReadAllTextAsync(key);
                Assert.Contains("<encryptedSecret", xml, StringComparison.Ordinal);
                Assert.DoesNotContain("unencrypted form", xml, StringComparison.Ordinal);
            }

            Assert.DoesNotContain(log.Lines, l => l.Level >= LogLevel.Warning);
        }
        finally
        {
            TestDatabases.DeleteDirectory(directory);
        }
    }

    [Fact]
    public async Task Start_WithMissingKeyRingCertificate_RefusesNamingTheSetting()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.pfx");

        var refusal = await Assert.ThrowsAnyAsync<Exception>(() => RegistryFactory.StartAsync(DatabaseProvider.Sqlite,
            configure: b => b.UseSetting("DataIp:DataProtection:CertificatePath", missing)));

        var messages = string.Join(" / ", Chain(refusal).Select(e => e.Message));
        Assert.Contains("DataIp:DataProtection:CertificatePath", messages, StringComparison.Ordinal);
        Assert.Contains(missing, messages, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunScript_RunsTheReleaseBuild()
    {
        // A Debug build reports "Hosting environment: Production" like any other: ./run.sh must run the build that is one.
        var script = await File.ReadAllLinesAsync(Path.Combine(RepositoryRoot(), "run.sh"));

        var run = Assert.Single(script, l => l.TrimStart().StartsWith("exec dotnet run", StringComparison.Ordinal));

        Assert.Matches(@"\s(-c|--configuration)\s+Release\s", run);
    }

    private static byte[] SelfSignedPfx(string password)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=DataIP key ring (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return certificate.Export(X509ContentType.Pfx, password);
    }

    private static IEnumerable<Exception> Chain(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DataIp.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("couldn't find the repository root (DataIp.slnx) above " + AppContext.BaseDirectory);
    }
}
