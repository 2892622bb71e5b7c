namespace DataIp.Cli;

/// <summary>
/// The exit codes every <c>dataip</c> command uses, so that a script can tell a refused input
/// from a mistyped command line (as grep and diff do).
/// </summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked: the identifier is valid, the log verifies.</summary>
    public const int Success = 0;

    /// <summary>The input was read but refused: an invalid identifier; a log with a bad signature,
    /// an altered tile or entry, or a checkpoint inconsistent with the one seen before.</summary>
    public const int Invalid = 1;

    /// <summary>The command line itself is wrong: a missing argument, an unknown option or value, or
    /// a file it names that cannot be used (an unreadable <c>--keys</c> file, a corrupt or unwritable
    /// <c>--state</c> file).</summary>
    public const int UsageError = 2;

    /// <summary>A server could not be read: unreachable, no answer in time, or an error status. Trying
    /// again later may succeed; nothing was found wrong with what was read.</summary>
    public const int Unreachable = 3;
}
