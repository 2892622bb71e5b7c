namespace DataIp.Web.Pages.Drafts;

/// <summary>
/// An applicant starts an application: chooses the registration body and names the data, and a
/// draft is made (<see cref="DraftService.CreateAsync"/>, a <c>createDraft</c> act, as
/// <c>POST /api/v1/applications</c> does); its task list follows.
/// </summary>
[Authorize(Policy = Policies.Applicant)]
public sealed class NewModel(RegistryDbContext db, DraftService drafts) : PageModel
{
    /// <summary>The bodies, by code, with their names in the page's language.</summary>
    public IReadOnlyList<(string Code, string Name)> Bodies { get; private set; } = [];

    /// <summary>The body chosen, by its code.</summary>
    [BindProperty]
    public string? BodyCode { get; set; }

    /// <summary>The data's name.</summary>
    [BindProperty]
    public string? DataName { get; set; }

    /// <summary>The form's errors.</summary>
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct).ConfigureAwait(false);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct).ConfigureAwait(false);
        var errors = new List<FieldError>();
        if (Bodies.All(b => b.Code != BodyCode))
        {
            errors.Add(new FieldError("body", Text.Get("Draft.New.BodyMissing")));
        }

        var name = DraftForm.Clean(DataName);
        if (name is null)
        {
            errors.Add(new FieldError("data-name", Text.Get("Draft.New.NameMissing")));
        }

        if (errors.Count == 0)
        {
            var content = new ApplicationContent { DataObject = new DataObjectParticulars { DataName = name } };
            var outcome = await drafts.CreateAsync(ActingParty.From(User), BodyCode, content, ct).ConfigureAwait(false);
            if (outcome.Refusal is null)
            {
                return Redirect($"/applications/{outcome.Application!.Id}/draft");
            }

            errors.AddRange(outcome.Refusal.Fields?.SelectMany(e => e.Value.Select(m => e.Key.EndsWith("dataName", StringComparison.Ordinal)
                ? new FieldError("data-name", RefusalText.ForPage(m))
                : new FieldError("body", RefusalText.Sentence(m)))) ?? [new FieldError("body", RefusalText.Sentence(outcome.Refusal))]);
        }

        Errors = errors;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var bodies = await db.Bodies.AsNoTracking().OrderBy(b => b.Code).Select(b => new { b.Code, b.Name, b.NameEn }).ToListAsync(ct).ConfigureAwait(false);
        Bodies = [.. bodies.Select(b => (b.Code, Text.InEnglish ? b.NameEn : b.Name))];
    }
}
