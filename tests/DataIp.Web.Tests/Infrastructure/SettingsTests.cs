namespace DataIp.Web.Tests.Infrastructure;

/// <summary>
/// Every area checks its settings at start: with one bad setting the platform, started as an
/// operator starts it, exits with code 1 and a message naming the setting, writes no stack trace
/// and nothing to standard output, and has created no database.
/// </summary>
public sealed class SettingsTests
{
    /// <summary>One bad setting per area (and the database's), with the text its message must contain.</summary>
    public static TheoryData<string, string, string> BadSettings { get; } = new()
    {
        { "DataIp:DatabaseProvider", "Oracle", "'DataIp:DatabaseProvider'" },
        { "DataIp:DatabaseProvider", "Postgres", "DataIp:DatabaseProvider is Postgres but DataIp:ConnectionString is empty" },
        { "DataIp:PublicBaseUrl", "ftp://registry.example/", "DataIp:PublicBaseUrl must be an absolute http or https URL" },
        { "DataIp:LifecycleSweepInterval", "-00:00:01", "DataIp:LifecycleSweepInterval must be a positive time span" },
        { "DataIp:Accounts:AccessTokenLifetime", "00:00:00", "DataIp:Accounts:AccessTokenLifetime must be a positive time span" },
        { "DataIp:Accounts:RateLimits:SignUpLimit", "0", "DataIp:Accounts:RateLimits:SignUpLimit must be at least 1" },
        { "DataIp:Evidence:OverlapThreshold", "1.5", "DataIp:Evidence:OverlapThreshold is an estimated similarity" },
        { "DataIp:Webhooks:PollInterval", "-00:00:01", "DataIp:Webhooks:PollInterval must be a positive time span" },
        { "DataIp:Webhooks:Timeout", "often", "'DataIp:Webhooks:Timeout'" },
        { "DataIp:LogPublishInterval", "00:00:00", "DataIp:LogPublishInterval must be a positive time span" },
        { "DataIp:Witness:CosignerTimeout", "-00:00:05", "DataIp:Witness:CosignerTimeout must be a positive time span" },
        { "DataIp:CertificateStatusRefreshInterval", "00:00:00", "DataIp:CertificateStatusRefreshInterval must be a positive time span" },
        { "DataIp:Certificates:Seals:4400", "/nonexistent/seal-4400.png", "DataIp:Certificates:Seals:4400 is '/nonexistent/seal-4400.png', which does not exist" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task Start_BadSetting_ExitsWithMessageNamingIt(string setting, string value, string expected)
    {
        var data = Directory.CreateTempSubdirectory("dataip-settings-").FullName;
        try
        {
            var run = await ToolProcess.RunHostAsync($"--{setting}={value}", $"--DataIp:DataDirectory={data}", "--urls", "http://127.0.0.1:0");

            Assert.True(run.ExitCode == 1, $"exit code {run.ExitCode}; standard error: {run.Error}");
            Assert.StartsWith("dataip: ", run.Error, StringComparison.Ordinal);
            Assert.Contains(expected, run.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
            Assert.Empty(run.Output);
            Assert.False(File.Exists(Path.Combine(data, "registry.db")), "the database was created before the settings were checked");
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task Start_SeveralBadSettings_NamesEveryOne()
    {
        var data = Directory.CreateTempSubdirectory("dataip-settings-").FullName;
        try
        {
            var run = await ToolProcess.RunHostAsync("--DataIp:LogPublishInterval=00:00:00", "--DataIp:Evidence:OverlapLimit=0",
                $"--DataIp:DataDirectory={data}", "--urls", "http://127.0.0.1:0");

            Assert.Equal(1, run.ExitCode);
            Assert.Contains("dataip: DataIp:LogPublishInterval", run.Error, StringComparison.Ordinal);
            Assert.Contains("dataip: DataIp:Evidence:OverlapLimit must be at least 1; it is 0.", run.Error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
