namespace DataIp.Web.Pages.Applications;

/// <summary>
/// One application as its applicant and its body's staff see it (the rule of
/// <c>GET /api/v1/applications/{id}</c>): where it stands, its numbers and dates, what it claims,
/// and every act on it with who did it, when and why. Anyone else gets the 404 page, as the API
/// answers, so that a stranger cannot tell an application exists.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class DetailModel(RegistryDbContext db) : PageModel
{
    /// <summary>The application.</summary>
    public ApplicationView Application { get; private set; } = null!;

    /// <summary>The body's name in the page's language.</summary>
    public string BodyName { get; private set; } = "";

    /// <summary>The acts on it, oldest first, as the reader may read them.</summary>
    public IReadOnlyList<ActView> Acts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var record = await db.Applications.AsNoTracking().Include(a => a.Body).SingleOrDefaultAsync(a => a.Id == id, ct).ConfigureAwait(false);
        if (record is null || ApplicationAccess.ReaderOf(ActingParty.From(User), record) is not { } reader)
        {
            return NotFound();
        }

        Application = ApplicationView.Of(record);
        BodyName = Text.InEnglish ? record.Body.NameEn : record.Body.Name;
        var acts = await db.Acts.AsNoTracking().Where(a => a.ApplicationId == id).OrderBy(a => a.Sequence).ToListAsync(ct).ConfigureAwait(false);
        Acts = [.. acts.Select(a => ActView.Of(a, reader))];
        return Page();
    }
}
