using System.Diagnostics;

namespace DataIp.Cli.Tests.Fingerprints;

/// <summary>
/// <c>dataip fingerprint</c> on a named pipe, or a tree holding one, exits 1 with one line naming
/// it, promptly: the pipe is never opened (opening it would wait for a writer that never comes).
/// Each run has a time limit, so a regression fails the test instead of hanging the run.
/// </summary>
public sealed class SpecialFileCommandTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);
    private readonly string _dir = Directory.CreateTempSubdirectory("dataip-cli-special-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Fingerprint_DirectoryWithNamedPipe_ExitsOneNamingIt()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "mkfifo(1) and statx(2) are Linux's.");
        File.WriteAllText(Path("data/a.txt"), "hello");
        MakeNamedPipe("data/sub/queue");

        var (code, output, error) = await RunWithin("fingerprint", Path("data"));

        Assert.Equal((1, string.Empty), (code, output));
        Assert.Equal($"couldn't fingerprint {Path("data")}: sub/queue is a named pipe, not a regular file; only regular files and directories are committed.", error.TrimEnd());
    }

    [Theory]
    [InlineData("fingerprint", "{pipe}")]
    [InlineData("fingerprint", "{pipe}", "--rows", "csv")]
    [InlineData("prove", "{pipe}", "--manifest", "{manifest}", "--row", "1")]
    public async Task Fingerprint_NamedPipeAsThePath_ExitsOne(params string[] args)
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "mkfifo(1) and statx(2) are Linux's.");
        File.WriteAllText(Path("rows.csv"), "a\n1\n");
        var manifest = FingerprintCommandTests.Run("fingerprint", Path("rows.csv"), "--rows", "csv", "--out", Path("rows.json"));
        var pipe = MakeNamedPipe("queue");

        var (code, _, error) = await RunWithin([.. args.Select(a => a.Replace("{pipe}", pipe, StringComparison.Ordinal).Replace("{manifest}", Path("rows.json"), StringComparison.Ordinal))]);

        Assert.Equal(0, manifest.Code);
        Assert.Equal(1, code);
        Assert.Contains($"{pipe}: it is a named pipe, not a regular file", error, StringComparison.Ordinal);
    }

    // The built executable, as a user runs it: Main's wiring and the process exit code too.
    [Fact]
    public async Task Executable_DirectoryWithNamedPipe_ExitsOnePromptly()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "mkfifo(1) and statx(2) are Linux's.");
        File.WriteAllText(Path("data/a.txt"), "hello");
        MakeNamedPipe("data/queue");
        var executable = System.IO.Path.Combine(AppContext.BaseDirectory, "dataip");
        var start = new ProcessStartInfo(executable) { ArgumentList = { "fingerprint", Path("data") }, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"couldn't start {executable}");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Limit);

        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"dataip fingerprint did not exit within {Limit.TotalSeconds} s: it is blocked on the named pipe.");
        }

        Assert.Equal((1, string.Empty), (process.ExitCode, await output));
        Assert.Contains("queue is a named pipe, not a regular file", await error, StringComparison.Ordinal);
    }

    /// <summary>Runs the command in-process on a thread of its own, abandoned if it is still
    /// running after <see cref="Limit"/>.</summary>
    private static async Task<(int Code, string Output, string Error)> RunWithin(params string[] args)
    {
        var run = Task.Factory.StartNew(() => FingerprintCommandTests.Run(args), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            return await run.WaitAsync(Limit, TestContext.Current.CancellationToken);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"dataip {string.Join(' ', args)} did not return within {Limit.TotalSeconds} s: it is blocked on the named pipe.");
            throw;
        }
    }

    private string Path(string relative)
    {
        var full = System.IO.Path.Combine(_dir, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        return full;
    }

    private string MakeNamedPipe(string relative)
    {
        var full = Path(relative);
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo") { ArgumentList = { full } })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
        return full;
    }
}
