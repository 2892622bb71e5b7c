using DataIp.Data.Bodies;
using DataIp.Web.Features.Accounts;

namespace DataIp.Web.Pages.Admin;

/// <summary>
/// One account as its administrators see it (<see cref="AccountAccess"/>; to anyone else it does not
/// exist): its particulars, role, body, status, identity verification and the acts on it, each
/// linking to its log entry. Below, a form for each act the viewer may take on it: change the role
/// (staff), disable or enable, decide on an applicant's claimed identity. Each runs the API's use
/// case (<see cref="AccountAdministration"/>, <see cref="AccountVerification.DecideAsync"/>); a
/// refusal is the form's error, success leads to the confirmation page. Nobody acts on their own account.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class AccountModel(RegistryDbContext db, AccountAdministration accounts, TimeProvider clock) : PageModel
{
    // The act types that are about one account (each payload names it by accountId), oldest first on the page.
    private static readonly string[] AccountActs =
        [ActTypes.CreateAccount, ActTypes.VerifyAccount, ActTypes.ChangeAccountRole, ActTypes.DisableAccount, ActTypes.EnableAccount];

    // Each form's fields by the use case's (the API's) names → field id and message key.
    private static readonly Dictionary<string, Dictionary<string, (string FieldId, string Key)>> Fields = new()
    {
        ["role"] = new()
        {
            ["role"] = ("role-role", "Accounts.RoleError"),
            ["bodyCode"] = ("role-body", "Accounts.BodyError"),
            ["reason"] = ("role-reason", "Accounts.ReasonError"),
        },
        ["disable"] = new() { ["reason"] = ("disable-reason", "Accounts.ReasonError") },
        ["enable"] = new() { ["reason"] = ("enable-reason", "Accounts.ReasonError") },
        ["verify"] = new()
        {
            ["decision"] = ("verify-decision", "Accounts.Verify.DecisionError"),
            ["evidence"] = ("verify-evidence", "Accounts.Verify.EvidenceError"),
            ["reason"] = ("verify-reason", "Accounts.Verify.ReasonError"),
        },
    };

    /// <summary>The account.</summary>
    public Data.Accounts.Account Subject { get; private set; } = null!;

    /// <summary>The code of the body it is bound to, if any.</summary>
    public string? BodyCode { get; private set; }

    /// <summary>The acts on the account, oldest first.</summary>
    public IReadOnlyList<Act> Acts { get; private set; } = [];

    /// <summary>The bodies the viewer may bind staff to: every body for a national administrator, its own for a body's.</summary>
    public IReadOnlyList<RegistrationBody> Bodies { get; private set; } = [];

    /// <summary>Whether the account is the viewer's own (no form is offered on it).</summary>
    public bool IsOwn { get; private set; }

    /// <summary>The new role, as chosen.</summary>
    [BindProperty]
    public AccountRole? NewRole { get; set; }

    /// <summary>The body the account is bound to with its new role, as chosen.</summary>
    [BindProperty]
    public string? NewBody { get; set; }

    /// <summary>The reason typed with the act.</summary>
    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>The decision on the claimed identity.</summary>
    [BindProperty]
    public IdentityVerification? Decision { get; set; }

    /// <summary>What was checked for the decision.</summary>
    [BindProperty]
    public string? Evidence { get; set; }

    /// <summary>The form posted (role, disable, enable, verify), whose values are kept after a refusal.</summary>
    public string? Posted { get; private set; }

    /// <summary>The form's errors, each linking to its field.</summary>
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    /// <summary>Whether the account is disabled.</summary>
    public bool Disabled => AccountAdministration.IsDisabled(Subject);

    /// <summary>Whether the role form is offered: a staff account not the viewer's own.</summary>
    public bool OffersRole => !IsOwn && Subject.Role != AccountRole.Applicant;

    /// <summary>The decisions offered on an applicant's claimed identity: those it has not (a decision it has already would be refused).</summary>
    public IReadOnlyList<IdentityVerification> Decisions => IsOwn || Subject.Role != AccountRole.Applicant ? []
        : [.. new[] { IdentityVerification.Verified, IdentityVerification.Refused }.Where(d => d != Subject.IdentityVerification)];

    /// <summary>The values a form shows: what was typed into the form posted, otherwise nothing.</summary>
    public string? Typed(string form, string? value) => Posted == form ? value : null;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct).ConfigureAwait(false))
        {
            return NotFound();
        }

        (NewRole, NewBody) = (Subject.Role, BodyCode);
        return Page();
    }

    public Task<IActionResult> OnPostRoleAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, "role", party => accounts.ChangeRoleAsync(id, new ChangeRoleRequest(NewRole, NewBody, Reason), party, ct), ct);

    public Task<IActionResult> OnPostDisableAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, "disable", party => accounts.DisableAsync(id, new AccountReasonRequest(Reason), party, ct), ct);

    public Task<IActionResult> OnPostEnableAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, "enable", party => accounts.EnableAsync(id, new AccountReasonRequest(Reason), party, ct), ct);

    public Task<IActionResult> OnPostVerifyAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, "verify", party => AccountVerification.DecideAsync(db, clock, party, id, new VerificationRequest(Evidence, Decision, Reason), ct), ct);

    // The API's use case; a refusal wrote nothing, so the page reloaded is the account as stored.
    private async Task<IActionResult> RunAsync(Guid id, string form, Func<ActingParty, Task<AccountOutcome>> act, CancellationToken ct)
    {
        var outcome = await act(ActingParty.From(User)).ConfigureAwait(false);
        if (outcome.Refusal is not { } refusal)
        {
            return Redirect($"/admin/done/{outcome.Act!.Id}");
        }

        db.ChangeTracker.Clear();
        if (refusal.Code == RefusalCode.NotFound || !await LoadAsync(id, ct).ConfigureAwait(false))
        {
            return NotFound();
        }

        Posted = form;
        Errors = AdminForms.Errors(refusal, Fields[form], Fields[form].Values.First().FieldId);
        Response.StatusCode = refusal.Status();
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var party = ActingParty.From(User);
        var account = await db.Users.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct).ConfigureAwait(false);
        if (account is null || !await AccountAccess.MayAdministerAsync(db, party, account, ct).ConfigureAwait(false))
        {
            return false;
        }

        var bodies = await db.Bodies.AsNoTracking().OrderBy(b => b.Code).ToListAsync(ct).ConfigureAwait(false);
        (Subject, IsOwn) = (account, account.Id == party.AccountId);
        BodyCode = bodies.SingleOrDefault(b => b.Id == account.BodyId)?.Code;
        Bodies = party.BodyId is { } own ? [.. bodies.Where(b => b.Id == own)] : bodies;
        // Acts on accounts concern no application; the payload names the account.
        var named = id.ToString();
        Acts = await db.Acts.AsNoTracking().Where(a => a.ApplicationId == null && AccountActs.Contains(a.Type) && a.Payload.Contains(named))
            .OrderBy(a => a.Sequence).ToListAsync(ct).ConfigureAwait(false);
        return true;
    }
}
