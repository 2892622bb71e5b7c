namespace DataIp.Cli;

/// <summary>
/// The exit codes every <c>dataip</c> command uses, so that a script can tell a refused input
/// from a mistyped command line (as grep and diff do).
/// </summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked: the identifier is valid, the proof verifies.</summary>
    public const int Success = 0;

    /// <summary>The input was read but refused: an invalid identifier, a proof that fails.</summary>
    public const int Invalid = 1;

    /// <summary>The command line itself is wrong: a missing argument, an unknown option or value.</summary>
    public const int UsageError = 2;
}
