using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using DataIp.Crypto;
using DataIp.Crypto.Credentials;
using DataIp.Data.Certificates;
using DataIp.Data.Pilots;
using DataIp.Data.TransparencyLog;
using DataIp.Domain.Calendar;
using DataIp.Domain.TransparencyLog;
using Microsoft.Extensions.Options;

namespace DataIp.Web.Features.Certificates;



/// <summary>A certificate with what its status is decided from.</summary>
/// <param name="Certificate">The certificate row.</param>
/// <param name="State">Its registration's lifecycle state.</param>
/// <param name="DecisionReasons">The reasons of the last decision (a revocation's, when revoked).</param>
/// <param name="DecidedAt">When that decision was taken.</param>
/// <param name="BodyCode">The registration body's code.</param>
/// <param name="BodyName">The body's Chinese name.</param>
/// <param name="BodyNameEn">The body's English name.</param>
/// <param name="ActivePledges">The registration's pledges in force.</param>
public sealed record CertificateRecord(
    Certificate Certificate, ApplicationState State, string? DecisionReasons, DateTimeOffset? DecidedAt, string BodyCode, string BodyName, string BodyNameEn,
    int ActivePledges = 0);

/// <summary>
/// The public side of certificates: status, the credential with its log inclusion proof, and the
/// PDF (docs/certificate.md).
/// </summary>
public sealed class CertificateService(RegistryDbContext db, CertificateIssuer issuer, TimeProvider clock, IOptions<PlatformOptions> options)
{
    /// <summary>The name of the credential envelope embedded in the PDF.</summary>
    public const string CredentialAttachment = "credential.json";

    private static readonly ConcurrentDictionary<string, byte[]> SealImages = new(StringComparer.Ordinal);

    /// <summary>Loads a certificate, or null when there is none with that number.</summary>
    public async Task<CertificateRecord?> FindAsync(string certificateNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(certificateNumber);
        return await (
                from c in db.Certificates.AsNoTracking()
                join a in db.Applications on c.ApplicationId equals a.Id
                where c.CertificateNumber == certificateNumber
                select new CertificateRecord(c, a.State, a.DecisionReasons, a.DecidedAt, a.Body.Code, a.Body.Name, a.Body.NameEn, a.ActivePledges))
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The status today (China), with its reason and since when where known.</summary>
    public (CertificateStatus Status, string? Reason, DateTimeOffset? Since) StatusOf(CertificateRecord record, DateOnly validUntil)
    {
        ArgumentNullException.ThrowIfNull(record);
        var status = CertificateStatusRules.Decide(record.State, record.Certificate.Superseded, validUntil, ChinaTime.ToChinaDate(clock.GetUtcNow()), record.ActivePledges);
        return (status, CertificateStatusRules.Reason(status, record.DecisionReasons), CertificateStatusRules.Since(status, record.DecidedAt, validUntil));
    }

    /// <summary>The status JSON of <c>GET /api/v1/certificates/{n}</c>.</summary>
    public async Task<CertificateStatusView> ViewAsync(CertificateRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var certificate = record.Certificate;
        var document = issuer.Document(certificate);
        var (status, reason, since) = StatusOf(record, document.ValidUntil);
        var supersededBy = certificate.Superseded
            ? await db.Certificates.AsNoTracking().Where(c => c.Supersedes == certificate.CertificateNumber)
                .Select(c => c.CertificateNumber).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false)
            : null;
        var number = certificate.CertificateNumber;
        return new CertificateStatusView(
            number, certificate.RegistrationNumber, JsonNaming.Camel(status), reason, since,
            document.DataName, document.Holders, [.. document.Rights.Select(JsonNaming.Camel)],
            document.ApplicationDate, document.RegistrationDate, document.ValidFrom, document.ValidUntil,
            new CertificateBodyView(record.BodyCode, record.BodyName, record.BodyNameEn),
            certificate.IssuedAt, certificate.Supersedes, supersededBy, certificate.IssuanceLogIndex,
            new CertificateLinks(
                issuer.VerificationUrl(number).AbsoluteUri,
                issuer.StatusUrl(number).AbsoluteUri + "/pdf",
                issuer.StatusUrl(number).AbsoluteUri + "/credential",
                new Uri(issuer.VerificationUrl(number), "../registrations/" + Uri.EscapeDataString(certificate.RegistrationNumber)).AbsoluteUri))
        {
            PilotNumbers = await PilotAliases.ForApplicationAsync(db, certificate.ApplicationId, cancellationToken).ConfigureAwait(false) is { Count: > 0 } pilot ? pilot : null,
        };
    }

    /// <summary>
    /// The current certificate of the registration a pilot-era certificate number became (docs/import.md):
    /// null when no body has that number, or when several have (then <c>Bodies</c> names them).
    /// </summary>
    /// <param name="pilotNumber">The number as asked, trimmed; text the register refuses is never looked up.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<(CertificateRecord? Record, IReadOnlyList<string> Bodies)> FindByPilotNumberAsync(string pilotNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pilotNumber);
        pilotNumber = pilotNumber.Trim();
        if (pilotNumber.Length is 0 or > PilotAlias.MaxNumberLength || RegisterText.Problem(pilotNumber, singleLine: true) is not null)
        {
            return (null, []);
        }

