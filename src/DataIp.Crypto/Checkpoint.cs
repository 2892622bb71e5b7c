using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace DataIp.Crypto;

/// <summary>
/// A transparency-log checkpoint (c2sp.org/tlog-checkpoint): the note text
/// "&lt;origin&gt;\n&lt;tree size&gt;\n&lt;base64 root hash&gt;\n" followed by optional extension lines,
/// each ending in a newline. Sign it with <see cref="SignedNote.Sign"/> using keys named after the
/// origin. Immutable and thread-safe; equal when every field is equal.
/// </summary>
public sealed class Checkpoint : IEquatable<Checkpoint>
{
    /// <summary>The size of an RFC 6962 SHA-256 root hash.</summary>
    public const int RootHashSize = 32;

    private readonly byte[] _rootHash;

    /// <summary>Makes a checkpoint.</summary>
    /// <param name="origin">The log's origin: non-empty, one line, no control characters.</param>
    /// <param name="treeSize">The number of leaves, 0 or more.</param>
    /// <param name="rootHash">The 32-byte RFC 6962 root hash at that size.</param>
    /// <param name="extensions">Optional extension lines: each non-empty, one line, no control characters.</param>
    /// <exception cref="ArgumentException">An argument breaks the rules above (a caller bug).</exception>
    public Checkpoint(string origin, long treeSize, ReadOnlySpan<byte> rootHash, IEnumerable<string>? extensions = null)
    {
        ThrowIfNotLine(origin, nameof(origin));
        ArgumentOutOfRangeException.ThrowIfNegative(treeSize);
        if (rootHash.Length != RootHashSize)
        {
            throw new ArgumentException($"A root hash has {RootHashSize} bytes, not {rootHash.Length}.", nameof(rootHash));
        }

        var lines = extensions?.ToArray() ?? [];
        foreach (var line in lines)
        {
            ThrowIfNotLine(line, nameof(extensions));
        }

        Origin = origin;
        TreeSize = treeSize;
        _rootHash = rootHash.ToArray();
        Extensions = lines.AsReadOnly();
    }

    /// <summary>The log's origin, the first line; its signing keys are named after it.</summary>
    public string Origin { get; }

    /// <summary>The number of leaves in the tree.</summary>
    public long TreeSize { get; }

    /// <summary>The RFC 6962 root hash, 32 bytes.</summary>
    public ReadOnlySpan<byte> RootHash => _rootHash;

    /// <summary>The extension lines, possibly none.</summary>
    public IReadOnlyList<string> Extensions { get; }

    /// <summary>
    /// Reads a checkpoint's note text (the text of an opened note, not the signed note itself).
    /// Checks: ends in a newline, no control characters, at least three lines, a non-empty origin,
    /// a tree size in canonical decimal (no sign, no leading zero) within 0..2^63 − 1, a root hash
    /// in canonical base64 of 32 bytes, and non-empty extension lines.
    /// </summary>
    /// <param name="text">The note text, or null.</param>
    /// <param name="checkpoint">The checkpoint when valid; otherwise null.</param>
    /// <param name="error">Null when valid; otherwise what is wrong.</param>
    /// <returns>True when <paramref name="text"/> is a checkpoint.</returns>
    public static bool TryParse(string? text, [NotNullWhen(true)] out Checkpoint? checkpoint, [NotNullWhen(false)] out CheckpointError? error)
    {
        checkpoint = null;
        if (string.IsNullOrEmpty(text) || !text.EndsWith('\n') || SignedNote.TextError(text) is not null)
        {
            error = new(CheckpointErrorKind.Malformed, "A checkpoint is lines of text without control characters, each ending in a newline.", 0);
            return false;
        }

        var lines = text[..^1].Split('\n');
        long treeSize = 0;
        byte[] rootHash = [];
        error = lines.Length < 3
            ? new(CheckpointErrorKind.TooFewLines, $"A checkpoint has at least 3 lines (origin, tree size, root hash), not {lines.Length}.", 0)
            : lines[0].Length == 0 ? new(CheckpointErrorKind.EmptyOrigin, "The origin (line 1) is empty.", 1)
            : TreeSizeError(lines[1], out treeSize) ?? RootHashError(lines[2], out rootHash) ?? ExtensionError(lines);
        if (error is not null)
        {
            return false;
        }

        checkpoint = new Checkpoint(lines[0], treeSize, rootHash, lines[3..]);
        return true;
    }

    /// <summary>Reads a checkpoint's note text, throwing if it is not one; see <see cref="TryParse"/>.</summary>
    /// <param name="text">The note text.</param>
    /// <returns>The checkpoint.</returns>
    /// <exception cref="FormatException">The text is not a checkpoint.</exception>
    public static Checkpoint Parse(string text) =>
        TryParse(text, out var checkpoint, out var error) ? checkpoint : throw new FormatException(error.Message);

    /// <summary>The note text to sign: origin, tree size, base64 root hash and extensions, one per line.</summary>
    /// <returns>The text, ending in a newline.</returns>
    public string ToNoteText()
    {
        var text = new StringBuilder()
            .Append(Origin).Append('\n')
            .Append(TreeSize.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append(Convert.ToBase64String(_rootHash)).Append('\n');
        foreach (var line in Extensions)
        {
            text.Append(line).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The note text; see <see cref="ToNoteText"/>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => ToNoteText();

    /// <inheritdoc/>
    public bool Equals(Checkpoint? other) =>
        other is not null
        && Origin == other.Origin
        && TreeSize == other.TreeSize
        && _rootHash.AsSpan().SequenceEqual(other._rootHash)
        && Extensions.SequenceEqual(other.Extensions);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Checkpoint);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Origin, TreeSize, Convert.ToBase64String(_rootHash));

    private static CheckpointError? TreeSizeError(string line, out long treeSize)
    {
        treeSize = 0;
        if (line.Length == 0 || !line.All(char.IsAsciiDigit))
        {
            return new(CheckpointErrorKind.TreeSizeNotDecimal, $"The tree size (line 2) '{line}' is not ASCII decimal digits.", 2);
        }

        if (line.Length > 1 && line[0] == '0')
        {
            return new(CheckpointErrorKind.TreeSizeNotCanonical, $"The tree size (line 2) '{line}' has a leading zero.", 2);
        }

        return long.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out treeSize)
            ? null
            : new(CheckpointErrorKind.TreeSizeOutOfRange, $"The tree size (line 2) '{line}' is larger than {long.MaxValue}.", 2);
    }

    private static CheckpointError? RootHashError(string line, out byte[] rootHash)
    {
        if (!StrictBase64.TryDecode(line, out var decoded))
        {
            rootHash = [];
            return new(CheckpointErrorKind.RootHashNotBase64, "The root hash (line 3) is not canonical base64.", 3);
        }

        rootHash = decoded;
        return decoded.Length == RootHashSize
            ? null
            : new(CheckpointErrorKind.RootHashWrongLength, $"The root hash (line 3) has {decoded.Length} bytes, not {RootHashSize}.", 3);
    }

    private static CheckpointError? ExtensionError(string[] lines)
    {
        for (var i = 3; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                return new(CheckpointErrorKind.EmptyExtensionLine, $"Extension line {i + 1} is empty.", i + 1);
            }
        }

        return null;
    }

    private static void ThrowIfNotLine(string value, string parameterName)
    {
        ArgumentException.ThrowIfNullOrEmpty(value, parameterName);
        if (value.Contains('\n', StringComparison.Ordinal) || SignedNote.TextError(value) is not null)
        {
            throw new ArgumentException($"'{value}' must be one line without control characters.", parameterName);
        }
    }
}
