using System.CommandLine;
using DataIp.Cli.Commands;

namespace DataIp.Cli;

/// <summary>Entry point of the <c>dataip</c> command-line tool.</summary>
internal static class Program
{
    private static Task<int> Main(string[] args) => RunAsync(args);

    /// <summary>The root command with every verb; a new tree per call, so tests never share state.</summary>
    internal static RootCommand BuildRoot()
    {
        var root = new RootCommand("dataip: the DataIP Registry command-line tool");
        root.Subcommands.Add(IdentifierCommand.Build());
        var log = LogVerifyCommand.Build();
        log.Subcommands.Add(LogAuditCommand.Build());
        root.Subcommands.Add(log);
        root.Subcommands.Add(FingerprintCommand.Build());
        root.Subcommands.Add(ProveCommand.Build());
        root.Subcommands.Add(CheckProofCommand.Build());
        root.Subcommands.Add(VerifyCommand.Build());
        root.Subcommands.Add(ImportCommand.Build());
        return root;
    }

    /// <summary>
    /// Parses <paramref name="args"/> and runs the chosen command. System.CommandLine reports a
    /// usage error with exit code 1, the code of a refused input; it is mapped to
    /// <see cref="ExitCodes.UsageError"/> here so that the two stay apart. Asynchronous because
    /// some commands read from the network (System.CommandLine refuses to run those synchronously).
    /// </summary>
    /// <param name="args">The command line, without the program name.</param>
    /// <param name="configuration">Where output and errors go; null for the console.</param>
    /// <param name="cancellationToken">Cancels the command; Ctrl+C does too.</param>
    /// <returns>An <see cref="ExitCodes"/> value.</returns>
    internal static async Task<int> RunAsync(string[] args, InvocationConfiguration? configuration = null, CancellationToken cancellationToken = default)
    {
        var parseResult = BuildRoot().Parse(args);
        var exitCode = await parseResult.InvokeAsync(configuration, cancellationToken);
        return parseResult.Errors.Count > 0 ? ExitCodes.UsageError : exitCode;
    }

    /// <summary><see cref="RunAsync"/>, waited for: for callers with no asynchronous context of their own.</summary>
    /// <param name="args">The command line, without the program name.</param>
    /// <param name="configuration">Where output and errors go; null for the console.</param>
    /// <returns>An <see cref="ExitCodes"/> value.</returns>
    internal static int Run(string[] args, InvocationConfiguration? configuration = null) =>
        RunAsync(args, configuration).GetAwaiter().GetResult();
}
