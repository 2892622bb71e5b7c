using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using DataIp.Domain.TransparencyLog;

namespace DataIp.Crypto;

/// <summary>
/// A transparency-log proof (c2sp.org/tlog-proof@v1): everything an offline verifier needs to
/// check that an entry is in a log, as one text:
/// <code>
/// c2sp.org/tlog-proof@v1
/// extra &lt;base64 of opaque bytes&gt;      (optional)
/// index &lt;decimal entry index&gt;
/// &lt;base64 32-byte hash&gt;               (the RFC 9162 inclusion proof, one hash per line)
///
/// &lt;the signed checkpoint (c2sp.org/tlog-checkpoint)&gt;
/// </code>
/// Base64 is standard (RFC 4648 §4) and read strictly. Immutable once made (do not change the
/// arrays); <see cref="Hashes"/> and <see cref="Extra"/> compare by reference in record equality.
/// </summary>
/// <param name="Index">The entry's index in the log, 0 or more.</param>
/// <param name="Hashes">The inclusion proof, bottom-up (RFC 9162 §2.1.3.1 audit path), each 32 bytes.</param>
/// <param name="Checkpoint">The signed note of a checkpoint whose tree contains the entry, ending in a newline.</param>
/// <param name="Extra">Opaque bytes the application attaches (here: the entry itself), or null.</param>
public sealed record TlogProof(long Index, IReadOnlyList<byte[]> Hashes, string Checkpoint, byte[]? Extra = null)
{
    /// <summary>The first line of every proof.</summary>
    public const string Header = "c2sp.org/tlog-proof@v1";

    private const string ExtraPrefix = "extra ";
    private const string IndexPrefix = "index ";

    /// <summary>Writes the proof's text: header, optional extra line, index, hashes, a blank line, the checkpoint.</summary>
    /// <returns>The text, ending with the checkpoint's final newline.</returns>
    public string Format()
    {
        var text = new StringBuilder().Append(Header).Append('\n');
        if (Extra is not null)
        {
            text.Append(ExtraPrefix).Append(Convert.ToBase64String(Extra)).Append('\n');
        }

        text.Append(IndexPrefix).Append(Index.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var hash in Hashes)
        {
            text.Append(Convert.ToBase64String(hash)).Append('\n');
        }

        return text.Append('\n').Append(Checkpoint).ToString();
    }

    /// <summary>
    /// Reads a proof's text. Refuses, without throwing: a wrong first line, a missing, negative or
    /// non-canonical index (digits only, no leading zero, at most 2^63 − 1), extra bytes or hashes
    /// not in canonical base64, hashes that are not 32 bytes, a missing blank line and a missing
    /// checkpoint. The checkpoint is not verified here: see <see cref="Verify"/>.
    /// </summary>
    /// <param name="text">The proof's text, or null.</param>
    /// <param name="proof">The proof when the text is well-formed; otherwise null.</param>
    /// <param name="error">Null when well-formed; otherwise what is wrong, for people.</param>
    /// <returns>True when <paramref name="text"/> is a well-formed proof.</returns>
    public static bool TryParse(string? text, [NotNullWhen(true)] out TlogProof? proof, [NotNullWhen(false)] out string? error)
    {
        proof = null;
        var blank = text?.IndexOf("\n\n", StringComparison.Ordinal) ?? -1;
        if (text is null || blank < 0)
        {
            error = "A tlog proof has its lines, a blank line, then the checkpoint; the blank line is missing.";
            return false;
        }

        var checkpoint = text[(blank + 2)..];
        if (checkpoint.Length == 0 || !checkpoint.EndsWith('\n'))
        {
            error = "The checkpoint after the blank line is missing or does not end in a newline.";
            return false;
        }

        var lines = text[..blank].Split('\n');
        if (lines[0] != Header)
        {
            error = $"The first line is not '{Header}'.";
            return false;
        }

        var next = 1;
        byte[]? extra = null;
        if (next < lines.Length && lines[next].StartsWith(ExtraPrefix, StringComparison.Ordinal))
        {
            if (!StrictBase64.TryDecode(lines[next].AsSpan(ExtraPrefix.Length), out extra))
            {
                error = $"The extra data (line {next + 1}) is not canonical base64.";
                return false;
            }

            next++;
        }

        if (IndexError(lines, next, out var index) is { } indexError)
        {
            error = indexError;
            return false;
        }

        if (HashesError(lines, next + 1, out var hashes) is { } hashError)
        {
            error = hashError;
            return false;
        }

        proof = new TlogProof(index, hashes, checkpoint, extra);
        error = null;
        return true;
    }

