using System.CommandLine;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using DataIp.Cli.Commands;

namespace DataIp.Cli.Tests.Log;

// dataip log verify when it cannot do its job: the server unreachable, slow or failing (exit 3), the
// command line or a file it names unusable (exit 2).
public sealed class LogVerifyCommandErrorTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("dataip-logverify-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("tile/0/000", HttpStatusCode.InternalServerError, "couldn't fetch http://registry.test/log/tile/0/000: the server answered 500 Internal Server Error")]
    [InlineData("checkpoint", HttpStatusCode.NotFound, "couldn't fetch http://registry.test/log/checkpoint: the server answered 404 Not Found")]
    [InlineData("keys", HttpStatusCode.ServiceUnavailable, "couldn't fetch http://registry.test/log/keys: the server answered 503 Service Unavailable")]
    [InlineData("tile/entries/000", HttpStatusCode.NotFound, "couldn't fetch http://registry.test/log/tile/entries/000: the server answered 404 Not Found")]
    [InlineData("tile/1/000.p/1", HttpStatusCode.NotFound, "couldn't fetch http://registry.test/log/tile/1/000.p/1 or http://registry.test/log/tile/1/000: the server answered 404 Not Found to both")]
    public async Task Run_ServerAnswersAnError_ExitsThreeNamingTheUrl(string path, HttpStatusCode status, string message)
    {
        var handler = new FakeLogHandler(new FakeLog(300)) { Status = requested => requested == path ? status : null };

        var (exitCode, output, error) = await Run(handler);

        Assert.Equal(3, exitCode);
        Assert.Equal(message + "\n", error);
        Assert.EndsWith("INCOMPLETE: the log could not be read to the end (see stderr)\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ServerTooSlow_ExitsThree()
    {
        using var handler = new StallingHandler();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var options = new LogVerifyOptions(FakeLogHandler.Server, null, null, TimeSpan.FromMilliseconds(200));

        var exitCode = await LogVerifyCommand.RunAsync(options, handler, TimeProvider.System, output, error, TestContext.Current.CancellationToken);

        Assert.Equal(3, exitCode);
        Assert.Equal("couldn't fetch http://registry.test/log/keys: no complete answer within 0.2 s\n", error.ToString());
    }

    [Fact]
    public async Task ProgramRun_ServerUnreachable_ExitsThreeNamingTheUrl()
    {
        var server = $"http://127.0.0.1:{ClosedPort()}";

        var (exitCode, _, error) = await RunProgram("log", "verify", "--server", server, "--timeout", "5");

        Assert.Equal(3, exitCode);
        Assert.StartsWith($"couldn't fetch {server}/log/keys: ", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Option '--server' is required.", "log", "verify")]
    [InlineData("--server: 'ftp://registry.example' is not an http or https URL", "log", "verify", "--server", "ftp://registry.example")]
    [InlineData("--server: 'registry.example' is not an http or https URL", "log", "verify", "--server", "registry.example")]
    [InlineData("--server: 'https://registry.example/?x=1' has a query or fragment", "log", "verify", "--server", "https://registry.example/?x=1")]
    [InlineData("--timeout must be a positive number of seconds.", "log", "verify", "--server", "https://registry.example", "--timeout", "0")]
    [InlineData("--keys: couldn't read ", "log", "verify", "--server", "https://registry.example", "--keys", "/nonexistent/keys.txt")]
    [InlineData("Required command was not provided.", "log")]
    public async Task ProgramRun_UsageError_ExitsTwo(string message, params string[] args)
    {
        var (exitCode, _, error) = await RunProgram(args);

        Assert.Equal(2, exitCode);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json", "--state: ")]
    [InlineData("registry.example/log+00000000+AQ==\n", "--keys: ")]
    public async Task ProgramRun_UnusableFile_ExitsTwoBeforeAnyRequest(string content, string option)
    {
        var file = Path.Combine(_directory, "file");
        File.WriteAllText(file, content);

        var (exitCode, output, error) = await RunProgram("log", "verify", "--server", $"http://127.0.0.1:{ClosedPort()}", option.TrimEnd(':', ' '), file);

        Assert.Equal(2, exitCode);
        Assert.StartsWith(option + (option == "--state: " ? file + " is not a dataip log state file" : file + ": line 1 is not a verifier key"), error, StringComparison.Ordinal);
        Assert.Empty(output);
    }

    // The built executable, so Main's asynchronous wiring and the process exit code are covered.
    [Fact]
    public async Task Executable_ServerUnreachable_ExitsThree()
    {
        var executable = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "dataip.exe" : "dataip");
        var start = new ProcessStartInfo(executable, ["log", "verify", "--server", $"http://127.0.0.1:{ClosedPort()}"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"couldn't start {executable}");
        var cancellation = TestContext.Current.CancellationToken;

        var error = process.StandardError.ReadToEndAsync(cancellation);
        await process.StandardOutput.ReadToEndAsync(cancellation);
        await process.WaitForExitAsync(cancellation);

        Assert.Equal(3, process.ExitCode);
        Assert.Contains("/log/keys: ", await error, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output, string Error)> Run(FakeLogHandler handler)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var options = new LogVerifyOptions(FakeLogHandler.Server, null, null, TimeSpan.FromSeconds(30));
        var exitCode = await LogVerifyCommand.RunAsync(options, handler, TimeProvider.System, output, error, TestContext.Current.CancellationToken);
        return (exitCode, output.ToString(), error.ToString());
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunProgram(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await Program.RunAsync(args, new InvocationConfiguration { Output = output, Error = error }, TestContext.Current.CancellationToken);
        return (exitCode, output.ToString(), error.ToString());
    }

    // A loopback port with nothing listening: connecting is refused at once.
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private sealed class StallingHandler : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new UnreachableException();
        }
    }
}
