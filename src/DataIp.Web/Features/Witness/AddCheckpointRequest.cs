using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using DataIp.Domain.TransparencyLog;

namespace DataIp.Web.Features.Witness;

/// <summary>
/// The body of a tlog-witness <c>add-checkpoint</c> request (c2sp.org/tlog-witness): an old size
/// line <c>old &lt;size&gt;</c>, zero to 63 consistency proof lines (base64 hashes), an empty line,
/// then the checkpoint as a signed note. Every line ends in a newline.
/// </summary>
/// <param name="OldSize">The size of the checkpoint the client believes this witness last cosigned.</param>
/// <param name="Proof">The consistency proof from <paramref name="OldSize"/> to the checkpoint's size.</param>
/// <param name="Note">The signed checkpoint, not yet verified.</param>
/// <param name="Origin">The note's first line: which log's keys must verify it.</param>
internal sealed record AddCheckpointRequest(long OldSize, IReadOnlyList<Hash> Proof, string Note, string Origin)
{
    /// <summary>The most proof lines a client may send (a proof in a tree of 2^63 leaves is shorter).</summary>
    public const int MaxProofLines = 63;

    /// <summary>Reads a request body; null with what is wrong when it is not one.</summary>
    public static bool TryParse(string body, [NotNullWhen(true)] out AddCheckpointRequest? request, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(body);
        request = null;
        var at = 0;
        if (!TryReadLine(body, ref at, out var oldLine) || !oldLine.StartsWith("old ", StringComparison.Ordinal) || !TryParseSize(oldLine[4..], out var oldSize))
        {
            error = "The body must start with the line \"old <size>\": a decimal size without leading zeros.";
            return false;
        }

        var proof = new List<Hash>();
        while (true)
        {
            if (!TryReadLine(body, ref at, out var line))
            {
                error = "The proof lines must be followed by an empty line, then the signed checkpoint.";
                return false;
            }

            if (line.Length == 0)
            {
                break;
            }

            if (proof.Count == MaxProofLines || !TryParseHash(line, out var hash))
            {
                error = proof.Count == MaxProofLines
                    ? $"A consistency proof has at most {MaxProofLines} hashes."
                    : $"Proof line {proof.Count + 1} is not the base64 of a 32-byte hash.";
                return false;
            }

            proof.Add(hash);
        }

        var note = body[at..];
        var originEnd = note.IndexOf('\n', StringComparison.Ordinal);
        if (originEnd <= 0)
        {
            error = "The signed checkpoint is missing or does not start with its origin line.";
            return false;
        }

        request = new AddCheckpointRequest(oldSize, proof, note, note[..originEnd]);
        error = null;
        return true;
    }

    /// <summary>A size as tlog-witness writes it: ASCII decimal, no sign, no leading zero but "0", at most 2^63 − 1.</summary>
    public static bool TryParseSize(string text, out long size)
    {
        size = 0;
        return text.Length is > 0 and <= 19 && text.All(char.IsAsciiDigit) && (text == "0" || text[0] != '0')
            && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out size);
    }

    private static bool TryReadLine(string body, ref int at, out string line)
    {
        var end = body.IndexOf('\n', at);
        if (end < 0)
        {
            line = "";
            return false;
        }

        line = body[at..end];
        at = end + 1;
        return true;
    }

    // Standard base64, padded, read strictly (no whitespace, no stray bits): one encoding per hash.
    private static bool TryParseHash(string line, out Hash hash) =>
        Hash.TryFromBase64(line, out hash) && hash.ToBase64() == line;
}
