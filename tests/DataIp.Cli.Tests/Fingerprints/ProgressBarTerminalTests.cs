using System.Diagnostics;

namespace DataIp.Cli.Tests.Fingerprints;

/// <summary>The built <c>dataip</c> shows its progress bar on a terminal (a pseudo-terminal made by
/// util-linux <c>script</c>) and nothing but the result when its output is piped.</summary>
public sealed class ProgressBarTerminalTests : IDisposable
{
    private const string Script = "/usr/bin/script";
    private readonly string _dir = Directory.CreateTempSubdirectory("dataip-cli-tty-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Fingerprint_OnATerminal_ShowsTheProgressBar_AndWhenPipedDoesNot()
    {
        if (!File.Exists(Script))
        {
            Assert.Skip($"{Script} (util-linux) is not installed, so no pseudo-terminal can be made.");
        }

        var data = Path.Combine(_dir, "data.bin");
        File.WriteAllBytes(data, new byte[8 << 20]);
        var dataip = Path.Combine(AppContext.BaseDirectory, "dataip.dll");
        var command = $"dotnet '{dataip}' fingerprint '{data}' --hash sm3 --threads 1 --chunk-size 65536 --out '{Path.Combine(_dir, "m.json")}'";

        var terminal = Execute(Script, "-qec", command, "/dev/null");
        var piped = Execute("dotnet", dataip, "fingerprint", data, "--hash", "sm3", "--chunk-size", "65536");

        Assert.Equal(0, terminal.Code);
        Assert.Contains("MiB", terminal.Output, StringComparison.Ordinal);
        Assert.Contains("MB/s", terminal.Output, StringComparison.Ordinal);
        Assert.Contains("left", terminal.Output, StringComparison.Ordinal);
        Assert.Equal((0, string.Empty), (piped.Code, piped.Error));
        Assert.StartsWith("{", piped.Output, StringComparison.Ordinal);
    }

    private static (int Code, string Output, string Error) Execute(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }
}
