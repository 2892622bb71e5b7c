using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataIp.Domain.TransparencyLog;

namespace DataIp.Crypto.Credentials;

/// <summary>The checks of a registration certificate's credential, in the order they run (docs/certificate.md).</summary>
public enum CertificateCheckKind
{
    /// <summary>Every proof of the credential verifies with a key of the issuer.</summary>
    Signature,

    /// <summary>A well-formed tlog-proof travels with the credential.</summary>
    LogProof,

    /// <summary>The tlog-proof's entry is the issuance act the credential's subject names.</summary>
    IssuanceAct,

    /// <summary>The entry is in the issuer's log, under a checkpoint signed by the log.</summary>
    LogInclusion,
}

/// <summary>The outcome of one check: passed or not, and a sentence in English saying which.</summary>
/// <param name="Kind">Which check.</param>
/// <param name="Passed">Whether it held.</param>
/// <param name="Message">What held, or what did not.</param>
public sealed record CertificateCheck(CertificateCheckKind Kind, bool Passed, string Message)
{
    /// <summary>For <see cref="CertificateCheckKind.Signature"/>: the proofs that verified, in order; otherwise empty.</summary>
    public IReadOnlyList<VerifiedProof> Proofs { get; init; } = [];

    /// <summary>For <see cref="CertificateCheckKind.LogInclusion"/>: the verified checkpoint; otherwise null.</summary>
    public Checkpoint? Checkpoint { get; init; }

    /// <summary>For a passed <see cref="CertificateCheckKind.LogInclusion"/>: the checkpoint's signatures by others than the log.</summary>
    public int Cosignatures { get; init; }

    /// <summary>A check that held.</summary>
    public static CertificateCheck Pass(CertificateCheckKind kind, string message) => new(kind, true, message);

    /// <summary>A check that did not hold.</summary>
    public static CertificateCheck Fail(CertificateCheckKind kind, string message) => new(kind, false, message);
}

/// <summary>The issuance act the credential's subject names (docs/credential.md): its log, index and leaf hash.</summary>
/// <param name="Log">The log's origin.</param>
/// <param name="Index">The act's entry index.</param>
/// <param name="LeafHash">The entry's RFC 9162 leaf hash, 32 bytes.</param>
public sealed record IssuanceAct(string Log, long Index, byte[] LeafHash);

/// <summary>
/// The offline checks of a certificate's credential and its tlog-proof, shared by <c>dataip verify</c>
/// and the verification page: each a pure function of what was read. Bad input is a failed check,
/// never an exception. Thread-safe: no state.
/// </summary>
public static class CertificateVerification
{
    /// <summary>The act type of an issuance in the log.</summary>
    public const string IssueCertificateAct = "issueCertificate";

    /// <summary>The DID document's <c>service</c> type naming the transparency log and its keys.</summary>
    public const string LogServiceType = "DataIpTransparencyLog";

    /// <summary>
    /// Runs every check that can run, in order: signatures, then, when <paramref name="tlogProof"/>
    /// is given, its form, the issuance act and the log inclusion. A check whose input an earlier
    /// one found missing or malformed is left out; a failed signature does not stop the log checks.
    /// </summary>
    /// <param name="credential">The credential.</param>
    /// <param name="tlogProof">The tlog-proof text, or null when there is none (yet).</param>
    /// <param name="keys">The issuer's keys and log.</param>
    /// <returns>The checks run, in order.</returns>
    public static IReadOnlyList<CertificateCheck> Run(JsonObject credential, string? tlogProof, IssuerVerifierKeys keys)
    {
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentNullException.ThrowIfNull(keys);
        var checks = new List<CertificateCheck> { Signatures(credential, keys.Methods, keys.Did) };
        if (tlogProof is null)
        {
            return checks;
        }

        if (!TlogProof.TryParse(tlogProof, out var proof, out var proofError))
        {
            checks.Add(CertificateCheck.Fail(CertificateCheckKind.LogProof, $"the log inclusion proof is malformed: {proofError}"));
            return checks;
        }

        checks.Add(CertificateCheck.Pass(CertificateCheckKind.LogProof, "present"));
        var act = ReadIssuanceAct(credential);
        checks.Add(Entry(proof, act, CertificateNumber(credential)));
        if (act is not null)
        {
            checks.Add(Inclusion(proof, act, keys.Log));
        }

        return checks;
    }

    /// <summary>Every proof of the credential verifies with one of <paramref name="methods"/>.</summary>
    public static CertificateCheck Signatures(JsonObject credential, IReadOnlyList<CredentialVerificationMethod> methods, string did)
    {
        ArgumentNullException.ThrowIfNull(methods);
        var result = CredentialVerifier.Verify(credential, [.. methods]);
        if (result.IsValid)
        {
            var suites = string.Join(" and ", result.Proofs.Select(p => p.Cryptosuite));
            return CertificateCheck.Pass(CertificateCheckKind.Signature, $"signed by {did} ({suites})") with { Proofs = result.Proofs };
        }

        var which = result.ProofIndex is { } index ? string.Create(CultureInfo.InvariantCulture, $"proof {index}: ") : string.Empty;
        return CertificateCheck.Fail(CertificateCheckKind.Signature, $"{which}{Explain(result.Failure)} ({result.Message})");
    }

