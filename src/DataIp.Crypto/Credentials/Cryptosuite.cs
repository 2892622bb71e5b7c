namespace DataIp.Crypto.Credentials;

/// <summary>
/// The Data Integrity proof type and the two cryptosuites this platform signs credentials with
/// (docs/credential.md). Both use the same hashData: SHA-256(JCS(proof options)) ||
/// SHA-256(JCS(document without proof)), 64 bytes; they differ only in the signature over it.
/// </summary>
public static class Cryptosuite
{
    /// <summary>The proof type of every proof (W3C VC Data Integrity 1.0 §3.1).</summary>
    public const string ProofType = "DataIntegrityProof";

    /// <summary>The only proof purpose of a credential's proofs: the issuer asserts it.</summary>
    public const string AssertionMethod = "assertionMethod";

    /// <summary>Ed25519 over hashData, exactly as W3C "Data Integrity EdDSA Cryptosuites v1.0" §3.3.</summary>
    public const string EddsaJcs2022 = "eddsa-jcs-2022";

    /// <summary>
    /// Ours: SM2 with SM3 (GB/T 32918.2), signer ID 1234567812345678, over the same 64-byte hashData
    /// as <see cref="EddsaJcs2022"/> (SHA-256, not SM3, so that one construction serves both);
    /// the signature DER-encoded as OpenSSL writes it, then multibase base58btc.
    /// </summary>
    public const string DataIpSm2Sm3Jcs2026 = "dataip-sm2sm3-jcs-2026";

    /// <summary>The cryptosuite that goes with a key algorithm.</summary>
    /// <param name="algorithm">The key's algorithm.</param>
    /// <returns><see cref="EddsaJcs2022"/> or <see cref="DataIpSm2Sm3Jcs2026"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Not a known algorithm.</exception>
    public static string For(NoteKeyAlgorithm algorithm) => algorithm switch
    {
        NoteKeyAlgorithm.Ed25519 => EddsaJcs2022,
        NoteKeyAlgorithm.Sm2 => DataIpSm2Sm3Jcs2026,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Not a credential signing algorithm."),
    };

    /// <summary>The key algorithm a cryptosuite requires, or null for a cryptosuite we do not know.</summary>
    /// <param name="cryptosuite">The proof's cryptosuite.</param>
    /// <returns>The algorithm, or null.</returns>
    public static NoteKeyAlgorithm? AlgorithmOf(string? cryptosuite) => cryptosuite switch
    {
        EddsaJcs2022 => NoteKeyAlgorithm.Ed25519,
        DataIpSm2Sm3Jcs2026 => NoteKeyAlgorithm.Sm2,
        _ => null,
    };
}
