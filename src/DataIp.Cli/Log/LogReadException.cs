namespace DataIp.Cli.Log;

/// <summary>
/// The log could not be read: the server is unreachable, did not answer in time, or answered with
/// an error status. An infrastructure failure, not a finding about the log: <c>dataip log verify</c>
/// exits with <see cref="ExitCodes.Unreachable"/>. The message names the URL.
/// </summary>
internal sealed class LogReadException : Exception
{
    /// <summary>Creates the exception with nothing but a message (for serializers and analyzers).</summary>
    public LogReadException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What could not be read, and why: "couldn't fetch URL: …".</param>
    public LogReadException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception wrapping the failure underneath.</summary>
    /// <param name="message">What could not be read, and why.</param>
    /// <param name="innerException">The HTTP or I/O failure.</param>
    public LogReadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
