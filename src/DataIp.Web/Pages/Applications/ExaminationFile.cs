using DataIp.Web.Features.Evidence;

namespace DataIp.Web.Pages.Applications;

/// <summary>Whether a point of the examiner's checklist is met, as far as the platform can tell.</summary>
public enum CheckState
{
    /// <summary>The record shows it is met.</summary>
    Met,

    /// <summary>The record shows it is not met.</summary>
    NotMet,

    /// <summary>The record holds what the examiner needs, and the examiner judges it.</summary>
    ToJudge,
}

/// <summary>One point of the examiner's checklist.</summary>
/// <param name="Key">Its resource key under <c>Exam.Check.</c>.</param>
/// <param name="State">What the record shows.</param>
/// <param name="Anchor">Where on the page the examiner finds what it rests on.</param>
public sealed record ChecklistPoint(string Key, CheckState State, string Anchor);

/// <summary>An attachment as the application's readers see it listed.</summary>
public sealed record AttachmentRow(Guid Id, AttachmentKind Kind, string FileName, long Length, string Sha256);

/// <summary>
/// What the examiner reads beside the application's content: its attachments, the fingerprint and
/// evidence reference, the datasets it overlaps (body staff only, as the overlaps API), and a
/// checklist, formal points first and then substantive ones when the body's policy examines
/// substance. The checklist only reads the record: the decision stays the examiner's, recorded by
/// the act with its reasons. Three queries, whatever the number of attachments or overlaps.
/// </summary>
public sealed record ExaminationFile(
    IReadOnlyList<AttachmentRow> Attachments,
    DataFingerprint? Fingerprint,
    string? EvidenceReference,
    IReadOnlyList<EvidenceOverlap>? Overlaps,
    IReadOnlyList<ChecklistPoint> Formal,
    IReadOnlyList<ChecklistPoint> Substantive)
{
    /// <summary>Reads the file of <paramref name="record"/> for a reader allowed to see the application; <paramref name="today"/> (China) dates the completeness check.</summary>
    public static async Task<ExaminationFile> ReadAsync(
        RegistryDbContext db, EvidenceService evidence, ApplicationRecord record, bool bodyStaff, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(record);
        var attachments = await db.Attachments.AsNoTracking().Where(a => a.ApplicationId == record.Id && a.ObjectionId == null)
            .OrderBy(a => a.UploadedAt).Select(a => new AttachmentRow(a.Id, a.Kind, a.FileName, a.Length, a.Sha256)).ToListAsync(ct).ConfigureAwait(false);
        if (!bodyStaff)
        {
            return new ExaminationFile(attachments, record.Content.Evidence?.Fingerprint, record.Content.Evidence?.EvidenceReference, null, [], []);
        }

        var overlaps = await evidence.OverlapsAsync(record, registeredOnly: false, ct).ConfigureAwait(false);
        var verified = await db.Users.AsNoTracking().Where(a => a.Id == record.ApplicantId)
            .Select(a => a.IdentityVerification).SingleOrDefaultAsync(ct).ConfigureAwait(false) == IdentityVerification.Verified;
        var content = record.Content;
        var data = content.DataObject;
        var incomplete = ApplicationContentValidator.Validate(content, ValidationMode.Submission, Features.Applications.Submission.ValidationOptions(today)).Count;
        bool Has(AttachmentKind kind, IEnumerable<Guid> ids) => ids.Any(id => attachments.Any(a => a.Id == id && a.Kind == kind));
        var fingerprint = content.Evidence?.Fingerprint;
        var declarations = content.Declarations;
        static CheckState Met(bool met) => met ? CheckState.Met : CheckState.NotMet;
        static CheckState Present(string? text) => string.IsNullOrWhiteSpace(text) ? CheckState.NotMet : CheckState.ToJudge;

        List<ChecklistPoint> formal =
        [
            new("Identity", Met(verified), "summary-heading"),
            new("Complete", Met(incomplete == 0), "content-heading"),
            new("SourceProof", data?.DataSourceType == DataSourceType.SelfGenerated && (data.SourceProofAttachmentIds.Count == 0)
                ? CheckState.ToJudge : Met(Has(AttachmentKind.ProofOfSource, data?.SourceProofAttachmentIds ?? [])), "attachments-heading"),
            new("PowerOfAttorney", content.Applicant?.Agent is not { } agent ? CheckState.Met
                : Met(agent.PowerOfAttorneyAttachmentId is { } poa && Has(AttachmentKind.PowerOfAttorney, [poa])), "attachments-heading"),
            new("Fingerprint", Met(fingerprint?.Root is not null && (fingerprint.ComputedAt is not { } computed || record.SubmittedAt is not { } submitted || computed <= submitted)),
                "evidence-heading"),
            new("Declarations", Met(declarations?.LawfulSource == true && declarations.Authenticity == true && declarations.PersonalInformation is not null), "content-heading"),
        ];
        List<ChecklistPoint> substantive = record.Body.Policy.SubstantiveExamination
            ?
            [
                new("ProcessingRules", Present(data?.ProcessingRules), "content-heading"),
                new("Innovation", Present(data?.InnovationStatement), "content-heading"),
                new("Source", Present(data?.DataSourceDescription), "content-heading"),
                new("Overlaps", Met(overlaps.Count == 0), "overlaps-heading"),
            ]
            : [];
        return new ExaminationFile(attachments, fingerprint, content.Evidence?.EvidenceReference, overlaps, formal, substantive);
    }
}
