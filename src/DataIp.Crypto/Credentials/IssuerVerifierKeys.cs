using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DataIp.Crypto.Credentials;

/// <summary>
/// What a certificate is checked against: the issuer's public keys as its DID document publishes
/// them (docs/credential.md, "The issuer's keys"): the credential signing keys and, in a
/// <c>DataIpTransparencyLog</c> service entry, its log's origin and note verifier keys. The
/// counterpart of the platform's signing keys; <c>dataip verify</c> reads it from the document,
/// the verification page builds it from the node's own keys. Immutable.
/// </summary>
/// <param name="Did">The issuer.</param>
/// <param name="Methods">The verification methods credentials may be signed with.</param>
/// <param name="Log">The log's keys (named after its origin), or null when the issuer describes no log.</param>
public sealed record IssuerVerifierKeys(string Did, IReadOnlyList<CredentialVerificationMethod> Methods, LogVerifierKeys? Log)
{
    /// <summary>
    /// Reads a DID document: its assertion methods (<see cref="IssuerDocument.TryReadVerificationMethods"/>)
    /// and the first service of type <see cref="CertificateVerification.LogServiceType"/>, whose
    /// <c>verifierKeys</c> are read as one log's key set (<see cref="LogVerifierKeys.TryParse(IEnumerable{string}, IReadOnlyCollection{NoteKeyAlgorithm}, Func{int, string}?, out LogVerifierKeys?, out string?)"/>)
    /// that must be named after its <c>origin</c>. A document without that service is read
    /// (with no log: the inclusion check then fails); one whose service is incomplete is refused.
    /// </summary>
    /// <param name="json">The document's UTF-8 JSON.</param>
    /// <param name="keys">The keys, when read.</param>
    /// <param name="error">Why the document cannot be used; null when read.</param>
    /// <returns>True when read.</returns>
    public static bool TryReadDidDocument(ReadOnlySpan<byte> json, [NotNullWhen(true)] out IssuerVerifierKeys? keys, [NotNullWhen(false)] out string? error)
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

        if (!TryReadLog(document, out var log, out error))
        {
            return false;
        }

        keys = new IssuerVerifierKeys(document["id"]!.GetValue<string>(), methods, log);
        return true;
    }

    // The first service of type DataIpTransparencyLog; none is not an error here (the log check fails later).
    private static bool TryReadLog(JsonObject document, out LogVerifierKeys? log, [NotNullWhen(false)] out string? error)
    {
        const string Service = CertificateVerification.LogServiceType;
        log = null;
        error = null;
        var service = (document["service"] as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault(s => StringOf(s["type"]) == Service);
        if (service is null)
        {
            return true;
        }

        var origin = StringOf(service["origin"]);
        if (string.IsNullOrEmpty(origin))
        {
            error = $"the DID document's {Service} service has no \"origin\"";
            return false;
        }

        // A member that is not a string is read as one that is not a key, so the error names it.
        var texts = (service["verifierKeys"] as JsonArray ?? []).Select(node => StringOf(node) ?? "(not a string)");
        if (!LogVerifierKeys.TryParse(texts, [], i => string.Create(CultureInfo.InvariantCulture, $"verifierKeys[{i}]"), out log, out var keysError))
        {
            error = $"the DID document's {Service} service does not list its log's keys: {keysError}";
            return false;
        }

        if (log.Origin != origin)
        {
            error = $"the DID document's {Service} service lists keys named \"{log.Origin}\", not after the origin \"{origin}\"";
            log = null;
            return false;
        }

        return true;
    }

    private static string? StringOf(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