    /// <summary>The subject's certificate number, or null.</summary>
    public static string? CertificateNumber(JsonObject credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        return StringOf((credential["credentialSubject"] as JsonObject)?["certificateNumber"]);
    }

    /// <summary>The subject's issuanceAct, or null when absent or malformed.</summary>
    public static IssuanceAct? ReadIssuanceAct(JsonObject credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
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
    /// The tlog-proof is about this certificate's issuance act: its extra bytes (the log entry) hash
    /// to the subject's leafHash, its index is the subject's, and the entry is an issueCertificate
    /// act for the subject's certificate number.
    /// </summary>
    /// <param name="proof">The tlog-proof.</param>
    /// <param name="act">The subject's issuance act, or null when the subject names none.</param>
    /// <param name="certificateNumber">The subject's certificate number, or null.</param>
    /// <param name="wellFormed">A stricter check of the entry a caller may add (index, entry → what is wrong, or null);
    /// run after the hash and index checks, before the act type is read.</param>
    public static CertificateCheck Entry(TlogProof proof, IssuanceAct? act, string? certificateNumber, Func<long, byte[], string?>? wellFormed = null)
    {
        ArgumentNullException.ThrowIfNull(proof);
        const CertificateCheckKind kind = CertificateCheckKind.IssuanceAct;
        if (act is null || certificateNumber is null)
        {
            return CertificateCheck.Fail(kind, "the credential's subject does not name its certificateNumber and issuanceAct (log, index, leafHash)");
        }

        if (proof.Extra is not { } entry)
        {
            return CertificateCheck.Fail(kind, "the log inclusion proof carries no log entry (no \"extra\" line)");
        }

        if (!Rfc9162.HashLeaf(entry).ToArray().AsSpan().SequenceEqual(act.LeafHash))
        {
            return CertificateCheck.Fail(kind, "the log entry in the inclusion proof is not the issuance act the credential names (leaf hash differs)");
        }

        if (proof.Index != act.Index)
        {
            return CertificateCheck.Fail(kind, string.Create(CultureInfo.InvariantCulture, $"the inclusion proof is for entry {proof.Index}; the credential names entry {act.Index}"));
        }

        if (wellFormed?.Invoke(proof.Index, entry) is { } finding)
        {
            return CertificateCheck.Fail(kind, $"the log entry is not a well-formed act: {finding}");
        }

        if (!TryReadAct(entry, out var type, out var number))
        {
            return CertificateCheck.Fail(kind, "the log entry is not a well-formed act: not a JSON object with an \"act\" string");
        }

        if (type != IssueCertificateAct || number != certificateNumber)
        {
            return CertificateCheck.Fail(kind, $"log entry {proof.Index} is act \"{type}\" of certificate {number ?? "(none)"}, not the issuance of certificate {certificateNumber}");
        }

        return CertificateCheck.Pass(kind, string.Create(CultureInfo.InvariantCulture, $"log entry {proof.Index} is the issuance of certificate {certificateNumber}"));
    }

    /// <summary>The entry is in the log <paramref name="log"/>, under a checkpoint signed by one of its keys.</summary>
    public static CertificateCheck Inclusion(TlogProof proof, IssuanceAct act, LogVerifierKeys? log)
    {
        ArgumentNullException.ThrowIfNull(proof);
        ArgumentNullException.ThrowIfNull(act);
        const CertificateCheckKind kind = CertificateCheckKind.LogInclusion;
        if (log is null)
        {
            return CertificateCheck.Fail(kind, $"the registry's DID document describes no transparency log ({LogServiceType} service with an origin and verifier keys)");
        }

        if (act.Log != log.Origin)
        {
            return CertificateCheck.Fail(kind, $"the credential names the log \"{act.Log}\"; the registry's log is \"{log.Origin}\"");
        }

        var result = proof.Verify(act.LeafHash, log);
        if (!result.IsValid)
        {
            return CertificateCheck.Fail(kind, result.Message) with { Checkpoint = result.Checkpoint };
        }

        var message = string.Create(CultureInfo.InvariantCulture, $"entry {proof.Index} is in the log {log.Origin} (checkpoint of {result.Checkpoint!.TreeSize} entries signed by the log)");
        return CertificateCheck.Pass(kind, message) with { Checkpoint = result.Checkpoint, Cosignatures = Cosignatures(proof.Checkpoint, log.Origin) };
    }

    // Signature lines of the note (c2sp.org/signed-note: "— <name> <base64>") by a key not named
    // after the log: witnesses' cosignatures. Counted, not verified: the page shows how many.
    private static int Cosignatures(string note, string origin) =>
        note.Split('\n').Count(line => line.StartsWith("\u2014 ", StringComparison.Ordinal)
            && line.Split(' ') is [_, var name, ..] && name != origin);

    private static bool TryReadAct(byte[] entry, out string? type, out string? number)
    {
        type = number = null;
        try
        {
            using var document = JsonDocument.Parse(entry);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("act", out var act) || act.ValueKind != JsonValueKind.String)
            {
                return false;
            }

            type = act.GetString();
            number = root.TryGetProperty("certificateNumber", out var logged) && logged.ValueKind == JsonValueKind.String ? logged.GetString() : null;
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
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
