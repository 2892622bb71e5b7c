namespace DataIp.Crypto;

/// <summary>
/// A note whose signature from at least one known key verified (<see cref="SignedNote.Open(string, IReadOnlyCollection{INoteVerifier})"/>).
/// Only then may <see cref="Text"/> be trusted (c2sp.org/signed-note: "The text MUST be ignored
/// unless the note is signed by a trusted key and the signature has been verified").
/// </summary>
public sealed class OpenedNote
{
    internal OpenedNote(string text, IReadOnlyList<NoteSignature> verified, IReadOnlyList<NoteSignature> unverified)
    {
        Text = text;
        VerifiedSignatures = verified;
        UnverifiedSignatures = unverified;
    }

    /// <summary>The note text, ending in a newline (the separating blank line excluded).</summary>
    public string Text { get; }

    /// <summary>The signatures by known keys, all verified; one per key, in note order; never empty.</summary>
    public IReadOnlyList<NoteSignature> VerifiedSignatures { get; }

    /// <summary>The signatures by keys not known to the caller, kept unverified; identical lines once.</summary>
    public IReadOnlyList<NoteSignature> UnverifiedSignatures { get; }
}
