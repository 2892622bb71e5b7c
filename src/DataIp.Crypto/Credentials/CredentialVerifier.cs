using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DataIp.Domain.Canonicalization;

namespace DataIp.Crypto.Credentials;

/// <summary>
/// Verifies a secured credential against the issuer's published verification methods: every
/// proof must verify (W3C VC Data Integrity 1.0 §4.4 Verify Proof; eddsa-jcs-2022 §3.3.2), and
/// each must be by a method controlled by the issuer. Bad input is a typed failure, never an
/// exception. Thread-safe.
/// </summary>
public static partial class CredentialVerifier
{
    /// <summary>Verifies a credential received as text.</summary>
    /// <param name="json">The secured credential.</param>
    /// <param name="methods">The issuer's verification methods (<see cref="IssuerDocument.TryReadVerificationMethods"/>).</param>
    /// <returns>The outcome.</returns>
    public static CredentialVerificationResult Verify(string json, IReadOnlyCollection<CredentialVerificationMethod> methods)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Verify(Encoding.UTF8.GetBytes(json), methods);
    }

    /// <summary>Verifies a credential held as a JSON tree (serialised first, then read as text).</summary>
    /// <param name="credential">The secured credential.</param>
    /// <param name="methods">The issuer's verification methods.</param>
    /// <returns>The outcome.</returns>
    public static CredentialVerificationResult Verify(JsonObject credential, IReadOnlyCollection<CredentialVerificationMethod> methods)
    {
        ArgumentNullException.ThrowIfNull(credential);
        return Verify(Encoding.UTF8.GetBytes(credential.ToJsonString()), methods);
    }

    /// <summary>Verifies a credential received as UTF-8 JSON.</summary>
    /// <param name="utf8Json">The secured credential.</param>
    /// <param name="methods">The issuer's verification methods.</param>
    /// <returns>The outcome.</returns>
    public static CredentialVerificationResult Verify(ReadOnlySpan<byte> utf8Json, IReadOnlyCollection<CredentialVerificationMethod> methods)
    {
        ArgumentNullException.ThrowIfNull(methods);

        // Through JCS first: it refuses what is not I-JSON (duplicate names, lone surrogates, huge
        // numbers), which a parser would otherwise resolve in its own way.
        var canonical = JsonCanonicalizer.TryCanonicalize(utf8Json);
        if (!canonical.IsSuccess)
        {
            return Malformed($"The credential is not I-JSON: {canonical.Message}");
        }

        if (JsonNode.Parse(canonical.Canonical.Span) is not JsonObject secured)
        {
            return Malformed("The credential is not a JSON object.");
        }

        if (CheckCredential(secured) is { } refusal)
        {
            return refusal;
        }

        if (!TryReadProofs(secured, out var proofs, out var proofRefusal))
        {
            return proofRefusal;
        }

        var unsecured = secured.DeepClone().AsObject();
        unsecured.Remove("proof");
        var issuer = IssuerId(secured)!;
        var verified = new List<VerifiedProof>(proofs.Count);
        for (var i = 0; i < proofs.Count; i++)
        {
            var outcome = ProofVerifier.Verify(proofs[i], secured, unsecured, issuer, methods);
            if (outcome.Proof is null)
            {
                return CredentialVerificationResult.Fail(outcome.Failure, $"Couldn't verify proof {i}: {outcome.Message}", i);
            }

            verified.Add(outcome.Proof);
        }

        return CredentialVerificationResult.Valid(verified);
    }

    // VC Data Model 2.0 §4: the members every credential has, with the base context and type first.
    private static CredentialVerificationResult? CheckCredential(JsonObject credential)
    {
        if (credential["@context"] is not JsonArray context || context.Count == 0 || !IsString(context[0], VerifiableCredential.ContextV2))
        {
            return Malformed($"The credential's \"@context\" must be an array starting with \"{VerifiableCredential.ContextV2}\".");
        }

        if (credential["type"] is not JsonArray type || !type.Any(t => IsString(t, VerifiableCredential.BaseType)))
        {
            return Malformed($"The credential's \"type\" must be an array containing \"{VerifiableCredential.BaseType}\".");
        }

        if (IssuerId(credential) is null)
        {
            return Malformed("The credential's \"issuer\" must be a URL, or an object with an \"id\".");
        }

        if (credential["validFrom"] is not JsonValue validFrom || !validFrom.TryGetValue<string>(out var text) || !IsDateTimeStamp(text))
        {
            return Malformed("The credential's \"validFrom\" must be a date-time with a time zone.");
        }

        return credential["credentialSubject"] is JsonObject
            ? null
            : Malformed("The credential's \"credentialSubject\" must be an object.");
    }

    private static bool TryReadProofs(JsonObject secured, out IReadOnlyList<JsonObject> proofs, out CredentialVerificationResult refusal)
    {
        proofs = [];
        refusal = null!;
        switch (secured["proof"])
        {
            case JsonObject single:
                proofs = [single];
                return true;
            case JsonArray { Count: > 0 } set when set.All(p => p is JsonObject):
                proofs = [.. set.Select(p => p!.AsObject())];
                return true;
            case JsonArray { Count: > 0 }:
                refusal = CredentialVerificationResult.Fail(CredentialFailureKind.MalformedProof, "Every member of the proof set must be an object.");
                return false;
            case null or JsonArray:
                refusal = CredentialVerificationResult.Fail(CredentialFailureKind.NoProof, "The credential has no proof.");
                return false;
            default:
                refusal = CredentialVerificationResult.Fail(CredentialFailureKind.MalformedProof, "The credential's \"proof\" must be an object or an array of objects.");
                return false;
        }
    }

    internal static string? IssuerId(JsonObject credential) => credential["issuer"] switch
    {
        JsonValue value when value.TryGetValue<string>(out var id) && id.Length > 0 => id,
        JsonObject issuer when issuer["id"] is JsonValue value && value.TryGetValue<string>(out var id) && id.Length > 0 => id,
        _ => null,
    };

    internal static bool IsString(JsonNode? node, string expected) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() == expected;

    // XML Schema 1.1 dateTimeStamp: a dateTime whose time zone is required.
    internal static bool IsDateTimeStamp(string text) =>
        DateTimeStampPattern().IsMatch(text) && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out _);

    [GeneratedRegex(@"^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex DateTimeStampPattern();

    private static CredentialVerificationResult Malformed(string message) =>
        CredentialVerificationResult.Fail(CredentialFailureKind.MalformedCredential, message);
}
