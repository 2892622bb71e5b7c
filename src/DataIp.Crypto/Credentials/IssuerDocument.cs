using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;

namespace DataIp.Crypto.Credentials;

/// <summary>
/// The issuer's DID document (W3C DID 1.0; did:web serves it at
/// https://{host}/.well-known/did.json for "did:web:{host}"): its verification methods as
/// Multikey entries (W3C Controlled Identifiers 1.0 §2.2.2) and, under "assertionMethod", those
/// allowed to sign credentials. Thread-safe: all members are pure.
/// </summary>
public static class IssuerDocument
{
    /// <summary>The DID context.</summary>
    public const string DidContext = "https://www.w3.org/ns/did/v1";

    /// <summary>The Multikey context.</summary>
    public const string MultikeyContext = "https://w3id.org/security/multikey/v1";

    /// <summary>Builds the document.</summary>
    /// <param name="did">The issuer's DID, e.g. "did:web:registry.example".</param>
    /// <param name="methods">Its verification methods, all controlled by <paramref name="did"/>; all go under assertionMethod.</param>
    /// <returns>A new object.</returns>
    /// <exception cref="ArgumentException">A method is controlled by another DID, or two share an id.</exception>
    public static JsonObject Create(string did, IReadOnlyList<CredentialVerificationMethod> methods)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(did);
        ArgumentNullException.ThrowIfNull(methods);
        if (methods.FirstOrDefault(m => m.Controller != did) is { } stranger)
        {
            throw new ArgumentException($"The verification method \"{stranger.Id}\" is not under \"{did}\".", nameof(methods));
        }

        if (methods.Select(m => m.Id).Distinct(StringComparer.Ordinal).Count() != methods.Count)
        {
            throw new ArgumentException("Two verification methods share an id.", nameof(methods));
        }

        return new JsonObject
        {
            ["@context"] = new JsonArray(DidContext, MultikeyContext),
            ["id"] = did,
            ["verificationMethod"] = new JsonArray([.. methods.Select(m => (JsonNode)new JsonObject
            {
                ["id"] = m.Id,
                ["type"] = CredentialVerificationMethod.Multikey,
                ["controller"] = did,
                ["publicKeyMultibase"] = m.PublicKeyMultibase,
            })]),
            ["assertionMethod"] = new JsonArray([.. methods.Select(m => JsonValue.Create(m.Id))]),
        };
    }

    /// <summary>
    /// Reads the methods a credential verifier may use: the Multikey entries of "verificationMethod"
    /// whose id is listed under "assertionMethod" and whose controller is the document's id.
    /// Entries of other types are skipped; a Multikey entry that cannot be decoded refuses the document.
    /// </summary>
    /// <param name="document">The DID document, e.g. as fetched.</param>
    /// <param name="methods">The methods, when read.</param>
    /// <param name="error">Why the document was refused, when not.</param>
    /// <returns>True when read.</returns>
    public static bool TryReadVerificationMethods(
        JsonObject document,
        [NotNullWhen(true)] out IReadOnlyList<CredentialVerificationMethod>? methods,
        [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(document);
        methods = null;
        if (StringOf(document["id"]) is not { } did)
        {
            error = "The document has no \"id\".";
            return false;
        }

        var assertion = document["assertionMethod"] is JsonArray listed
            ? listed.Select(StringOf).OfType<string>().ToHashSet(StringComparer.Ordinal)
            : [];
        var found = new List<CredentialVerificationMethod>();
        foreach (var entry in (document["verificationMethod"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (StringOf(entry["type"]) != CredentialVerificationMethod.Multikey
                || StringOf(entry["id"]) is not { } id || !assertion.Contains(id)
                || StringOf(entry["controller"]) != did)
            {
                continue;
            }

            if (!CredentialVerificationMethod.TryDecode(id, StringOf(entry["publicKeyMultibase"]), out var method, out error))
            {
                return false;
            }

            if (method.Controller != did)
            {
                error = $"The verification method \"{id}\" is not under \"{did}\".";
                return false;
            }

            found.Add(method);
        }

        methods = found;
        error = null;
        return true;
    }

    private static string? StringOf(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
