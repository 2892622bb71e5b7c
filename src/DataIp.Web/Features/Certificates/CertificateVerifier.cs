using System.Text.Json;
using System.Text.Json.Nodes;
using DataIp.Crypto;
using DataIp.Crypto.Credentials;
using DataIp.Domain.Canonicalization;

namespace DataIp.Web.Features.Certificates;

/// <summary>One proof of a credential checked on its own: which suite, which key, whether it verified.</summary>
/// <param name="Cryptosuite">The proof's cryptosuite, as written (or "?").</param>
/// <param name="Algorithm">The key algorithm of the suite, or null when unknown.</param>
/// <param name="Passed">Whether the proof verified.</param>
/// <param name="Message">The key that made it, or what is wrong.</param>
public sealed record ProofCheck(string Cryptosuite, NoteKeyAlgorithm? Algorithm, bool Passed, string Message);

/// <summary>The checks of one credential against this node's keys (docs/certificate.md, "Verification page").</summary>
/// <param name="CertificateNumber">The credential's certificate number, or null.</param>
/// <param name="Checks">The shared checks, in order (<see cref="CertificateVerification.Run"/>).</param>
/// <param name="Proofs">Each proof checked on its own, in order.</param>
/// <param name="AwaitingCheckpoint">No tlog-proof yet: no checkpoint covers the issuance act.</param>
/// <param name="ProofFromRegister">The tlog-proof checked is the register's, the input carrying none.</param>
public sealed record CredentialChecks(
    string? CertificateNumber, IReadOnlyList<CertificateCheck> Checks, IReadOnlyList<ProofCheck> Proofs, bool AwaitingCheckpoint, bool ProofFromRegister);

/// <summary>An uploaded credential compared with the register.</summary>
/// <param name="Checks">Its checks against this node's keys.</param>
/// <param name="Register">The register's record of its certificate number, or null when there is none.</param>
/// <param name="SameAsRegister">Whether its canonical bytes equal the register's credential (false when there is no record).</param>
/// <param name="DifferingFields">Where it differs from the register's: subject fields first, then other members of the credential.</param>
public sealed record UploadComparison(CredentialChecks Checks, CertificateStatusView? Register, bool SameAsRegister, IReadOnlyList<string> DifferingFields);

/// <summary>
/// Runs the checks <c>dataip verify</c> runs (<see cref="CertificateVerification"/>) on the server,
/// against this node's own credential keys and log keys: on a certificate of the register, or on an
/// uploaded one that is then compared with the register. Scoped, like <see cref="CertificateService"/>.
/// </summary>
public sealed class CertificateVerifier(CertificateService certificates, IssuerSigningKeys issuer, Ledger.LogSigningKeys log)
{
    /// <summary>The largest upload read: a certificate PDF is far smaller.</summary>
    public const int MaxUploadBytes = 2 << 20;

    // This node's keys, as its DID document publishes them.
    private IssuerVerifierKeys Keys() => new(issuer.Did, issuer.VerificationMethods, log.VerifierKeys);

    /// <summary>The checks of the register's own credential and tlog-proof.</summary>
    public async Task<CredentialChecks> CheckAsync(CertificateRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var envelope = await certificates.EnvelopeAsync(record.Certificate, cancellationToken).ConfigureAwait(false);
        return Check(envelope.Credential, envelope.TlogProof, proofFromRegister: false);
    }

    /// <summary>
    /// Checks an uploaded certificate against this node's keys and compares it with the register.
    /// When the upload carries no tlog-proof, the register's is used, as <c>dataip verify --online</c> does.
    /// </summary>
    public async Task<UploadComparison> CheckUploadAsync(CertificateInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var number = CertificateVerification.CertificateNumber(input.Credential);
        var record = number is not null && Domain.Numbering.CertificateNumber.TryParse(number, out _, out _)
            ? await certificates.FindAsync(number, cancellationToken).ConfigureAwait(false)
            : null;
        if (record?.Certificate.Credential is null)
        {
            return new UploadComparison(Check(input.Credential, input.TlogProof, proofFromRegister: false), null, false, []);
        }

        var envelope = await certificates.EnvelopeAsync(record.Certificate, cancellationToken).ConfigureAwait(false);
        var checks = Check(input.Credential, input.TlogProof ?? envelope.TlogProof, proofFromRegister: input.TlogProof is null);
        var differing = Differences(input.Credential, envelope.Credential);
        var view = await certificates.ViewAsync(record, cancellationToken).ConfigureAwait(false);
        return new UploadComparison(checks, view, differing.Count == 0 && SameCanonical(input.Credential, envelope.Credential), differing);
    }

    private CredentialChecks Check(JsonObject credential, string? tlogProof, bool proofFromRegister)
    {
        var keys = Keys();
        return new CredentialChecks(
            CertificateVerification.CertificateNumber(credential),
            CertificateVerification.Run(credential, tlogProof, keys),
            EachProof(credential, keys.Methods),
            tlogProof is null,
            proofFromRegister);
    }

    // Each proof verified alone (the credential with only that proof), so the page lists Ed25519 and
    // SM2 apart even when one of them fails.
    private static List<ProofCheck> EachProof(JsonObject credential, IReadOnlyList<CredentialVerificationMethod> methods)
    {
        var proofs = credential["proof"] switch
        {
            JsonArray array => [.. array],
            JsonObject single => [single],
            _ => new List<JsonNode?>(),
        };
        var checks = new List<ProofCheck>();
        foreach (var proof in proofs)
        {
            var alone = (JsonObject)credential.DeepClone();
            alone["proof"] = proof?.DeepClone();
            var result = CredentialVerifier.Verify(alone, [.. methods]);
            var suite = (proof as JsonObject)?["cryptosuite"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : "?";
            checks.Add(new ProofCheck(
                suite, Cryptosuite.AlgorithmOf(suite), result.IsValid,
                result.IsValid ? result.Proofs[0].VerificationMethod : result.Message));
        }

        return checks;
    }

    // The members where two credentials differ: credentialSubject's first ("credentialSubject.dataName"),
    // then the credential's other top-level members ("proof").
    private static List<string> Differences(JsonObject uploaded, JsonObject registered)
    {
        List<string> subject = uploaded["credentialSubject"] is JsonObject a && registered["credentialSubject"] is JsonObject b
            ? [.. DifferingMembers(a, b).Select(name => "credentialSubject." + name)]
            : [];
        var others = DifferingMembers(uploaded, registered).Where(name => name != "credentialSubject" || subject.Count == 0);
        return [.. subject, .. others];
    }

    private static IEnumerable<string> DifferingMembers(JsonObject a, JsonObject b) =>
        a.Select(p => p.Key).Union(b.Select(p => p.Key), StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Where(name => !JsonNode.DeepEquals(a[name], b[name]));

    private static bool SameCanonical(JsonObject a, JsonObject b)
    {
        var left = JsonCanonicalizer.TryCanonicalize(JsonSerializer.SerializeToUtf8Bytes(a));
        var right = JsonCanonicalizer.TryCanonicalize(JsonSerializer.SerializeToUtf8Bytes(b));
        return left.IsSuccess && right.IsSuccess && left.Canonical.Span.SequenceEqual(right.Canonical.Span);
    }
}
