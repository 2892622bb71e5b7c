using System.Text.Json;
using System.Text.Json.Nodes;
using DataIp.Cli.Log;
using DataIp.Crypto;
using DataIp.Crypto.Credentials;

namespace DataIp.Cli.Verify;

/// <summary>The outcome of a check of <c>dataip verify</c>'s own: passed or not, and a sentence saying which.</summary>
/// <param name="Passed">Whether the check held.</param>
/// <param name="Message">What held, or what did not, in English.</param>
internal sealed record CheckResult(bool Passed, string Message)
{
    public static CheckResult Pass(string message) => new(true, message);

    public static CheckResult Fail(string message) => new(false, message);

    /// <summary>A shared check as one of the command's.</summary>
    public static CheckResult From(CertificateCheck check) => new(check.Passed, check.Message);
}

/// <summary>
/// The checks of <c>dataip verify</c>: the shared offline checks (<see cref="CertificateVerification"/>)
/// against the keys the DID document publishes, the stricter replay of the log entry, and the
/// registry's status. Bad input is a failed check, never an exception. Thread-safe: no state.
/// </summary>
internal static class CertificateChecks
{
    /// <summary>Check 1: every proof of the credential verifies with a key of the DID document.</summary>
    public static CertificateCheck Signatures(JsonObject credential, IssuerVerifierKeys keys) =>
        CertificateVerification.Signatures(credential, keys.Methods, keys.Did);

    /// <summary>
    /// Check 3: the tlog-proof is about this certificate's issuance act (see
    /// <see cref="CertificateVerification.Entry"/>), and the entry replays as a well-formed act.
    /// </summary>
    public static CertificateCheck Entry(TlogProof proof, IssuanceAct? act, string? certificateNumber) =>
        CertificateVerification.Entry(proof, act, certificateNumber, static (index, entry) =>
        {
            var replay = new ActReplay();
            replay.Replay((ulong)index, entry);
            return replay.Findings.Count > 0 ? replay.Findings[0].ToString() : null;
        });

    /// <summary>Check 4: the entry is in the registry's log, under a checkpoint signed by its keys.</summary>
    public static CertificateCheck Inclusion(TlogProof proof, IssuanceAct act, IssuerVerifierKeys keys) =>
        CertificateVerification.Inclusion(proof, act, keys.Log);

    /// <summary>Check 5: the registry's current status of the certificate; valid and pledged pass.</summary>
    /// <param name="json">The status document, or null when the registry answered 404.</param>
    /// <param name="certificateNumber">The certificate asked about.</param>
    /// <returns>The check, or null when <paramref name="json"/> is not a status document.</returns>
    public static CheckResult? Status(byte[]? json, string certificateNumber)
    {
        if (json is null)
        {
            return CheckResult.Fail($"the registry does not know certificate {certificateNumber}");
        }

        JsonObject? document;
        try
        {
            document = JsonNode.Parse(json) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }

        if (StringOf(document?["status"]) is not { } status)
        {
            return null;
        }

        if (StringOf(document!["certificateNumber"]) != certificateNumber)
        {
            return CheckResult.Fail($"the registry answered about another certificate than {certificateNumber}");
        }

        var reason = StringOf(document["statusReason"]) is { Length: > 0 } text ? $": {text}" : string.Empty;
        return status switch
        {
            "valid" => CheckResult.Pass("valid"),
            "pledged" => CheckResult.Pass($"valid, pledged{reason} (an encumbrance on the rights, not invalidity)"),
            _ => CheckResult.Fail(status + reason),
        };
    }

    private static string? StringOf(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
