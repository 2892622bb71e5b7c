namespace DataIp.Crypto.Credentials;

/// <summary>Why a credential did not verify.</summary>
public enum CredentialFailureKind
{
    /// <summary>It verified.</summary>
    None = 0,

    /// <summary>Not one I-JSON object, or not a VC 2.0 credential (@context, type, issuer, validFrom, credentialSubject).</summary>
    MalformedCredential,

    /// <summary>No "proof" member, or an empty proof set.</summary>
    NoProof,

    /// <summary>A proof is not an object, lacks a member, has a bad "created", or a proofValue that is not multibase base58btc.</summary>
    MalformedProof,

    /// <summary>A proof's type is not "DataIntegrityProof".</summary>
    WrongProofType,

    /// <summary>A proof's cryptosuite is neither eddsa-jcs-2022 nor dataip-sm2sm3-jcs-2026.</summary>
    WrongCryptosuite,

    /// <summary>A proof's proofPurpose is not "assertionMethod".</summary>
    WrongProofPurpose,

    /// <summary>The document's "@context" does not start with the proof's "@context" (eddsa-jcs-2022 §3.3.2).</summary>
    ContextMismatch,

    /// <summary>A proof names a verification method the verifier was not given.</summary>
    UnknownVerificationMethod,

    /// <summary>A proof's verification method is not controlled by the credential's issuer.</summary>
    IssuerMismatch,

    /// <summary>The verification method's key is not of the cryptosuite's algorithm.</summary>
    KeyMismatch,

    /// <summary>
    /// The signature does not match: the document or the proof options were changed after signing,
    /// or the published key is not the one that signed. The two are the same to the mathematics.
    /// </summary>
    InvalidSignature,
}

/// <summary>A proof that verified.</summary>
/// <param name="Cryptosuite">Its cryptosuite.</param>
/// <param name="VerificationMethod">The key that made it.</param>
/// <param name="Created">Its "created", as written, or null.</param>
public sealed record VerifiedProof(string Cryptosuite, string VerificationMethod, string? Created);

/// <summary>
/// The outcome of <see cref="CredentialVerifier.Verify(string, IReadOnlyCollection{CredentialVerificationMethod})"/>:
/// valid with every proof listed, or the first failure with a message for people and the index of
/// the proof it concerns.
/// </summary>
public sealed class CredentialVerificationResult
{
    private CredentialVerificationResult(CredentialFailureKind failure, string message, int? proofIndex, IReadOnlyList<VerifiedProof> proofs)
    {
        Failure = failure;
        Message = message;
        ProofIndex = proofIndex;
        Proofs = proofs;
    }

    /// <summary>True when every proof verified (and there was at least one).</summary>
    public bool IsValid => Failure == CredentialFailureKind.None;

    /// <summary>What failed, or <see cref="CredentialFailureKind.None"/>.</summary>
    public CredentialFailureKind Failure { get; }

    /// <summary>What was found, for people: "couldn't verify proof 1 (…): …".</summary>
    public string Message { get; }

    /// <summary>The index in the proof set of the proof that failed, or null.</summary>
    public int? ProofIndex { get; }

    /// <summary>The proofs, in order, when valid; empty otherwise.</summary>
    public IReadOnlyList<VerifiedProof> Proofs { get; }

    internal static CredentialVerificationResult Valid(IReadOnlyList<VerifiedProof> proofs) =>
        new(CredentialFailureKind.None, $"The credential verified: {string.Join(", ", proofs.Select(p => p.Cryptosuite))}.", null, proofs);

    internal static CredentialVerificationResult Fail(CredentialFailureKind failure, string message, int? proofIndex = null) =>
        new(failure, message, proofIndex, []);

    /// <inheritdoc/>
    public override string ToString() => IsValid ? Message : $"{Failure}: {Message}";
}
