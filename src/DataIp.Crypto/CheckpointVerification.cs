using System.Diagnostics.CodeAnalysis;

namespace DataIp.Crypto;

/// <summary>Why <see cref="LogVerifierKeys.VerifyCheckpoint(string, IReadOnlyCollection{NoteKeyAlgorithm})"/> refused a checkpoint, in the order it checks.</summary>
public enum CheckpointFailure
{
    /// <summary>It verified.</summary>
    None,

    /// <summary>Not a signed note (<see cref="NoteFailureKind.Malformed"/>).</summary>
    MalformedNote,

    /// <summary>A signature by one of the log's keys does not verify (<see cref="NoteFailureKind.InvalidSignature"/>).</summary>
    InvalidSignature,

    /// <summary>No signature by the log's keys (<see cref="NoteFailureKind.NoVerifiedSignature"/>).</summary>
    NoVerifiedSignature,

    /// <summary>The signed text is not a checkpoint (<see cref="Crypto.Checkpoint.TryParse"/>).</summary>
    NotACheckpoint,

    /// <summary>The checkpoint's origin is not the name of the log's keys.</summary>
    WrongOrigin,

    /// <summary>No signature by a key of a required algorithm verified.</summary>
    MissingAlgorithm,
}

/// <summary>
/// The outcome of verifying a log's checkpoint (<see cref="LogVerifierKeys.VerifyCheckpoint(string, IReadOnlyCollection{NoteKeyAlgorithm})"/>):
/// what was learnt before the first check that failed, so that each caller words its own report.
/// </summary>
/// <param name="Failure">The check that failed; <see cref="CheckpointFailure.None"/> when verified.</param>
/// <param name="Message">What held, or what did not, in English.</param>
/// <param name="NoteFailure">Why the note was refused, for the first three failures; otherwise null.</param>
/// <param name="Note">The opened note, once a signature by the log's keys verified; otherwise null.</param>
/// <param name="SignedBy">The log's keys whose signatures verified, in note order; empty when the note was refused.</param>
/// <param name="Checkpoint">The checkpoint, once its text was read (also when the origin or an algorithm is wrong).</param>
/// <param name="MissingAlgorithms">For <see cref="CheckpointFailure.MissingAlgorithm"/>, the required algorithms no signature is by.</param>
public sealed record CheckpointVerification(
    CheckpointFailure Failure,
    string Message,
    NoteFailure? NoteFailure,
    OpenedNote? Note,
    IReadOnlyList<NoteVerifierKey> SignedBy,
    Checkpoint? Checkpoint,
    IReadOnlyList<NoteKeyAlgorithm> MissingAlgorithms)
{
    /// <summary>True when every check held.</summary>
    [MemberNotNullWhen(true, nameof(Checkpoint), nameof(Note))]
    public bool IsVerified => Failure == CheckpointFailure.None;

    /// <summary>The checks after the note was opened; see <see cref="LogVerifierKeys.VerifyCheckpoint(string, IReadOnlyCollection{NoteKeyAlgorithm})"/>.</summary>
    internal static CheckpointVerification Of(LogVerifierKeys keys, NoteOpenResult opened, IReadOnlyCollection<NoteKeyAlgorithm> required)
    {
        ArgumentNullException.ThrowIfNull(required);
        if (!opened.IsVerified)
        {
            var failure = opened.Failure.Kind switch
            {
                NoteFailureKind.InvalidSignature => CheckpointFailure.InvalidSignature,
                NoteFailureKind.NoVerifiedSignature => CheckpointFailure.NoVerifiedSignature,
                _ => CheckpointFailure.MalformedNote,
            };
            return new(failure, opened.Failure.Message, opened.Failure, null, [], null, []);
        }

        var signedBy = opened.Note.VerifiedSignatures.Select(signature => keys.Find(signature.Name, signature.KeyId)!).ToList();
        if (!Checkpoint.TryParse(opened.Note.Text, out var checkpoint, out var error))
        {
            return new(CheckpointFailure.NotACheckpoint, $"The signed text is not a checkpoint: {error.Message}", null, opened.Note, signedBy, null, []);
        }

        if (checkpoint.Origin != keys.Origin)
        {
            return new(CheckpointFailure.WrongOrigin, $"The checkpoint's origin \"{checkpoint.Origin}\" is not the name of the log's keys, \"{keys.Origin}\".",
                null, opened.Note, signedBy, checkpoint, []);
        }

        var missing = required.Where(algorithm => !signedBy.Any(key => key.Algorithm == algorithm)).ToList();
        if (missing.Count > 0)
        {
            return new(CheckpointFailure.MissingAlgorithm,
                $"No signature by the log's {string.Join(" or ", missing.Select(LogVerifierKeys.AlgorithmName))} key verified, only by {string.Join(", ", signedBy.Select(LogVerifierKeys.Label))}.",
                null, opened.Note, signedBy, checkpoint, missing);
        }

        return new(CheckpointFailure.None, $"Signed by {string.Join(", ", signedBy.Select(LogVerifierKeys.Label))}.", null, opened.Note, signedBy, checkpoint, []);
    }
}
