using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataIp.Cli.Log;
using DataIp.Crypto;
using DataIp.Crypto.Credentials;
using DataIp.Domain.TransparencyLog;

namespace DataIp.Cli.Verify;

/// <summary>The outcome of one check of <c>dataip verify</c>: passed or not, and a sentence saying which.</summary>
/// <param name="Passed">Whether the check held.</param>
/// <param name="Message">What held, or what did not, in English.</param>
internal sealed record CheckResult(bool Passed, string Message)
{
    public static CheckResult Pass(string message) => new(true, message);

    public static CheckResult Fail(string message) => new(false, message);
}

/// <summary>The issuance act the credential's subject names (docs/credential.md): its log, index and leaf hash.</summary>
/// <param name="Log">The log's origin.</param>
/// <param name="Index">The act's entry index.</param>
/// <param name="LeafHash">The entry's RFC 9162 leaf hash, 32 bytes.</param>
internal sealed record IssuanceAct(string Log, long Index, byte[] LeafHash);

/// <summary>
/// The offline checks of <c>dataip verify</c>, each a pure function of what was read. Bad input is
/// a failed check, never an exception. Thread-safe: no state.
/// </summary>
internal static class CertificateChecks
{
    /// <summary>The act type of an issuance in the log.</summary>
    public const string IssueCertificateAct = "issueCertificate";

    /// <summary>Check 1: every proof of the credential verifies with a key of the DID document.</summary>
    public static CheckResult Signatures(JsonObject credential, IssuerKeys keys)
    {
        var result = CredentialVerifier.Verify(credential, keys.Methods);
        if (result.IsValid)
        {
            var suites = string.Join(" and ", result.Proofs.Select(p => p.Cryptosuite));
            return CheckResult.Pass($"signed by {keys.Did} ({suites})");
        }

        var which = result.ProofIndex is { } index ? string.Create(CultureInfo.InvariantCulture, $"proof {index}: ") : string.Empty;
        return CheckResult.Fail($"{which}{Explain(result.Failure)} ({result.Message})");
    }

    /// <summary>The subject's certificate number, or null.</summary>
    public static string? CertificateNumber(JsonObject credential) =>
        StringOf((credential["credentialSubject"] as JsonObject)?["certificateNumber"]);

    /// <summary>The subject's issuanceAct, or null when absent or malformed.</summary>
    public static IssuanceAct? ReadIssuanceAct(JsonObject credential)
    {
        if ((credential["credentialSubject"] as JsonObject)?["issuanceAct"] is not JsonObject act
            || StringOf(act["log"]) is not { } log
            || act["index"] is not JsonValue indexValue || !indexValue.TryGetValue<long>(out var index) || index < 0
            || !Hash.TryFromBase64(StringOf(act["leafHash"]), out var leafHash))
        {
            return null;
        }

        return new IssuanceAct(log, index, leafHash.ToArray());
    }

    /// <summary>
    /// Check 3: the tlog-proof is about this certificate's issuance act: its extra bytes (the log
    /// entry) hash to the subject's leafHash, its index is the subject's, and the entry is a
    /// well-formed issueCertificate act for the subject's certificate number.
    /// </summary>
    public static CheckResult Entry(TlogProof proof, IssuanceAct? act, string? certificateNumber)
    {
        if (act is null || certificateNumber is null)
        {
            return CheckResult.Fail("the credential's subject does not name its certificateNumber and issuanceAct (log, index, leafHash)");
        }

        if (proof.Extra is not { } entry)
        {
            return CheckResult.Fail("the log inclusion proof carries no log entry (no \"extra\" line)");
        }

        if (!Rfc9162.HashLeaf(entry).ToArray().AsSpan().SequenceEqual(act.LeafHash))
        {
            return CheckResult.Fail("the log entry in the inclusion proof is not the issuance act the credential names (leaf hash differs)");
        }

        if (proof.Index != act.Index)
        {
            return CheckResult.Fail(string.Create(CultureInfo.InvariantCulture, $"the inclusion proof is for entry {proof.Index}; the credential names entry {act.Index}"));
        }

        var replay = new ActReplay();
        replay.Replay((ulong)proof.Index, entry);
        if (replay.Findings.Count > 0)
        {
            return CheckResult.Fail($"the log entry is not a well-formed act: {replay.Findings[0]}");
        }

        using var document = JsonDocument.Parse(entry);
        var type = document.RootElement.GetProperty("act").GetString();
        var number = document.RootElement.TryGetProperty("certificateNumber", out var logged) && logged.ValueKind == JsonValueKind.String ? logged.GetString() : null;
        if (type != IssueCertificateAct || number != certificateNumber)
        {
            return CheckResult.Fail($"log entry {proof.Index} is act \"{type}\" of certificate {number ?? "(none)"}, not the issuance of certificate {certificateNumber}");
        }

        return CheckResult.Pass(string.Create(CultureInfo.InvariantCulture, $"log entry {proof.Index} is the issuance of certificate {certificateNumber}"));
    }

    /// <summary>Check 4: the entry is in the registry's log, under a checkpoint signed by its keys.</summary>
    public static CheckResult Inclusion(TlogProof proof, IssuanceAct act, IssuerKeys keys)
    {
        if (keys.LogOrigin is null || keys.LogVerifiers.Count == 0)
        {
            return CheckResult.Fail($"the registry's DID document describes no transparency log ({IssuerKeys.LogServiceType} service with an origin and verifier keys)");
        }

        if (act.Log != keys.LogOrigin)
        {
            return CheckResult.Fail($"the credential names the log \"{act.Log}\"; the registry's log is \"{keys.LogOrigin}\"");
        }

        var result = proof.Verify(act.LeafHash, keys.LogOrigin, keys.LogVerifiers);
        return result.IsValid
            ? CheckResult.Pass(string.Create(CultureInfo.InvariantCulture, $"entry {proof.Index} is in the log {keys.LogOrigin} (checkpoint of {result.Checkpoint!.TreeSize} entries signed by the log)"))
            : CheckResult.Fail(result.Message);
    }

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

    private static string Explain(CredentialFailureKind failure) => failure switch
    {
        CredentialFailureKind.InvalidSignature => "a field of the credential was altered after signing, or another key signed it",
        CredentialFailureKind.UnknownVerificationMethod => "signed with a key the registry does not publish",
        CredentialFailureKind.IssuerMismatch => "signed with a key that belongs to someone other than the credential's issuer",
        CredentialFailureKind.KeyMismatch => "the key named is of another algorithm than the proof",
        CredentialFailureKind.NoProof => "the credential is not signed",
        CredentialFailureKind.MalformedCredential => "this is not a verifiable credential",
        CredentialFailureKind.ContextMismatch => "the credential's @context was changed after signing",
        _ => "a proof of the credential is malformed or of an unknown kind",
    };

    private static string? StringOf(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
