using System.Diagnostics;

namespace DataIp.Crypto.Tests;

/// <summary>
/// Runs /usr/bin/openssl for the interoperability tests. Without it the calling test is skipped
/// (<see cref="Assert.Skip"/>), except on CI (<c>CI=true</c>), where it fails: there a missing tool
/// means a broken run, and ./test.sh installs it.
/// </summary>
internal static class OpenSsl
{
    public const string Path = "/usr/bin/openssl";

    /// <summary>Skips (or on CI fails) the calling test when OpenSSL is not installed.</summary>
    public static void Require()
    {
        if (File.Exists(Path))
        {
            return;
        }

        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            throw new InvalidOperationException($"{Path} is required on CI (./test.sh installs the openssl package).");
        }

        Assert.Skip($"{Path} is not installed.");
    }

    /// <summary>Runs <c>openssl</c> with <paramref name="arguments"/> in <paramref name="directory"/>.</summary>
    public static Result Run(string directory, params string[] arguments) => Run(directory, stdin: null, arguments);

    /// <summary>Runs <c>openssl</c> with <paramref name="arguments"/>, writing <paramref name="stdin"/> to it.</summary>
    public static Result Run(string directory, byte[]? stdin, params string[] arguments)
    {
        Require();
        return Process(Path, directory, stdin, arguments);
    }

    /// <summary>Runs any program; for the documented shell script.</summary>
    public static Result Process(string program, string directory, byte[]? stdin, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException($"Couldn't start {program}.");
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        if (stdin is not null)
        {
            process.StandardInput.BaseStream.Write(stdin);
        }

        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} ran for over a minute.");
        }

        return new Result(process.ExitCode, output.Result, error.Result);
    }

    /// <summary>A finished run.</summary>
    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public override string ToString() => $"exit {ExitCode}\nstdout:\n{Output}\nstderr:\n{Error}";
    }
}

/// <summary>A temporary directory, deleted on dispose.</summary>
internal sealed class TemporaryDirectory : IDisposable
{
    public TemporaryDirectory() => Path = Directory.CreateTempSubdirectory("dataip-crypto-").FullName;

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
