using DataIp.Data.Bodies;
using DataIp.Web.Features.Accounts;

namespace DataIp.Web.Pages.Admin;

/// <summary>
/// Creating a staff account: an examiner, an administrator or a pledgee (a bank), with an initial
/// password the person changes after signing in. The form runs the same use case as
/// <c>POST /api/v1/accounts/staff</c> (<see cref="AccountAdministration.CreateStaffAsync"/>): a body
/// administrator creates accounts of its own body only. Applicants sign up themselves.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class NewAccountModel(RegistryDbContext db, AccountAdministration accounts) : PageModel
{
    private static readonly Dictionary<string, (string FieldId, string Key)> Fields = new()
    {
        ["displayName"] = ("display-name", "Accounts.New.NameError"),
        ["email"] = ("email", "Accounts.New.EmailError"),
        ["role"] = ("role", "Accounts.RoleError"),
        ["bodyCode"] = ("body-code", "Accounts.BodyError"),
        ["password"] = ("password", "Accounts.New.PasswordError"),
    };

    /// <summary>The person's or bank's name.</summary>
    [BindProperty]
    public string? DisplayName { get; set; }

    /// <summary>The sign-in e-mail address.</summary>
    [BindProperty]
    public string? Email { get; set; }

    /// <summary>The role.</summary>
    [BindProperty]
    public AccountRole? Role { get; set; }

    /// <summary>The body's code, for an examiner or a body administrator.</summary>
    [BindProperty]
    public string? BodyCode { get; set; }

    /// <summary>The initial password (never shown again).</summary>
    [BindProperty]
    public string? Password { get; set; }

    /// <summary>The bodies the viewer may bind an account to: every body for a national administrator, its own for a body's.</summary>
    public IReadOnlyList<RegistrationBody> Bodies { get; private set; } = [];

    /// <summary>The roles offered (<see cref="StaffRoles"/>).</summary>
    public IReadOnlyList<AccountRole> Roles => StaffRoles(User);

    /// <summary>The staff roles <paramref name="user"/> may give: a body administrator examiners and administrators of its body, not pledgees (bound to no body).</summary>
    public static IReadOnlyList<AccountRole> StaffRoles(ClaimsPrincipal user) => ActingParty.From(user).BodyId is null
        ? [AccountRole.Examiner, AccountRole.Administrator, AccountRole.Pledgee]
        : [AccountRole.Examiner, AccountRole.Administrator];

    /// <summary>The form's errors.</summary>
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct).ConfigureAwait(false);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var request = new CreateAccountRequest(Email, Password, DisplayName, Role, BodyCode);
        var outcome = await accounts.CreateStaffAsync(request, ActingParty.From(User), ct).ConfigureAwait(false);
        if (outcome.Refusal is { } refusal)
        {
            Errors = AdminForms.Errors(refusal, Fields, "display-name");
            Response.StatusCode = refusal.Status();
            Password = null;
            await LoadAsync(ct).ConfigureAwait(false);
            return Page();
        }

        return Redirect($"/admin/done/{outcome.Act!.Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var bodies = await db.Bodies.AsNoTracking().OrderBy(b => b.Code).ToListAsync(ct).ConfigureAwait(false);
        Bodies = ActingParty.From(User).BodyId is { } own ? [.. bodies.Where(b => b.Id == own)] : bodies;
    }
}
