using System.Diagnostics;

namespace DataIp.Web.Tests.Infrastructure;

/// <summary>What a program run by a test did: its exit code and what it wrote.</summary>
/// <param name="ExitCode">The exit code.</param>
/// <param name="Output">Everything written to standard output.</param>
/// <param name="Error">Everything written to standard error.</param>
public sealed record ToolRun(int ExitCode, string Output, string Error);

/// <summary>
/// Runs a program to its end with a time limit: the web host as an operator starts it, or a tool
/// such as redocly. Standard output and error are read in full; a program still running at the
/// limit is killed and fails the test.
/// </summary>
public static class ToolProcess
{
    /// <summary>Runs <paramref name="program"/> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>.</summary>
    public static async Task<ToolRun> RunAsync(
        string program, IEnumerable<string> arguments, TimeSpan limit, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Directory.GetCurrentDirectory(),
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"couldn't start {program}");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{program} {string.Join(' ', arguments)} was still running after {limit}: {await error}");
        }

        return new ToolRun(process.ExitCode, await output, await error);
    }

    /// <summary>Starts the built web host (<c>dotnet DataIp.Web.dll</c>) with <paramref name="arguments"/> and waits for it to exit.</summary>
    public static Task<ToolRun> RunHostAsync(params string[] arguments) =>
        RunAsync("dotnet", [HostAssembly(), .. arguments], TimeSpan.FromSeconds(60));

    /// <summary>The repository's root: the directory above the test's output that holds DataIp.slnx.</summary>
    public static string RepositoryRoot()
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

    // The host's own build output, next to this test's (same configuration and framework).
    private static string HostAssembly()
    {
        var testOutput = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        var framework = Path.GetFileName(testOutput);
        var configuration = Path.GetFileName(Path.GetDirectoryName(testOutput)!);
        var host = Path.Combine(RepositoryRoot(), "src", "DataIp.Web", "bin", configuration, framework, "DataIp.Web.dll");
        Assert.True(File.Exists(host), $"the web host is not built at {host}");
        return host;
    }
}
