using DataIp.Web.Features.Objections;

namespace DataIp.Web.Pages.Notices;

/// <summary>
/// One application under public notice (anyone): its public record, as <c>GET
/// /api/v1/notices/{applicationNumber}</c> shows it, and the objection form while the lifecycle
/// table takes objections from the public. The objector's contact reaches the examiners only. The
/// objection runs through the same <see cref="ObjectionDesk"/> and use case as the API.
/// </summary>
[AllowAnonymous]
[RequestSizeLimit(MaxBody)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBody, ValueCountLimit = 16)]
public sealed class DetailModel(RegistryDbContext db, ObjectionDesk desk) : PageModel
{
    // Five evidence files of the largest size an objection's evidence may have, and the form's text.
    private const long MaxBody = (5 * 20L << 20) + (1 << 20);

    /// <summary>The application's public record.</summary>
    public PublicApplicationView Notice { get; private set; } = null!;

    /// <summary>Whether the public may object to it now.</summary>
    public bool TakesObjections { get; private set; }

    /// <summary>The objector's name (public).</summary>
    [BindProperty]
    public string? ObjectorName { get; set; }

    /// <summary>The objector's phone or e-mail (examiners only).</summary>
    [BindProperty]
    public string? ObjectorContact { get; set; }

    /// <summary>The grounds.</summary>
    [BindProperty]
    public string? Grounds { get; set; }

    /// <summary>The evidence files.</summary>
    [BindProperty]
    public List<IFormFile> Files { get; set; } = [];

    /// <summary>The form's errors.</summary>
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string applicationNumber, CancellationToken ct) =>
        await LoadAsync(applicationNumber, ct).ConfigureAwait(false) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string applicationNumber, CancellationToken ct)
    {
        if (!await LoadAsync(applicationNumber, ct).ConfigureAwait(false))
        {
            return NotFound();
        }

        var errors = new List<FieldError>();
        Require(errors, "objector-name", ObjectorName, 200, "Objection.NameMissing");
        Require(errors, "objector-contact", ObjectorContact, 200, "Objection.ContactMissing");
        Require(errors, "grounds", Grounds, FileObjection.MaxGroundsLength, "Objection.GroundsMissing");
        if (Files.Count > ObjectionDesk.MaxFiles)
        {
            errors.Add(new FieldError("files", Text.Get("Objection.TooManyFiles")));
        }

        if (errors.Count > 0)
        {
            return Refused(StatusCodes.Status400BadRequest, errors);
        }

        var party = ActingParty.From(User, anonymousName: ObjectorName!.Trim());
        var outcome = await desk.FileAsync(applicationNumber, new ObjectionFiling(ObjectorName, ObjectorContact, Grounds), Files, party, ct).ConfigureAwait(false);
        if (outcome.Refusal is { } refusal)
        {
            // A refused objection wrote nothing: the page as loaded above is the notice as stored.
            var field = refusal.Fields?.Keys.FirstOrDefault() switch
            {
                "objectorName" => "objector-name",
                "objectorContact" => "objector-contact",
                "grounds" => "grounds",
                "files" => "files",
                _ => "objector-name",
            };
            return Refused(refusal.Status(), [new FieldError(field, RefusalText.Sentence(refusal))]);
        }

        return Redirect($"/notices/{Uri.EscapeDataString(applicationNumber)}/objection-filed");
    }

    private static void Require(List<FieldError> errors, string fieldId, string? value, int maxLength, string missingKey)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new FieldError(fieldId, Text.Get(missingKey)));
        }
        else if (value.Trim().Length > maxLength)
        {
            errors.Add(new FieldError(fieldId, Text.Get("Objection.TooLong")));
        }
    }

    private PageResult Refused(int status, IReadOnlyList<FieldError> errors)
    {
        Errors = errors;
        Response.StatusCode = status;
        return Page();
    }

    private async Task<bool> LoadAsync(string applicationNumber, CancellationToken ct)
    {
        var app = await db.Applications.AsNoTracking().Include(a => a.Body)
            .SingleOrDefaultAsync(a => a.ApplicationNumber == applicationNumber, ct).ConfigureAwait(false);
        if (app?.NoticeStartedAt is null)
        {
            return false;
        }

        Notice = PublicApplicationView.Of(app);
        TakesObjections = Lifecycle.AvailableTriggers(app.State, Actor.Public).Contains(LifecycleTrigger.FileObjection);
        return true;
    }
}
