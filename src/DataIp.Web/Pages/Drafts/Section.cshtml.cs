using System.Text;
using System.Text.Json;
using DataIp.Domain.Fingerprinting;

namespace DataIp.Web.Pages.Drafts;

/// <summary>
/// One section of the applicant's application (a question page of the task list): its answers, kept
/// as typed when refused, checked as a draft is (<see cref="ApplicationContentValidator"/> in draft
/// mode), and saved by "Save and continue" as an <c>updateContent</c> act through
/// <see cref="DraftService"/> against the version the page was read at, so that a save made meanwhile
/// elsewhere is a form error rather than a lost write. Files are attached first
/// (<see cref="DraftService.AttachAsync"/>, the attachment store's size and type checks) and then
/// referenced from the content; the fingerprint is the manifest <c>dataip fingerprint</c> writes,
/// read into the content as the API takes it. Only the application's applicant sees it; anyone else
/// gets 404.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
[RequestSizeLimit(MaxBody)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBody, ValueCountLimit = 4096)]
public sealed class SectionModel(RegistryDbContext db, DraftService drafts, TimeProvider clock) : PageModel
{
    /// <summary>The largest fingerprint manifest read: a manifest is about 2 KB.</summary>
    public const int MaxManifestBytes = 64 * 1024;

    // The largest upload (sample data, 50 MiB) and the form's text.
    private const long MaxBody = (50L << 20) + (1 << 20);

    /// <summary>The application.</summary>
    public ApplicationRecord Application { get; private set; } = null!;

    /// <summary>The section shown.</summary>
    public DraftSection Section { get; private set; }

    /// <summary>The answers, as stored or as typed.</summary>
    [BindProperty]
    public DraftForm Fields { get; set; } = new();

    /// <summary>A proof-of-source document uploaded with the source section.</summary>
    [BindProperty]
    public IFormFile? SourceFile { get; set; }

    /// <summary>A sample of the data uploaded with the evidence section.</summary>
    [BindProperty]
    public IFormFile? SampleFile { get; set; }

    /// <summary>The power of attorney uploaded with the agent section.</summary>
    [BindProperty]
    public IFormFile? AgentFile { get; set; }

    /// <summary>The fingerprint manifest uploaded with the evidence section.</summary>
    [BindProperty]
    public IFormFile? Manifest { get; set; }

    /// <summary>The attachments the content refers to, by id.</summary>
    public IReadOnlyDictionary<Guid, DraftAttachment> Attachments { get; private set; } = new Dictionary<Guid, DraftAttachment>();

