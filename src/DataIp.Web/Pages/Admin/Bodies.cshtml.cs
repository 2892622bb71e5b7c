using DataIp.Data.Bodies;
using DataIp.Web.Features.Bodies;

namespace DataIp.Web.Pages.Admin;

/// <summary>
/// The registration bodies with their policies (administrators), each linking to its policy form
/// for those who administer it; a national administrator adds a body here. The form runs the
/// same use case as <c>POST /api/v1/bodies</c> (<see cref="BodyAdministration"/>); a new body
/// starts with the default policy, changed on its own page.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class BodiesModel(RegistryDbContext db, BodyAdministration bodies) : PageModel
{
    // The use case's fields (the API's names) → the form's field ids and their messages.
    private static readonly Dictionary<string, (string FieldId, string Key)> Fields = new()
    {
        ["regionCode"] = ("region-code", "Admin.Bodies.RegionCodeError"),
        ["code"] = ("code", "Admin.Bodies.CodeError"),
        ["name"] = ("name", "Admin.Bodies.NameError"),
        ["nameEn"] = ("name-en", "Admin.Bodies.NameEnError"),
    };

    /// <summary>Every body, in code order.</summary>
    public IReadOnlyList<RegistrationBody> Bodies { get; private set; } = [];

    /// <summary>Whether the viewer may add a body (a national administrator).</summary>
    public bool MayAdd => IndexModel.IsNationalAdministrator(User);

    /// <summary>The new body's GB/T 2260 region code.</summary>
    [BindProperty]
    public string? RegionCode { get; set; }

    /// <summary>The new body's 4-digit code (empty: the region code's first four digits).</summary>
    [BindProperty]
    public string? Code { get; set; }

    /// <summary>Its Chinese name.</summary>
    [BindProperty]
    public string? Name { get; set; }

    /// <summary>Its English name.</summary>
    [BindProperty]
    public string? NameEn { get; set; }

    /// <summary>The form's errors.</summary>
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    /// <summary>Whether the viewer administers <paramref name="body"/> (may change its policy).</summary>
    public bool Administers(RegistrationBody body) => BodyAdministration.MayAdminister(ActingParty.From(User), body.Id);

    /// <summary>A body's name in the page's language (its Chinese name, marked, when it has no English one).</summary>
    public static Microsoft.AspNetCore.Html.IHtmlContent NameOf(RegistrationBody body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Text.InEnglish && body.NameEn.Length > 0 ? Labels.Data(body.NameEn) : Labels.Data(body.Name);
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct).ConfigureAwait(false);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!MayAdd)
        {
            return Forbid();
        }

        var outcome = await bodies.AddAsync(new AddBodyRequest(RegionCode?.Trim(), Code, Name, NameEn, null), ActingParty.From(User), ct).ConfigureAwait(false);
        if (outcome.Refusal is { } refusal)
        {
            Errors = AdminForms.Errors(refusal, Fields, "region-code");
            Response.StatusCode = refusal.Status();
            await LoadAsync(ct).ConfigureAwait(false);
            return Page();
        }

        return Redirect($"/admin/done/{outcome.Act!.Id}");
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Bodies = await db.Bodies.AsNoTracking().OrderBy(b => b.Code).ToListAsync(ct).ConfigureAwait(false);
}
