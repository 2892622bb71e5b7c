using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace DataIp.Crypto;

/// <summary>
/// Signed notes (c2sp.org/signed-note): a text ending in a newline, a blank line, then one line per
/// signature, "— &lt;key name&gt; &lt;base64(4-byte big-endian key ID || signature)&gt;\n" (em dash U+2014,
/// space). Each signature covers the text's UTF-8 bytes, final newline included, blank line
/// excluded. Compatible with golang.org/x/mod/sumdb/note. Thread-safe: no state.
/// </summary>
public static class SignedNote
{
    /// <summary>
    /// The most signature lines a note may have. The spec asks verifiers to accept at least 16 and
    /// to cap the count; 100 is the cap of golang.org/x/mod/sumdb/note.
    /// </summary>
    public const int MaxSignatures = 100;

    private const string SignaturePrefix = "— ";

    // A signature line is the base64 of at least the 4-byte key ID and one signature byte.
    private const int MinSignatureLineBytes = 5;

    /// <summary>Signs <paramref name="text"/> with each signer, in order.</summary>
    /// <param name="text">The note text: ends in a newline; no control character but newline; well-formed UTF-16.</param>
    /// <param name="signers">One or more signers, at most <see cref="MaxSignatures"/>, no two with the same name and key ID.</param>
    /// <returns>The signed note: the text, a blank line, one signature line per signer.</returns>
    /// <exception cref="ArgumentException">The text or a signer breaks the rules above (a caller bug).</exception>
    public static string Sign(string text, params INoteSigner[] signers)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(signers);
        if (!text.EndsWith('\n'))
        {
            throw new ArgumentException("A note text must end with a newline.", nameof(text));
        }

        if (TextError(text) is { } error)
        {
            throw new ArgumentException(error, nameof(text));
        }

        if (signers.Length is 0 or > MaxSignatures)
        {
            throw new ArgumentException($"A note needs 1 to {MaxSignatures} signers, not {signers.Length}.", nameof(signers));
        }

        var message = Encoding.UTF8.GetBytes(text);
        var note = new StringBuilder(text).Append('\n');
        var keys = new HashSet<(string, uint)>();
        foreach (var signer in signers)
        {
            ArgumentNullException.ThrowIfNull(signer, nameof(signers));
            NoteKeyName.ThrowIfInvalid(signer.Name, nameof(signers));
            if (!keys.Add((signer.Name, signer.KeyId)))
            {
                throw new ArgumentException($"The key {KeyLabel(signer.Name, signer.KeyId)} is among the signers twice.", nameof(signers));
            }

            note.Append(SignaturePrefix).Append(signer.Name).Append(' ')
                .Append(Convert.ToBase64String([.. KeyIdBytes(signer.KeyId), .. signer.Sign(message)])).Append('\n');
        }

