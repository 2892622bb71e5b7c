using System.Text.Json.Nodes;

namespace DataIp.Crypto.Credentials;

/// <summary>
/// Verifies one proof of a proof set (eddsa-jcs-2022 §3.3.2 Verify Proof, and the same steps for
/// dataip-sm2sm3-jcs-2026). The checks run in the spec's order, then ours (issuer, key algorithm),
/// and the signature last, so that a failure names the first thing wrong.
/// </summary>
internal static class ProofVerifier
{
    internal readonly record struct Outcome(VerifiedProof? Proof, CredentialFailureKind Failure, string Message);

    public static Outcome Verify(
        JsonObject proof,
        JsonObject secured,
        JsonObject unsecured,
        string issuer,
        IReadOnlyCollection<CredentialVerificationMethod> methods)
    {
        // §3.3.2 steps 1–3: the proof options are the proof without proofValue.
        if (proof["proofValue"] is not JsonValue proofValue || !proofValue.TryGetValue<string>(out var encoded)
            || !Base58Btc.TryDecodeMultibase(encoded, out var signature))
        {
            return Fail(CredentialFailureKind.MalformedProof, "its \"proofValue\" is missing or not multibase base58btc (\"z…\").");
        }

        var options = proof.DeepClone().AsObject();
        options.Remove("proofValue");

        // §3.3.4/§3.3.5: type and cryptosuite.
        if (!CredentialVerifier.IsString(options["type"], Cryptosuite.ProofType))
        {
            return Fail(CredentialFailureKind.WrongProofType, $"its \"type\" is not \"{Cryptosuite.ProofType}\".");
        }

        var cryptosuite = StringOf(options["cryptosuite"]);
        if (Cryptosuite.AlgorithmOf(cryptosuite) is not { } algorithm)
        {
            return Fail(CredentialFailureKind.WrongCryptosuite,
                $"its cryptosuite \"{cryptosuite}\" is neither \"{Cryptosuite.EddsaJcs2022}\" nor \"{Cryptosuite.DataIpSm2Sm3Jcs2026}\".");
        }

        if (!CredentialVerifier.IsString(options["proofPurpose"], Cryptosuite.AssertionMethod))
        {
            return Fail(CredentialFailureKind.WrongProofPurpose, $"its \"proofPurpose\" is not \"{Cryptosuite.AssertionMethod}\".");
        }

        // §3.3.5 step 3: a "created" that is present must be a dateTimeStamp.
        string? created = null;
        if (options.ContainsKey("created") && (StringOf(options["created"]) is not { } text || !CredentialVerifier.IsDateTimeStamp(text)))
        {
            return Fail(CredentialFailureKind.MalformedProof, "its \"created\" is not a date-time with a time zone.");
        }
        else if (options.ContainsKey("created"))
        {
            created = StringOf(options["created"]);
        }

        if (options.ContainsKey("previousProof"))
        {
            return Fail(CredentialFailureKind.MalformedProof, "it has a \"previousProof\"; proof chains are not used for credentials.");
        }

        if (StringOf(options["verificationMethod"]) is not { } methodId)
        {
            return Fail(CredentialFailureKind.MalformedProof, "its \"verificationMethod\" is missing or not a string.");
        }

        // §3.3.2 step 4 lets the document's @context merely start with the proof's (the proof's is
        // what gets hashed), so contexts appended after signing would pass. We require the two to
        // be equal: an appended context can redefine the credential's terms for a JSON-LD reader,
        // and nothing of a certificate may change after signing (docs/credential.md).
        var document = unsecured;
        if (options.ContainsKey("@context"))
        {
            if (!SameContext(secured["@context"], options["@context"]))
            {
                return Fail(CredentialFailureKind.ContextMismatch, "the credential's \"@context\" is not the one signed (the proof's).");
            }

            document = unsecured.DeepClone().AsObject();
            document["@context"] = options["@context"]!.DeepClone();
        }

        var method = methods.FirstOrDefault(m => m.Id == methodId);
        if (method is null)
        {
            return Fail(CredentialFailureKind.UnknownVerificationMethod, $"its verification method \"{methodId}\" is not one of the issuer's published keys.");
        }

        if (method.Controller != issuer)
        {
            return Fail(CredentialFailureKind.IssuerMismatch, $"its verification method \"{methodId}\" is controlled by \"{method.Controller}\", not by the issuer \"{issuer}\".");
        }

        if (method.Key.Algorithm != algorithm)
        {
            return Fail(CredentialFailureKind.KeyMismatch, $"the cryptosuite \"{cryptosuite}\" needs an {algorithm} key, but \"{methodId}\" is {method.Key.Algorithm}.");
        }

        // §3.3.6 and §3.3.7: hashData, then the signature over it.
        var hashData = DataIntegrity.HashData(options, document);
        if (!method.Key.CreateVerifier().Verify(hashData, signature))
        {
            return Fail(CredentialFailureKind.InvalidSignature,
                $"the {cryptosuite} signature by \"{methodId}\" does not match: the credential or the proof was changed after signing, or another key signed it.");
        }

        return new(new VerifiedProof(cryptosuite!, methodId, created), CredentialFailureKind.None, string.Empty);
    }

    private static Outcome Fail(CredentialFailureKind failure, string message) => new(null, failure, message);

    private static string? StringOf(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    // The same values in the same order; a single value counts as a one-element list.
    private static bool SameContext(JsonNode? documentContext, JsonNode? proofContext)
    {
        JsonNode?[] document = documentContext is JsonArray d ? [.. d] : [documentContext];
        JsonNode?[] signed = proofContext is JsonArray p ? [.. p] : [proofContext];
        return signed.Length == document.Length
            && signed.Select((node, i) => JsonNode.DeepEquals(node, document[i])).All(equal => equal);
    }
}