        var matches = await PilotAliases.FindAsync(db, pilotNumber, null, cancellationToken).ConfigureAwait(false);
        if (matches.Count != 1 || matches[0].CertificateNumber is not { } current)
        {
            return (null, [.. matches.Select(m => m.BodyCode)]);
        }

        return (await FindAsync(current, cancellationToken).ConfigureAwait(false), [matches[0].BodyCode]);
    }

    /// <summary>
    /// The signed credential and, once a checkpoint covers the issuance act, its C2SP tlog-proof
    /// against the first checkpoint that does (so the proof, and the PDF that embeds it, stay the
    /// same from then on; the checkpoint's note carries whatever cosignatures it has gathered).
    /// </summary>
    public async Task<CredentialEnvelope> EnvelopeAsync(Certificate certificate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var credential = JsonNode.Parse(certificate.Credential
            ?? throw new InvalidOperationException($"Certificate {certificate.CertificateNumber} has no credential."))!.AsObject();
        return new CredentialEnvelope(credential, await TlogProofAsync(certificate, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The envelope's JSON bytes, as served and embedded.</summary>
    public static byte[] EnvelopeBytes(CredentialEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        return Encoding.UTF8.GetBytes(envelope.ToJson().ToJsonString(DataIp.Domain.Acts.ActJson.Options));
    }

    /// <summary>The body's seal, or null when it has none configured and placeholders are off.</summary>
    public CertificateSeal? SealFor(string bodyCode, string bodyName)
    {
        var settings = options.Value.Certificates;
        if (settings.Seals.TryGetValue(bodyCode, out var path) && !string.IsNullOrWhiteSpace(path))
        {
            return CertificateSeal.FromImage(SealImages.GetOrAdd(Path.GetFullPath(path), File.ReadAllBytes));
        }

        return options.Value.Demo || settings.PlaceholderSeal ? CertificateSeal.DemoPlaceholder(bodyName) : null;
    }

    /// <summary>Renders the certificate PDF with the credential envelope embedded as <see cref="CredentialAttachment"/>.</summary>
    public byte[] RenderPdf(CertificateRecord record, CertificateSeal seal, CredentialEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(record);
        return CertificatePdf.Render(
            issuer.Document(record.Certificate), seal,
            [(CredentialAttachment, EnvelopeBytes(envelope), "application/json")],
            options.Value.Certificates.FontPath);
    }

    private async Task<string?> TlogProofAsync(Certificate certificate, CancellationToken cancellationToken)
    {
        if (certificate.IssuanceLogIndex is not { } index)
        {
            return null;
        }

        var checkpoint = await db.LogCheckpoints.AsNoTracking().Where(c => c.TreeSize > index).OrderBy(c => c.TreeSize)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (checkpoint is null)
        {
            return null;
        }

        var store = new LogStore(db);
        var nodes = MerkleProof.InclusionNodes((ulong)index, (ulong)checkpoint.TreeSize);
        var hashes = nodes.Rehash(await store.GetHashesAsync(nodes.Ids, cancellationToken).ConfigureAwait(false));
        var entry = await store.ReadEntryAsync(index, cancellationToken).ConfigureAwait(false);
        return new TlogProof(index, [.. hashes.Select(h => h.ToArray())], checkpoint.Note, entry?.Entry).Format();
    }
}

/// <summary>The registration body on a certificate.</summary>
public sealed record CertificateBodyView(string Code, string Name, string NameEn);

/// <summary>Where a certificate's public record, PDF and credential are, and the record page of its registration.</summary>
public sealed record CertificateLinks(string Verification, string Pdf, string Credential, string Registration);

/// <summary>A certificate's public record and status: <c>GET /api/v1/certificates/{n}</c>.</summary>
public sealed record CertificateStatusView(
    string CertificateNumber,
    string RegistrationNumber,
    string Status,
    string? StatusReason,
    DateTimeOffset? StatusSince,
    string DataName,
    IReadOnlyList<string> Holders,
    IReadOnlyList<string> Rights,
    DateOnly ApplicationDate,
    DateOnly RegistrationDate,
    DateOnly ValidFrom,
    DateOnly ValidUntil,
    CertificateBodyView RegistrationBody,
    DateTimeOffset IssuedAt,
    string? Supersedes,
    string? SupersededBy,
    long? IssuanceLogIndex,
    CertificateLinks Links)
{
    /// <summary>The pilot-era number this answer was found by (docs/import.md), or null when asked by the unified number.</summary>
    public string? FoundByPilotNumber { get; init; }

    /// <summary>The registration's pilot-era certificate numbers, if it was imported; null otherwise.</summary>
    public IReadOnlyList<string>? PilotNumbers { get; init; }
}
