using System.Net.Http.Json;
using System.Text.Json;
using DataIp.Data;
using DataIp.Testing;
using DataIp.Web.Tests.Infrastructure;

namespace DataIp.Web.Tests.PilotImports;

/// <summary>
/// <c>dataip import certificates</c> end to end, as an operator runs it: the built tool in its own
/// process, over HTTP to a node on loopback, with the administrator's token in <c>DATAIP_TOKEN</c>.
/// </summary>
public sealed class ImportCommandTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ImportCertificates_DryRunRefusesBadRows_ThenImportsOnce(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider, urls: "http://127.0.0.1:0");
        var server = platform.ClientOptions.BaseAddress.GetLeftPart(UriPartial.Authority);
        var token = await TokenAsync(platform);
        var directory = Directory.CreateDirectory(Path.Combine(platform.DataDirectory, "import")).FullName;
        var mixed = Path.Combine(directory, "mixed.csv");
        var sample = Path.Combine(directory, "pilot-certificates.csv");
        await File.WriteAllBytesAsync(mixed, PilotFiles.Mixed);
        await File.WriteAllBytesAsync(sample, PilotFiles.Sample);
        var environment = new Dictionary<string, string> { ["DATAIP_TOKEN"] = token };

        var dry = await DataIpAsync(environment, "import", "certificates", mixed, "--body", PilotFiles.Body, "--server", server, "--dry-run");
        var refused = await DataIpAsync(environment, "import", "certificates", mixed, "--body", PilotFiles.Body, "--server", server);
        var first = await DataIpAsync(environment, "import", "certificates", sample, "--body", PilotFiles.Body, "--server", server);
        var again = await DataIpAsync(environment, "import", "certificates", sample, "--body", PilotFiles.Body, "--server", server);
        var noToken = await DataIpAsync(new Dictionary<string, string> { ["DATAIP_TOKEN"] = "" }, "import", "certificates", sample, "--body", PilotFiles.Body, "--server", server);
        var otherBody = await DataIpAsync(environment, "import", "certificates", sample, "--body", "9999", "--server", server);

        Assert.True(dry.ExitCode == 1, $"dry run: exit {dry.ExitCode}\n{dry.Output}\n{dry.Error}");
        Assert.Contains("line 4, holder_code: ", dry.Error, StringComparison.Ordinal);
        Assert.Contains("line 3, registration_date: ", dry.Error, StringComparison.Ordinal);
        Assert.Contains("line 6, pilot_certificate_number: This certificate number is already on line 2.", dry.Error, StringComparison.Ordinal);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("nothing imported", refused.Output, StringComparison.Ordinal);
        Assert.True(first.ExitCode == 0, $"first run: exit {first.ExitCode}\n{first.Output}\n{first.Error}");
        Assert.Contains("imported 10, already imported 0, refused rows 0 of 10", first.Output, StringComparison.Ordinal);
        Assert.Contains("line 2: 浙数知登字〔2023〕第00012号 imported as registration 2023", first.Output, StringComparison.Ordinal);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("imported 0, already imported 10", again.Output, StringComparison.Ordinal);
        Assert.Equal(2, noToken.ExitCode);
        Assert.Contains("DATAIP_TOKEN", noToken.Error, StringComparison.Ordinal);
        Assert.Equal(2, otherBody.ExitCode);
    }

    private static async Task<string> TokenAsync(RegistryFactory platform)
    {
        using var client = platform.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = RegistryFactory.AdminEmail, password = RegistryFactory.Password });
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    private static Task<ToolRun> DataIpAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        ToolProcess.RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "dataip.dll"), .. arguments], TimeSpan.FromMinutes(3), environment: environment);
}
