namespace DataIp.Domain.TransparencyLog;

/// <summary>
/// The outcome of verifying a proof: valid, or the <see cref="ProofFailure"/> and a message saying
/// what did not hold. A class rather than a struct so that no zero-initialised value can pass for a
/// valid proof. Immutable.
/// </summary>
public sealed class ProofVerification
{
    private ProofVerification(ProofFailure failure, string message)
    {
        Failure = failure;
        Message = message;
    }

    /// <summary>The outcome of a proof that verified.</summary>
    public static ProofVerification Valid { get; } = new(ProofFailure.None, "The proof is valid.");

    /// <summary>Whether the proof verified.</summary>
    public bool IsValid => Failure == ProofFailure.None;

    /// <summary>Why it did not verify; <see cref="ProofFailure.None"/> when it did.</summary>
    public ProofFailure Failure { get; }

    /// <summary>What was checked and did not hold, for logs and error responses.</summary>
    public string Message { get; }

    /// <summary>The message.</summary>
    /// <returns><see cref="Message"/>.</returns>
    public override string ToString() => Message;

    internal static ProofVerification Fail(ProofFailure failure, string message) => new(failure, message);
}
