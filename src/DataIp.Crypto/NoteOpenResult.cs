using System.Diagnostics.CodeAnalysis;

namespace DataIp.Crypto;

/// <summary>Why a note was refused by <see cref="SignedNote.Open(string, IReadOnlyCollection{INoteVerifier})"/>.</summary>
public enum NoteFailureKind
{
    /// <summary>Not a signed note: bad UTF-8, a control character, no blank line before the signatures, a bad signature line, more than <see cref="SignedNote.MaxSignatures"/> signatures.</summary>
    Malformed = 1,

    /// <summary>A signature by a known key does not verify: the whole note is refused (signed-note "Signatures").</summary>
    InvalidSignature,

    /// <summary>The note is well-formed but no known key signed it.</summary>
    NoVerifiedSignature,
}

/// <summary>A refused note.</summary>
/// <param name="Kind">What is wrong.</param>
/// <param name="Message">What is wrong, for people.</param>
/// <param name="Signature">For <see cref="NoteFailureKind.InvalidSignature"/>, the line that failed; otherwise null.</param>
/// <param name="UnverifiedSignatures">For <see cref="NoteFailureKind.NoVerifiedSignature"/>, the signatures by unknown keys; otherwise empty.</param>
public sealed record NoteFailure(NoteFailureKind Kind, string Message, NoteSignature? Signature, IReadOnlyList<NoteSignature> UnverifiedSignatures);

/// <summary>The outcome of opening a note: either <see cref="Note"/> or <see cref="Failure"/>, never both.</summary>
public sealed class NoteOpenResult
{
    private NoteOpenResult(OpenedNote? note, NoteFailure? failure)
    {
        Note = note;
        Failure = failure;
    }

    /// <summary>The verified note; null when refused.</summary>
    public OpenedNote? Note { get; }

    /// <summary>Why the note was refused; null when verified.</summary>
    public NoteFailure? Failure { get; }

    /// <summary>True when at least one known key's signature verified and none failed.</summary>
    [MemberNotNullWhen(true, nameof(Note))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool IsVerified => Note is not null;

    internal static NoteOpenResult Verified(OpenedNote note) => new(note, null);

    internal static NoteOpenResult Refused(NoteFailureKind kind, string message, NoteSignature? signature = null, IReadOnlyList<NoteSignature>? unverified = null) =>
        new(null, new NoteFailure(kind, message, signature, unverified ?? []));
}