    /// <summary>
    /// Verifies that the entry with <paramref name="leafHash"/> is at <see cref="Index"/> in the log
    /// <paramref name="log"/>: the checkpoint must verify with the log's keys
    /// (<see cref="LogVerifierKeys.VerifyCheckpoint(string, IReadOnlyCollection{NoteKeyAlgorithm})"/>:
    /// a valid signature by one of them and no invalid one, a checkpoint of the log's origin), cover
    /// the index, and the hashes must lead from the leaf to its root (RFC 9162 §2.1.3.2). Bad input
    /// is a failed result, never an exception.
    /// </summary>
    /// <param name="leafHash">The entry's RFC 9162 leaf hash, SHA-256(0x00 || entry).</param>
    /// <param name="log">The log's keys, named after its origin, as the verifier knows them.</param>
    /// <returns>Valid with the checkpoint, or the first check that failed.</returns>
    public TlogProofVerification Verify(ReadOnlySpan<byte> leafHash, LogVerifierKeys log)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (Index < 0 || Hashes is null || Checkpoint is null || Hashes.Any(h => h is null || h.Length != Hash.Size))
        {
            return Fail(TlogProofFailure.Malformed, "The proof is malformed: a negative index, a missing checkpoint or a hash that is not 32 bytes.");
        }

        var verified = log.VerifyCheckpoint(Checkpoint, []);
        switch (verified.Failure)
        {
            case CheckpointFailure.None:
                break;
            case CheckpointFailure.NotACheckpoint:
                return Fail(TlogProofFailure.Malformed, verified.Message);
            case CheckpointFailure.WrongOrigin:
                return Fail(TlogProofFailure.WrongOrigin, $"The checkpoint is of log '{verified.Checkpoint!.Origin}', not '{log.Origin}'.", verified.Checkpoint);
            default:
                return Fail(TlogProofFailure.CheckpointSignature, $"The checkpoint is not signed by a known log key: {verified.Message}");
        }

        var checkpoint = verified.Checkpoint!;
        if (Index >= checkpoint.TreeSize)
        {
            return Fail(TlogProofFailure.IndexOutOfRange, $"Entry {Index} is not in the checkpoint's tree of {checkpoint.TreeSize} entries.", checkpoint);
        }

        var inclusion = MerkleProof.VerifyInclusion((ulong)Index, (ulong)checkpoint.TreeSize, leafHash, Hashes, checkpoint.RootHash);
        return inclusion.IsValid
            ? new TlogProofVerification(true, TlogProofFailure.None, $"Entry {Index} is in the log '{log.Origin}' of {checkpoint.TreeSize} entries.", checkpoint)
            : Fail(TlogProofFailure.InclusionMismatch, $"The inclusion proof does not lead from the entry to the checkpoint's root: {inclusion.Message}", checkpoint);
    }

    private static TlogProofVerification Fail(TlogProofFailure failure, string message, Checkpoint? checkpoint = null) =>
        new(false, failure, message, checkpoint);

    private static string? IndexError(string[] lines, int at, out long index)
    {
        index = 0;
        if (at >= lines.Length || !lines[at].StartsWith(IndexPrefix, StringComparison.Ordinal))
        {
            return $"Line {at + 1} should be 'index <decimal>'.";
        }

        var digits = lines[at][IndexPrefix.Length..];
        var canonical = digits.Length > 0 && digits.All(char.IsAsciiDigit) && (digits.Length == 1 || digits[0] != '0');
        return canonical && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out index)
            ? null
            : $"The index (line {at + 1}) '{digits}' is not a decimal number from 0 to {long.MaxValue} without leading zeros.";
    }

    private static string? HashesError(string[] lines, int from, out List<byte[]> hashes)
    {
        hashes = [];
        for (var i = from; i < lines.Length; i++)
        {
            if (!StrictBase64.TryDecode(lines[i], out var hash))
            {
                return $"The proof hash on line {i + 1} is not canonical base64.";
            }

            if (hash.Length != Hash.Size)
            {
                return $"The proof hash on line {i + 1} has {hash.Length} bytes, not {Hash.Size}.";
            }

            hashes.Add(hash);
        }

        return null;
    }
}

/// <summary>The outcome of <see cref="TlogProof.Verify"/>.</summary>
/// <param name="IsValid">True when every check held.</param>
/// <param name="Failure">The check that failed; <see cref="TlogProofFailure.None"/> when valid.</param>
/// <param name="Message">What held or what did not, in English, for people.</param>
/// <param name="Checkpoint">The verified checkpoint, once its signature and format were checked; otherwise null.</param>
public sealed record TlogProofVerification(bool IsValid, TlogProofFailure Failure, string Message, Checkpoint? Checkpoint);

/// <summary>Why a <see cref="TlogProof"/> did not verify.</summary>
public enum TlogProofFailure
{
    /// <summary>It verified.</summary>
    None,

    /// <summary>The proof or its checkpoint is not well-formed.</summary>
    Malformed,

    /// <summary>The checkpoint carries no valid signature by a known log key, or an invalid one.</summary>
    CheckpointSignature,

    /// <summary>The checkpoint is of another log.</summary>
    WrongOrigin,

    /// <summary>The index is not below the checkpoint's tree size.</summary>
    IndexOutOfRange,

    /// <summary>The hashes do not lead from the leaf hash to the checkpoint's root.</summary>
    InclusionMismatch,
}
