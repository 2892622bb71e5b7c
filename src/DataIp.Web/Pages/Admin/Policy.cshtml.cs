using DataIp.Data.Bodies;
using DataIp.Domain.Calendar;
using DataIp.Web.Features.Bodies;

namespace DataIp.Web.Pages.Admin;

/// <summary>
/// One body's policy as a form (its administrator or a national administrator): the periods of
/// the public notice and of a correction, whether it examines substance, the validity and the
/// renewal window. Saving runs the same use case as <c>PUT /api/v1/bodies/{code}/policy</c>
/// (<see cref="BodyAdministration"/>). Deadlines already set keep their dates.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class PolicyModel(RegistryDbContext db, BodyAdministration bodies) : PageModel
{
    private static readonly Dictionary<string, (string FieldId, string Key)> Fields = new()
    {
        ["noticeLength"] = ("notice-length", "Admin.Policy.NoticeLengthError"),
        ["noticeUnit"] = ("notice-unit", "Admin.Policy.UnitError"),
        ["correctionLength"] = ("correction-length", "Admin.Policy.CorrectionLengthError"),
        ["validityYears"] = ("validity-years", "Admin.Policy.ValidityYearsError"),
        ["renewalWindowDays"] = ("renewal-window", "Admin.Policy.RenewalWindowError"),
    };

    /// <summary>The body.</summary>
    public RegistrationBody Body { get; private set; } = null!;

    /// <summary>The notice's length, as typed.</summary>
    [BindProperty]
    public string? NoticeLength { get; set; }

    /// <summary>The notice's unit.</summary>
    [BindProperty]
    public PeriodUnit NoticeUnit { get; set; }

    /// <summary>Whether a substantive examination follows the formal one.</summary>
    [BindProperty]
    public bool SubstantiveExamination { get; set; }

    /// <summary>The correction period's length, as typed.</summary>
    [BindProperty]
    public string? CorrectionLength { get; set; }

    /// <summary>The correction period's unit.</summary>
    [BindProperty]
    public PeriodUnit CorrectionUnit { get; set; }

    /// <summary>The years a registration is valid, as typed.</summary>
    [BindProperty]
    public string? ValidityYears { get; set; }

    /// <summary>The days before expiry when renewal opens, as typed.</summary>
    [BindProperty]
    public string? RenewalWindowDays { get; set; }

    /// <summary>The form's errors.</summary>
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (await LoadAsync(code, ct).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        var p = Body.Policy;
        (NoticeLength, NoticeUnit, SubstantiveExamination) = (Number(p.NoticeLength), p.NoticeUnit, p.SubstantiveExamination);
        (CorrectionLength, CorrectionUnit) = (Number(p.CorrectionLength), p.CorrectionUnit);
        (ValidityYears, RenewalWindowDays) = (Number(p.ValidityYears), Number(p.RenewalWindowDays));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        if (await LoadAsync(code, ct).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        // A box that holds no whole number is out of every range: the use case's rule says so.
        var policy = new BodyPolicy
        {
            NoticeLength = Parse(NoticeLength),
            NoticeUnit = NoticeUnit,
            SubstantiveExamination = SubstantiveExamination,
            CorrectionLength = Parse(CorrectionLength),
            CorrectionUnit = CorrectionUnit,
            ValidityYears = Parse(ValidityYears),
            RenewalWindowDays = Parse(RenewalWindowDays),
        };
        var outcome = await bodies.SetPolicyAsync(code, policy, ActingParty.From(User), ct).ConfigureAwait(false);
        if (outcome.Refusal is { } refusal)
        {
            Errors = AdminForms.Errors(refusal, Fields, "notice-length");
            Response.StatusCode = refusal.Status();
            return Page();
        }

        return Redirect($"/admin/done/{outcome.Act!.Id}");
    }

    private static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static int Parse(string? typed) =>
        int.TryParse(typed?.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : 0;

    // The body, or the answer when there is none or the viewer does not administer it.
    private async Task<IActionResult?> LoadAsync(string code, CancellationToken ct)
    {
        var body = await db.Bodies.AsNoTracking().SingleOrDefaultAsync(b => b.Code == code, ct).ConfigureAwait(false);
        if (body is null)
        {
            return NotFound();
        }

        if (!BodyAdministration.MayAdminister(ActingParty.From(User), body.Id))
        {
            return Forbid();
        }

        Body = body;
        return null;
    }
}
