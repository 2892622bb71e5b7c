namespace DataIp.Domain.Fingerprinting;

/// <summary>What kind of input a fingerprint could not be computed from.</summary>
public enum FingerprintErrorKind
{
    /// <summary>A path does not exist or cannot be read (permissions, I/O error).</summary>
    Unreadable = 1,

    /// <summary>A symbolic link, device, socket or pipe: only regular files and directories are committed.</summary>
    NotRegularFile,

    /// <summary>A file name that is not valid Unicode, or two paths equal after NFC normalisation.</summary>
    InvalidPath,

    /// <summary>A file changed size while it was read.</summary>
    ChangedWhileReading,

    /// <summary>A byte sequence that is not valid in the stated encoding.</summary>
    InvalidEncoding,

    /// <summary>A CSV record or JSON line that breaks the rules of docs/fingerprint-format.md §3.</summary>
    MalformedRow,

    /// <summary>A requested row, file or chunk that the dataset does not have (proofs).</summary>
    NotFound,

    /// <summary>The data no longer gives the root of the manifest it is proved against.</summary>
    DataChanged,
}

/// <summary>
/// A dataset that could not be fingerprinted or proved: the kind of problem, the path, and for
/// rows the line and column (from 1, columns in characters). The message says what was being
/// attempted, e.g. "couldn't read data/a.csv: …" or "data.csv line 3, column 7: a quote inside an
/// unquoted field".
/// </summary>
public sealed class FingerprintException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="kind">What went wrong.</param>
    /// <param name="path">The file or directory concerned.</param>
    /// <param name="message">What was being attempted and what went wrong.</param>
    /// <param name="line">The line, from 1, for rows; null otherwise.</param>
    /// <param name="column">The column, from 1, for rows; null otherwise.</param>
    /// <param name="inner">The underlying exception, if any.</param>
    public FingerprintException(FingerprintErrorKind kind, string path, string message, int? line = null, int? column = null, Exception? inner = null)
        : base(message, inner)
    {
        Kind = kind;
        Path = path;
        Line = line;
        Column = column;
    }

    /// <summary>Creates an exception of kind <see cref="FingerprintErrorKind.Unreadable"/> (for serialisers).</summary>
    public FingerprintException()
        : this(FingerprintErrorKind.Unreadable, string.Empty, "The dataset could not be read.")
    {
    }

    /// <summary>Creates an exception of kind <see cref="FingerprintErrorKind.Unreadable"/>.</summary>
    /// <param name="message">The message.</param>
    public FingerprintException(string message)
        : this(FingerprintErrorKind.Unreadable, string.Empty, message)
    {
    }

    /// <summary>Creates an exception of kind <see cref="FingerprintErrorKind.Unreadable"/>.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public FingerprintException(string message, Exception innerException)
        : this(FingerprintErrorKind.Unreadable, string.Empty, message, inner: innerException)
    {
    }

    /// <summary>What went wrong.</summary>
    public FingerprintErrorKind Kind { get; }

    /// <summary>The file or directory concerned.</summary>
    public string Path { get; }

    /// <summary>The line, from 1, when the problem is in a row.</summary>
    public int? Line { get; }

    /// <summary>The column, from 1 in characters, when the problem is in a row.</summary>
    public int? Column { get; }
}
