using DataIp.Crypto;
using DataIp.Domain.TransparencyLog;

namespace DataIp.Cli.Log;

/// <summary>
/// The outcome of <see cref="LogVerifier.VerifyAsync"/>: what was verified and everything found
/// wrong. The log verified only when <see cref="IsVerified"/>; only then may the checkpoint be
/// saved as the state for the next run. Immutable.
/// </summary>
/// <param name="Keys">The keys the checkpoint was verified with; null when they were refused.</param>
/// <param name="Checkpoint">The checkpoint, once its signatures verified; otherwise null.</param>
/// <param name="EntriesChecked">How many entries were read, hashed and replayed.</param>
/// <param name="Findings">What is wrong with the log, in the order found.</param>
/// <param name="ReadFailure">Why the log could not be read to the end (the server unreachable or
/// answering with an error); null when every read succeeded.</param>
internal sealed record LogVerification(
    LogVerifierKeys? Keys, Checkpoint? Checkpoint, ulong EntriesChecked, IReadOnlyList<Finding> Findings, string? ReadFailure)
{
    /// <summary>True when the whole log was read and nothing is wrong.</summary>
    public bool IsVerified => Findings.Count == 0 && ReadFailure is null && Checkpoint is not null && Keys is not null;

    /// <summary>The state to save after a verified run.</summary>
    /// <param name="checkedAt">The time of the run.</param>
    /// <returns>The checkpoint's origin, size and root, and the keys.</returns>
    /// <exception cref="InvalidOperationException">The log did not verify: its checkpoint must not be trusted next time.</exception>
    public SavedLogState ToState(DateTimeOffset checkedAt)
    {
        if (!IsVerified)
        {
            throw new InvalidOperationException("Only a verified checkpoint is saved as the state.");
        }

        return new SavedLogState(Checkpoint!.Origin, (ulong)Checkpoint.TreeSize, Hash.FromBytes(Checkpoint.RootHash), Keys!, checkedAt);
    }
}
