namespace DataIp.Web.Pages.Drafts;

/// <summary>
/// The applicant's application as a task list (GOV.UK's pattern): one row per section with its
/// status, read from what is filled in and what a submission would refuse
/// (<see cref="DraftSections.Status"/>); any order, saved at every step, resumable. While a
/// correction is requested the same list edits the application, under the examiner's request and
/// its last day. Only the application's applicant sees it; anyone else gets 404.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(RegistryDbContext db, TimeProvider clock, DraftService drafts) : PageModel
{
    /// <summary>The id of the colleague's e-mail box, which a refusal links to.</summary>
    public const string ColleagueFieldId = "colleague-email";

    /// <summary>The colleague's e-mail address typed in the hand-over form.</summary>
    [BindProperty]
    public string? ColleagueEmail { get; set; }

    /// <summary>Why it is handed over (optional; the parties read it).</summary>
    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>The hand-over form's errors.</summary>
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    /// <summary>The application.</summary>
    public ApplicationRecord Application { get; private set; } = null!;

    /// <summary>The body's name in the page's language.</summary>
    public string BodyName { get; private set; } = "";

    /// <summary>Every section with its status, in the list's order.</summary>
    public IReadOnlyList<(DraftSection Section, SectionStatus Status)> Sections { get; private set; } = [];

    /// <summary>How many sections are completed (optional ones left empty count as done).</summary>
    public int Done => Sections.Count(s => s.Status is SectionStatus.Completed or SectionStatus.Optional);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await DraftCase.LoadAsync(db, id, User, ct).ConfigureAwait(false) is not { } record)
        {
            return NotFound();
        }

        if (!DraftCase.IsEditable(record))
        {
            return Redirect($"/applications/{id}");
        }

        Show(record);
        return Page();
    }

    /// <summary>
    /// Hands the application to a colleague (the API's use case, <see cref="DraftService.HandOverAsync"/>):
    /// a refusal is the form's error and the list stays as it was; done, the page that confirms it,
    /// since the application is no longer the giver's to see. A stranger's post is answered as its GET (404).
    /// </summary>
    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await DraftCase.LoadAsync(db, id, User, ct).ConfigureAwait(false) is not { } record)
        {
            return NotFound();
        }

        var outcome = await drafts.HandOverAsync(id, ActingParty.From(User), ColleagueEmail, Reason, ct).ConfigureAwait(false);
        if (outcome.Refusal is { } refusal)
        {
            if (!DraftCase.IsEditable(record))
            {
                return Redirect($"/applications/{id}");
            }

            var fieldError = refusal.Fields?.ContainsKey(DraftService.ColleagueField) == true && string.IsNullOrWhiteSpace(ColleagueEmail)
                ? Text.Get("Draft.HandOver.Missing")
                : refusal.Fields?.ContainsKey(DraftService.ColleagueField) == true ? Text.Get("Draft.HandOver.NoColleague") : RefusalText.Sentence(refusal);
            Errors = [new FieldError(ColleagueFieldId, fieldError)];
            Response.StatusCode = refusal.Status();
            Show(record);
            return Page();
        }

        return Redirect($"/applications/handed-over/{outcome.Act!.Id}");
    }

    private void Show(ApplicationRecord record)
    {
        Application = record;
        BodyName = Text.InEnglish ? record.Body.NameEn : record.Body.Name;
        var problems = DraftCase.Problems(record.Content, clock);
        Sections = [.. DraftSections.All.Select(s => (s, DraftSections.Status(s, record.Content, problems)))];
    }
}