        return note.ToString();
    }

    /// <summary>Opens a note received as UTF-8 bytes; see <see cref="Open(string, IReadOnlyCollection{INoteVerifier})"/>.</summary>
    /// <param name="note">The signed note's bytes.</param>
    /// <param name="known">The trusted verifiers.</param>
    /// <returns>The verified note, or why it was refused.</returns>
    /// <exception cref="ArgumentException">Two known verifiers share a name and key ID (a configuration bug).</exception>
    public static NoteOpenResult Open(ReadOnlySpan<byte> note, IReadOnlyCollection<INoteVerifier> known) =>
        Utf8.IsValid(note)
            ? Open(Encoding.UTF8.GetString(note), known)
            : NoteOpenResult.Refused(NoteFailureKind.Malformed, "The note is not valid UTF-8.");

    /// <summary>
    /// Parses a signed note and verifies every signature by a known key (c2sp.org/signed-note
    /// "Signatures"): a signature whose name and key ID match a known verifier must verify, or the
    /// whole note is refused; signatures by unknown keys are kept unverified; and at least one known
    /// key's signature must verify. Repeated lines count once. Bad input is a refusal, never an exception.
    /// </summary>
    /// <param name="note">The signed note.</param>
    /// <param name="known">The trusted verifiers; no two with the same name and key ID.</param>
    /// <returns>The verified note, or why it was refused.</returns>
    /// <exception cref="ArgumentException">Two known verifiers share a name and key ID (a configuration bug).</exception>
    public static NoteOpenResult Open(string note, IReadOnlyCollection<INoteVerifier> known)
    {
        ArgumentNullException.ThrowIfNull(note);
        var verifiers = IndexVerifiers(known);
        if (TextError(note) is { } textError)
        {
            return Malformed(textError);
        }

        // The text ends at the last blank line: signature lines are never empty.
        var split = note.LastIndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0 || !note.EndsWith('\n') || split + 2 == note.Length)
        {
            return Malformed("A signed note is a text, a blank line, and signature lines each ending in a newline.");
        }

        var lines = note[(split + 2)..^1].Split('\n');
        if (lines.Length > MaxSignatures)
        {
            return Malformed($"The note has {lines.Length} signatures; at most {MaxSignatures} are read.");
        }

        var text = note[..(split + 1)];
        return Verify(text, lines, verifiers);
    }

    private static NoteOpenResult Verify(string text, string[] lines, Dictionary<(string, uint), INoteVerifier> verifiers)
    {
        var message = Encoding.UTF8.GetBytes(text);
        var verified = new List<NoteSignature>();
        var verifiedKeys = new HashSet<(string, uint)>();
        var unverified = new List<NoteSignature>();
        var unverifiedLines = new HashSet<string>(StringComparer.Ordinal);
        for (var number = 1; number <= lines.Length; number++)
        {
            var line = lines[number - 1];
            if (!TryParseLine(line, out var signature, out var bytes))
            {
                return Malformed(string.Create(CultureInfo.InvariantCulture, $"Signature line {number} is not \"— <key name> <base64(key ID || signature)>\"."));
            }

            if (!verifiers.TryGetValue((signature.Name, signature.KeyId), out var verifier))
            {
                // Unknown key: kept, not verified (signed-note: "Verifiers MUST ignore signatures from unknown keys").
                if (unverifiedLines.Add(line))
                {
                    unverified.Add(signature);
                }

                continue;
            }

            // A known key's every line is verified, repeats included: a bad one rejects the note.
            if (!verifier.Verify(message, bytes.AsSpan(4)))
            {
                return NoteOpenResult.Refused(
                    NoteFailureKind.InvalidSignature, $"The signature by {KeyLabel(signature.Name, signature.KeyId)} does not verify.", signature);
            }

            if (verifiedKeys.Add((signature.Name, signature.KeyId)))
            {
                verified.Add(signature);
            }
        }

        return verified.Count > 0
            ? NoteOpenResult.Verified(new OpenedNote(text, verified.AsReadOnly(), unverified.AsReadOnly()))
            : NoteOpenResult.Refused(NoteFailureKind.NoVerifiedSignature, "No signature on the note is by a known key.", unverified: unverified.AsReadOnly());
    }

    private static bool TryParseLine(string line, out NoteSignature signature, out byte[] bytes)
    {
        signature = null!;
        bytes = [];
        if (!line.StartsWith(SignaturePrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var space = line.IndexOf(' ', SignaturePrefix.Length);
        if (space < 0)
        {
            return false;
        }

        var name = line[SignaturePrefix.Length..space];
        var base64 = line[(space + 1)..];
        if (!NoteKeyName.IsValid(name) || !StrictBase64.TryDecode(base64, out var decoded) || decoded.Length < MinSignatureLineBytes)
        {
            return false;
        }

        bytes = decoded;
        signature = new NoteSignature(name, BinaryPrimitives.ReadUInt32BigEndian(decoded), base64);
        return true;
    }

    private static Dictionary<(string, uint), INoteVerifier> IndexVerifiers(IReadOnlyCollection<INoteVerifier> known)
    {
        ArgumentNullException.ThrowIfNull(known);
        var verifiers = new Dictionary<(string, uint), INoteVerifier>(known.Count);
        foreach (var verifier in known)
        {
            ArgumentNullException.ThrowIfNull(verifier, nameof(known));
            if (!verifiers.TryAdd((verifier.Name, verifier.KeyId), verifier))
            {
                throw new ArgumentException($"Two known verifiers have the key {KeyLabel(verifier.Name, verifier.KeyId)}: which one to trust is ambiguous.", nameof(known));
            }
        }

        return verifiers;
    }

    /// <summary>Null when <paramref name="text"/> may appear in a note; otherwise what is wrong.</summary>
    internal static string? TextError(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < ' ' && c != '\n')
            {
                return string.Create(CultureInfo.InvariantCulture, $"A note must not contain the control character U+{(int)c:X4} (at {i}).");
            }

            if (char.IsSurrogate(c))
            {
                if (!char.IsHighSurrogate(c) || i + 1 == text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return string.Create(CultureInfo.InvariantCulture, $"A note must be valid Unicode; there is an unpaired surrogate at {i}.");
                }

                i++;
            }
        }

        return null;
    }

    private static byte[] KeyIdBytes(uint keyId)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, keyId);
        return bytes;
    }

    private static string KeyLabel(string name, uint keyId) => string.Create(CultureInfo.InvariantCulture, $"{name}+{keyId:x8}");

    private static NoteOpenResult Malformed(string message) => NoteOpenResult.Refused(NoteFailureKind.Malformed, message);
}
