namespace DataIp.Web.Pages.Drafts;

/// <summary>
/// Check your answers (GOV.UK's pattern): every answer with a link back to its section, what a
/// submission would still refuse (linking to the field on its section's page), and the button that
/// submits the draft, or resubmits an application whose correction is requested, through the same
/// <see cref="ActPipeline"/> and use case as the API; a refusal is the form's error, success the
/// confirmation page. Only the application's applicant sees it; anyone else gets 404.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class CheckModel(RegistryDbContext db, ActPipeline acts, TimeProvider clock) : PageModel
{
    /// <summary>The id of the submit button, which a refusal's error links to.</summary>
    public const string ButtonId = "submit-application";

    /// <summary>The application.</summary>
    public ApplicationRecord Application { get; private set; } = null!;

    /// <summary>Whether this answers a correction request (Resubmit) rather than submitting a draft.</summary>
    public bool IsCorrection => Application.State == ApplicationState.CorrectionRequested;

    /// <summary>The attachments the content refers to.</summary>
    public IReadOnlyDictionary<Guid, DraftAttachment> Files { get; private set; } = new Dictionary<Guid, DraftAttachment>();

    /// <summary>What a submission would refuse now, each linking to its field on its section's page.</summary>
    public IReadOnlyList<(DraftSection Section, FieldError Error)> Problems { get; private set; } = [];

    /// <summary>The form's errors (a refused submission).</summary>
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct).ConfigureAwait(false) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct).ConfigureAwait(false) is { } answer)
        {
            return answer;
        }

        IActUseCase useCase = IsCorrection ? new Resubmit() : new Submit();
        var outcome = await acts.RunAsync(id, ActingParty.From(User), useCase, reason: null, ct).ConfigureAwait(false);
        if (outcome.Refusal is { } refusal)
        {
            // Nothing was written: the page as loaded is the application as stored.
            var message = refusal.Fields is { Count: > 0 } ? Text.Get("Draft.Check.Incomplete") : RefusalText.Sentence(refusal);
            Errors = [new FieldError(ButtonId, message)];
            Response.StatusCode = refusal.Status();
            return Page();
        }

        return Redirect($"/applications/{id}/done/{outcome.Act!.Id}");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await DraftCase.LoadAsync(db, id, User, ct).ConfigureAwait(false) is not { } record)
        {
            return NotFound();
        }

        if (!DraftCase.IsEditable(record))
        {
            return Redirect($"/applications/{id}");
        }

        Application = record;
        var ids = record.Content.AttachmentIds().ToList();
        Files = await db.Attachments.AsNoTracking().Where(a => a.ApplicationId == id && ids.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => new DraftAttachment(a.Id, a.FileName, a.Length), ct).ConfigureAwait(false);
        var problems = DraftCase.Problems(record.Content, clock);
        Problems = [.. problems.Select(p => (DraftSections.Of(p.Path), new FieldError(DraftCase.FieldId(p.Path, record.Content), ContentText.Sentence(p))))
            .OrderBy(p => p.Item1)];
        return null;
    }
}