    /// <summary>The form's errors.</summary>
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, string section, CancellationToken ct)
    {
        if (await LoadAsync(id, section, ct).ConfigureAwait(false) is { } answer)
        {
            return answer;
        }

        Fields = DraftForm.Fill(Application.Content, Application.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string section, CancellationToken ct)
    {
        if (await LoadAsync(id, section, ct).ConfigureAwait(false) is { } answer)
        {
            return answer;
        }

        // 1. Read the answers; nothing is written while any is refused.
        var (content, errors) = Fields.Apply(Section, Application.Content);
        if (Section == DraftSection.Evidence && Manifest is { Length: > 0 } manifest)
        {
            content = await WithManifestAsync(content, manifest, errors, ct).ConfigureAwait(false);
        }

        if (errors.Count == 0)
        {
            var problems = ApplicationContentValidator.Problems(content, ValidationMode.Draft, DraftCase.Options(clock));
            errors.AddRange(DraftCase.Errors(problems, content));
        }

        if (errors.Count > 0)
        {
            return Refused(StatusCodes.Status400BadRequest, errors);
        }

        if (Fields.Version != Application.Version)
        {
            return Stale();
        }

        // 2. Attach the files (each an act of its own), then refer to them from the content.
        foreach (var (file, kind, fieldId) in Uploads())
        {
            await using var stream = file.OpenReadStream();
            var (outcome, record) = await drafts.AttachAsync(id, ActingParty.From(User), kind, file.FileName, stream, ct).ConfigureAwait(false);
            if (outcome.Refusal is { } refusal)
            {
                return Refused(refusal.Status(), [new FieldError(fieldId, Text.Format("Draft.Error.File", string.Join(" ", RefusalText.ForPage(refusal))))]);
            }

            content = WithAttachment(content, kind, record!.Id);
        }

        // 3. Save the content against the version read.
        var saved = await drafts.UpdateContentAsync(id, ActingParty.From(User), content, Fields.Version, ct).ConfigureAwait(false);
        return saved.Refusal switch
        {
            null => Redirect($"/applications/{id}/draft"),
            { Code: RefusalCode.Conflict } => Stale(),
            { Fields: { } invalid } refusal => Refused(refusal.Status(), DraftCase.Errors(invalid, content)),
            var refusal => Refused(refusal.Status(), [new FieldError(FirstFieldId(), RefusalText.Sentence(refusal))]),
        };
    }

    /// <summary>A question of this page, with its errors.</summary>
    public DraftInput Input(string id, string name, string labelKey, string? value, string? hintKey = null) =>
        new(id, $"Fields.{name}", Text.Get(labelKey), value, Errors.Of(id), hintKey is null ? null : Text.Get(hintKey));

    /// <summary>A choice among an enum's members, named by <c>{prefix}.{member}</c>.</summary>
    public DraftInput Choice<T>(string id, string name, string labelKey, string? value, string prefix, string? hintKey = null)
        where T : struct, Enum =>
        Input(id, name, labelKey, value, hintKey) with
        {
            Choices = [("", Text.Get("Draft.Choose")), .. Enum.GetValues<T>().Select(v => (v.ToString(), Text.Get($"Draft.{prefix}.{v}")))],
        };

    /// <summary>The attachments of a list of the content, as the page lists them.</summary>
    public IReadOnlyList<DraftAttachment> Listed(IEnumerable<Guid> ids) =>
        [.. ids.Select(i => Attachments.TryGetValue(i, out var a) ? a : new DraftAttachment(i, i.ToString(), 0))];

    private IEnumerable<(IFormFile File, AttachmentKind Kind, string FieldId)> Uploads()
    {
        var uploads = Section switch
        {
            DraftSection.Source => [(SourceFile, AttachmentKind.ProofOfSource, "source-file")],
            DraftSection.Evidence => [(SampleFile, AttachmentKind.SampleData, "sample-file")],
            DraftSection.Agent when !Fields.RemoveAgent => [(AgentFile, AttachmentKind.PowerOfAttorney, "agent-file")],
            _ => Array.Empty<(IFormFile?, AttachmentKind, string)>(),
        };
        return uploads.Where(u => u.Item1 is not null).Select(u => (u.Item1!, u.Item2, u.Item3));
    }

    private static ApplicationContent WithAttachment(ApplicationContent content, AttachmentKind kind, Guid id)
    {
        var data = content.DataObject ?? new DataObjectParticulars();
        return kind switch
        {
            AttachmentKind.ProofOfSource => content with { DataObject = data with { SourceProofAttachmentIds = [.. data.SourceProofAttachmentIds, id] } },
            AttachmentKind.SampleData => content with { DataObject = data with { SampleAttachmentIds = [.. data.SampleAttachmentIds, id] } },
            _ => content with
            {
                Applicant = (content.Applicant ?? new ApplicantParticulars()) with
                {
                    Agent = (content.Applicant?.Agent ?? new AgentParticulars()) with { PowerOfAttorneyAttachmentId = id },
                },
            },
        };
    }

    // The manifest as the API takes it in evidence.fingerprint: checked as a manifest first, so that a
    // file that is not one is refused with what is wrong in it.
    private static async Task<ApplicationContent> WithManifestAsync(ApplicationContent content, IFormFile manifest, List<FieldError> errors, CancellationToken ct)
    {
        if (manifest.Length > MaxManifestBytes)
        {
            errors.Add(new FieldError("evidence-manifest", Text.Get("Draft.Error.ManifestSize")));
            return content;
        }

        string json;
        await using (var stream = manifest.OpenReadStream())
        using (var reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true)))
        {
            try
            {
                json = await reader.ReadToEndAsync(ct).ConfigureAwait(false);
            }
            catch (DecoderFallbackException)
            {
                errors.Add(new FieldError("evidence-manifest", Text.Format("Draft.Error.Manifest", "not UTF-8 text")));
                return content;
            }
        }

        var read = FingerprintJson.ReadManifest(json);
        if (!read.IsSuccess)
        {
            errors.Add(new FieldError("evidence-manifest", Text.Format("Draft.Error.Manifest", read.ToString())));
            return content;
        }

        try
        {
            var fingerprint = JsonSerializer.Deserialize<DataFingerprint>(json, ApplicationContentJson.Options);
            return content with { Evidence = (content.Evidence ?? new EvidenceParticulars()) with { Fingerprint = fingerprint } };
        }
        catch (JsonException e)
        {
            errors.Add(new FieldError("evidence-manifest", Text.Format("Draft.Error.Manifest", e.Message)));
            return content;
        }
    }

    private PageResult Stale()
    {
        // Someone saved meanwhile: keep what was typed, and say to read the section again.
        return Refused(StatusCodes.Status409Conflict, [new FieldError(FirstFieldId(), Text.Get("Draft.Error.Stale"), WholeForm: true)]);
    }

    private PageResult Refused(int status, IReadOnlyList<FieldError> errors)
    {
        Errors = errors;
        Fields.WithSpareRows();
        Response.StatusCode = status;
        return Page();
    }

    private string FirstFieldId() => Section switch
    {
        DraftSection.Applicant => "applicant-name",
        DraftSection.CoApplicants => "applicant-coApplicants-0-name",
        DraftSection.Agent => "applicant-agent-name",
        DraftSection.Description => "dataObject-dataName",
        DraftSection.Source => "dataObject-dataSourceType",
        DraftSection.Scenarios => "scenarios",
        DraftSection.Rights => "rights-Holding-claimed",
        DraftSection.Evidence => "evidence-manifest",
        _ => "declarations-lawfulSource",
    };

    private async Task<IActionResult?> LoadAsync(Guid id, string section, CancellationToken ct)
    {
        if (await DraftCase.LoadAsync(db, id, User, ct).ConfigureAwait(false) is not { } record || DraftSections.FromSlug(section) is not { } shown)
        {
            return NotFound();
        }

        if (!DraftCase.IsEditable(record))
        {
            return Redirect($"/applications/{id}");
        }

        (Application, Section) = (record, shown);
        var ids = record.Content.AttachmentIds().ToList();
        Attachments = await db.Attachments.AsNoTracking().Where(a => a.ApplicationId == id && ids.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => new DraftAttachment(a.Id, a.FileName, a.Length), ct).ConfigureAwait(false);
        return null;
    }
}
