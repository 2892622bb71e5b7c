using System.Diagnostics;

namespace DataIp.Web.Tests.Certificates;

/// <summary>
/// The platform prints certificates in Chinese: with no usable CJK font it refuses to start, with
/// a readable message and exit code 1, before it opens the database or listens.
/// </summary>
public sealed class StartupFontTests
{
    [Fact]
    public async Task Start_ConfiguredFontMissing_ExitsWithMessageNamingTheSetting()
    {
        // The host's own build output, next to this test's (same configuration and framework).
        var testOutput = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        var framework = Path.GetFileName(testOutput);
        var configuration = Path.GetFileName(Path.GetDirectoryName(testOutput)!);
        var root = Path.GetFullPath(Path.Combine(testOutput, "..", "..", "..", "..", ".."));
        var host = Path.Combine(root, "src", "DataIp.Web", "bin", configuration, framework, "DataIp.Web.dll");
        Assert.True(File.Exists(host), $"the web host is not built at {host}");
        var data = Directory.CreateTempSubdirectory("dataip-font-").FullName;
        try
        {
            var start = new ProcessStartInfo("dotnet")
            {
                ArgumentList = { host, "--DataIp:Certificates:FontPath=/nonexistent/cjk.ttf", $"--DataIp:DataDirectory={data}", "--urls", "http://127.0.0.1:0" },
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            };
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("the platform started without a usable font");
            }

            Assert.Equal(1, process.ExitCode);
            var message = await error;
            Assert.Contains("/nonexistent/cjk.ttf", message, StringComparison.Ordinal);
            Assert.Contains("DataIp:Certificates:FontPath", message, StringComparison.Ordinal);
            Assert.Contains("fonts-wqy-microhei", message, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", message, StringComparison.Ordinal);
            Assert.Empty(await output);
            Assert.False(File.Exists(Path.Combine(data, "registry.db")), "the database was created before the font was checked");
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
