namespace DataIp.Crypto;

/// <summary>Why a note text is not a checkpoint (c2sp.org/tlog-checkpoint "Note text").</summary>
public enum CheckpointErrorKind
{
    /// <summary>The text does not end in a newline, or holds a control character other than newline.</summary>
    Malformed = 1,

    /// <summary>Fewer than three lines: origin, tree size, root hash.</summary>
    TooFewLines,

    /// <summary>The first line, the origin, is empty.</summary>
    EmptyOrigin,

    /// <summary>The tree size is not ASCII decimal digits.</summary>
    TreeSizeNotDecimal,

    /// <summary>The tree size has a leading zero (only "0" itself may start with one).</summary>
    TreeSizeNotCanonical,

    /// <summary>The tree size does not fit a signed 64-bit integer.</summary>
    TreeSizeOutOfRange,

    /// <summary>The root hash is not canonical standard base64.</summary>
    RootHashNotBase64,

    /// <summary>The root hash does not decode to 32 bytes.</summary>
    RootHashWrongLength,

    /// <summary>An extension line is empty.</summary>
    EmptyExtensionLine,
}

/// <summary>A refused checkpoint text: the <see cref="Kind"/>, a human <see cref="Message"/> and the 1-based <see cref="Line"/>.</summary>
/// <param name="Kind">What is wrong.</param>
/// <param name="Message">What is wrong, for people.</param>
/// <param name="Line">The 1-based line at fault, or 0 for the text as a whole.</param>
public sealed record CheckpointError(CheckpointErrorKind Kind, string Message, int Line);
