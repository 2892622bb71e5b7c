using System.CommandLine;
using DataIp.Cli.Commands;

namespace DataIp.Cli;

/// <summary>Entry point of the <c>dataip</c> command-line tool.</summary>
internal static class Program
{
    private static int Main(string[] args) => Run(args);

    /// <summary>The root command with every verb; a new tree per call, so tests never share state.</summary>
    internal static RootCommand BuildRoot()
    {
        var root = new RootCommand("dataip: the DataIP Registry command-line tool");
        root.Subcommands.Add(IdentifierCommand.Build());
        root.Subcommands.Add(new Command("log", "The public transparency log.") { LogAuditCommand.Build() });
        return root;
    }

    /// <summary>
    /// Parses <paramref name="args"/> and runs the chosen command. System.CommandLine reports a
    /// usage error with exit code 1, the code of a refused input; it is mapped to
    /// <see cref="ExitCodes.UsageError"/> here so that the two stay apart.
    /// </summary>
    /// <param name="args">The command line, without the program name.</param>
    /// <param name="configuration">Where output and errors go; null for the console.</param>
    /// <returns>An <see cref="ExitCodes"/> value.</returns>
    internal static int Run(string[] args, InvocationConfiguration? configuration = null)
    {
        var parseResult = BuildRoot().Parse(args);
        var exitCode = parseResult.Invoke(configuration);
        return parseResult.Errors.Count > 0 ? ExitCodes.UsageError : exitCode;
    }
}
