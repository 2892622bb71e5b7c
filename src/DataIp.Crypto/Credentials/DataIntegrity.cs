using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using DataIp.Domain.Canonicalization;

namespace DataIp.Crypto.Credentials;

/// <summary>
/// Data Integrity proofs over JSON documents with JCS (W3C "Data Integrity EdDSA Cryptosuites
/// v1.0" §3.3, eddsa-jcs-2022), and our SM2 twin (<see cref="Cryptosuite.DataIpSm2Sm3Jcs2026"/>).
/// Thread-safe: all members are pure, and inputs are copied, never changed.
/// </summary>
public static class DataIntegrity
{
    /// <summary>The size of hashData: two SHA-256 digests.</summary>
    public const int HashDataSize = 64;

    /// <summary>
    /// The proof options of a new proof (§3.3.1 Create Proof; §3.3.5 Proof Configuration), in the
    /// spec's member order: type, cryptosuite, created, verificationMethod, proofPurpose, and the
    /// document's "@context" when it has one.
    /// </summary>
    /// <param name="unsecured">The document without proof.</param>
    /// <param name="cryptosuite">The proof's cryptosuite.</param>
    /// <param name="verificationMethod">The signing key's verification method.</param>
    /// <param name="created">When the proof is made; written in whole UTC seconds (an XML Schema dateTimeStamp).</param>
    /// <returns>A new object.</returns>
    public static JsonObject ProofOptions(JsonObject unsecured, string cryptosuite, string verificationMethod, DateTimeOffset created)
    {
        ArgumentNullException.ThrowIfNull(unsecured);
        var options = new JsonObject
        {
            ["type"] = Cryptosuite.ProofType,
            ["cryptosuite"] = cryptosuite,
            ["created"] = FormatDateTime(created),
            ["verificationMethod"] = verificationMethod,
            ["proofPurpose"] = Cryptosuite.AssertionMethod,
        };
        if (unsecured["@context"] is { } context)
        {
            options["@context"] = context.DeepClone();
        }

        return options;
    }

    /// <summary>
    /// The bytes every proof signs (§3.3.4 Transformation, §3.3.6 Hashing):
    /// SHA-256(JCS(proof options)) || SHA-256(JCS(document without proof)).
    /// </summary>
    /// <param name="proofOptions">The proof without proofValue.</param>
    /// <param name="unsecured">The document without proof.</param>
    /// <returns>64 bytes.</returns>
    /// <exception cref="ArgumentException">A value is not I-JSON (RFC 8785 refuses it).</exception>
    public static byte[] HashData(JsonObject proofOptions, JsonObject unsecured)
    {
        var hashData = new byte[HashDataSize];
        SHA256.HashData(JsonCanonicalizer.Canonicalize(proofOptions), hashData.AsSpan(0, 32));
        SHA256.HashData(JsonCanonicalizer.Canonicalize(unsecured), hashData.AsSpan(32));
        return hashData;
    }

    /// <summary>Makes one proof of <paramref name="unsecured"/> with <paramref name="key"/>.</summary>
    /// <param name="unsecured">The document without proof.</param>
    /// <param name="key">The signing key.</param>
    /// <param name="created">When the proof is made.</param>
    /// <returns>The proof: its options and "proofValue", multibase base58btc of the signature.</returns>
    /// <exception cref="ArgumentException">The document has a "proof" or is not I-JSON.</exception>
    public static JsonObject CreateProof(JsonObject unsecured, CredentialSigningKey key, DateTimeOffset created)
    {
        ArgumentNullException.ThrowIfNull(unsecured);
        ArgumentNullException.ThrowIfNull(key);
        if (unsecured.ContainsKey("proof"))
        {
            throw new ArgumentException("The document to prove already has a \"proof\"; proofs are made over the document without any.", nameof(unsecured));
        }

        var proof = ProofOptions(unsecured, key.Cryptosuite, key.VerificationMethod, created);
        var signature = key.Signer.Sign(HashData(proof, unsecured));
        proof["proofValue"] = Base58Btc.EncodeMultibase(signature);
        return proof;
    }

    /// <summary>
    /// Secures a document with one proof per key (VC Data Integrity 1.0 §4.2 Add Proof Set): each
    /// proof is over the document without any proof, so each verifies alone. One key gives
    /// "proof": {…}; several give "proof": [{…}, …] in the keys' order.
    /// </summary>
    /// <param name="unsecured">The document, without "proof".</param>
    /// <param name="keys">At least one key.</param>
    /// <param name="created">The proofs' creation time.</param>
    /// <returns>A new document; <paramref name="unsecured"/> is not changed.</returns>
    /// <exception cref="ArgumentException">No key, a "proof" already there, or a value that is not I-JSON.</exception>
    public static JsonObject AddProofs(JsonObject unsecured, IReadOnlyList<CredentialSigningKey> keys, DateTimeOffset created)
    {
        ArgumentNullException.ThrowIfNull(unsecured);
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            throw new ArgumentException("At least one signing key is needed.", nameof(keys));
        }

        var proofs = keys.Select(key => CreateProof(unsecured, key, created)).ToArray();
        var secured = unsecured.DeepClone().AsObject();
        secured["proof"] = proofs.Length == 1 ? proofs[0] : new JsonArray(proofs);
        return secured;
    }

    /// <summary>An XML Schema dateTimeStamp in whole UTC seconds: 2026-11-27T15:16:43Z.</summary>
    /// <param name="time">The time; its fraction of a second is dropped.</param>
    /// <returns>The text.</returns>
    public static string FormatDateTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
