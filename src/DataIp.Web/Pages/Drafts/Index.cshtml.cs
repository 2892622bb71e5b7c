namespace DataIp.Web.Pages.Drafts;

/// <summary>
/// The applicant's application as a task list (GOV.UK's pattern): one row per section with its
/// status, read from what is filled in and what a submission would refuse
/// (<see cref="DraftSections.Status"/>); any order, saved at every step, resumable. While a
/// correction is requested the same list edits the application, under the examiner's request and
/// its last day. Only the application's applicant sees it; anyone else gets 404.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(RegistryDbContext db, TimeProvider clock) : PageModel
{
    /// <summary>The application.</summary>
    public ApplicationRecord Application { get; private set; } = null!;

    /// <summary>The body's name in the page's language.</summary>
    public string BodyName { get; private set; } = "";

    /// <summary>Every section with its status, in the list's order.</summary>
    public IReadOnlyList<(DraftSection Section, SectionStatus Status)> Sections { get; private set; } = [];

    /// <summary>How many sections are completed (optional ones left empty count as done).</summary>
    public int Done => Sections.Count(s => s.Status is SectionStatus.Completed or SectionStatus.Optional);

    /// <summary>
    /// The list takes no form yet (handing the draft to a colleague will post here): a stranger's post
    /// is answered as its GET is (404), the applicant's is sent back to the list.
    /// </summary>
    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct) =>
        await DraftCase.LoadAsync(db, id, User, ct).ConfigureAwait(false) is null ? NotFound() : Redirect($"/applications/{id}/draft");

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

        Application = record;
        BodyName = Text.InEnglish ? record.Body.NameEn : record.Body.Name;
        var problems = DraftCase.Problems(record.Content, clock);
        Sections = [.. DraftSections.All.Select(s => (s, DraftSections.Status(s, record.Content, problems)))];
        return Page();
    }
}
