using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataIp.Crypto;
using DataIp.Crypto.Credentials;

namespace DataIp.Cli.Verify;

/// <summary>
/// What the registry publishes in its DID document (docs/credential.md, "The issuer's keys"): the
/// credential signing keys and, in a <c>DataIpTransparencyLog</c> service entry, its log's origin
/// and note verifier keys.
/// </summary>
/// <param name="Did">The document's id, the issuer.</param>
/// <param name="Methods">The verification methods credentials may be signed with.</param>
/// <param name="LogOrigin">The log's origin, or null when the document describes no log.</param>
/// <param name="LogVerifiers">The log's checkpoint keys; empty when the document describes no log.</param>
internal sealed record IssuerKeys(string Did, IReadOnlyList<CredentialVerificationMethod> Methods, string? LogOrigin, IReadOnlyList<INoteVerifier> LogVerifiers)
{
    /// <summary>The service type of the log's entry in the DID document.</summary>
    public const string LogServiceType = CertificateVerification.LogServiceType;

    /// <summary>Reads a DID document.</summary>
    /// <param name="json">The document's UTF-8 JSON.</param>
    /// <param name="keys">The keys, when read.</param>
    /// <param name="error">Why the document cannot be used; null when read.</param>
    /// <returns>True when read.</returns>
    public static bool TryRead(ReadOnlySpan<byte> json, [NotNullWhen(true)] out IssuerKeys? keys, [NotNullWhen(false)] out string? error)
    {
        keys = null;
        JsonObject? document;
        try
        {
            document = JsonNode.Parse(json) as JsonObject;
        }
        catch (JsonException exception)
        {
            error = $"the DID document is not JSON: {exception.Message}";
            return false;
        }

        if (document is null)
        {
            error = "the DID document is not a JSON object";
            return false;
        }

        if (!IssuerDocument.TryReadVerificationMethods(document, out var methods, out var methodsError))
        {
            error = $"the DID document's keys cannot be read: {methodsError}";
            return false;
        }

        if (!TryReadLog(document, out var origin, out var verifiers, out error))
        {
            return false;
        }

        keys = new IssuerKeys(document["id"]!.GetValue<string>(), methods, origin, verifiers);
        return true;
    }

    // The first service of type DataIpTransparencyLog; none is not an error here (the log check fails later).
    private static bool TryReadLog(JsonObject document, out string? origin, out IReadOnlyList<INoteVerifier> verifiers, [NotNullWhen(false)] out string? error)
    {
        origin = null;
        verifiers = [];
        error = null;
        var service = (document["service"] as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault(s => StringOf(s["type"]) == LogServiceType);
        if (service is null)
        {
            return true;
        }

        origin = StringOf(service["origin"]);
        if (string.IsNullOrEmpty(origin))
        {
            error = $"the DID document's {LogServiceType} service has no \"origin\"";
            return false;
        }

        var found = new List<INoteVerifier>();
        foreach (var text in service["verifierKeys"] as JsonArray ?? [])
        {
            if (!NoteVerifierKey.TryParse(StringOf(text), out var key, out var keyError))
            {
                error = $"a verifier key of the DID document's {LogServiceType} service is not a note verifier key: {keyError.Message}";
                return false;
            }

            found.Add(key.CreateVerifier());
        }

        verifiers = found;
        return true;
    }

    private static string? StringOf(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
