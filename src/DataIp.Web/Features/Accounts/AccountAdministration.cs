using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace DataIp.Web.Features.Accounts;

/// <summary>An administrator creating an examiner, administrator or pledgee account.</summary>
public sealed record CreateAccountRequest(string? Email, string? Password, string? DisplayName, AccountRole? Role, string? BodyCode);

/// <summary>A staff account's new role, and the body it is bound to (an examiner's, a body administrator's).</summary>
public sealed record ChangeRoleRequest(AccountRole? Role, string? BodyCode, string? Reason);

/// <summary>Why an account is disabled or enabled.</summary>
public sealed record AccountReasonRequest(string? Reason);

/// <summary>
/// An administrator's acts on accounts, the one code that the API
/// (<see cref="AccountAdministrationEndpoints"/>) and the administrator's pages run: create a
/// staff account (<c>createAccount</c>), change its role (<c>changeAccountRole</c>), disable and
/// enable an account (<c>disableAccount</c>, <c>enableAccount</c>). Each act is recorded in the
/// same transaction as the change it makes. Who may: <see cref="AccountAccess"/>; nobody acts on
/// their own account, so the platform never loses its last administrator that way.
/// </summary>
/// <remarks>
/// A disabled account is one whose Identity lockout ends at <see cref="DateTimeOffset.MaxValue"/>
/// (lockout is otherwise unused: wrong passwords are throttled, never locked out): sign-in already
/// refuses it and <see cref="SecurityStamps"/> already refuses what it was signed in with, so no
/// second field can disagree with them. A role change and a disabling also replace the security
/// stamp, so tokens and cookies issued before are refused at once on this node (and within the
/// stamp cache's duration on others).
/// </remarks>
public sealed class AccountAdministration
{
    private readonly RegistryDbContext _db;
    private readonly TimeProvider _clock;
    private readonly UserManager<Account> _users;
    private readonly SecurityStamps _stamps;

    private AccountAdministration(RegistryDbContext db, TimeProvider clock, UserManager<Account> users, SecurityStamps stamps) =>
        (_db, _clock, _users, _stamps) = (db, clock, users, stamps);

    /// <summary>The scoped service, from the request's services.</summary>
    internal static AccountAdministration Create(IServiceProvider services) => new(
        services.GetRequiredService<RegistryDbContext>(), services.GetRequiredService<TimeProvider>(),
        services.GetRequiredService<UserManager<Account>>(), services.GetRequiredService<SecurityStamps>());

    /// <summary>Creates an examiner, administrator or pledgee account (a body administrator: only for its own body).</summary>
    public async Task<AccountOutcome> CreateStaffAsync(CreateAccountRequest request, ActingParty party, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(party);
        var errors = new Dictionary<string, RefusalMessage[]>();
        if (string.IsNullOrWhiteSpace(request.DisplayName) || request.DisplayName.Trim().Length > 200)
        {
            errors["displayName"] = [new(RefusalKey.StaffNameMissing)];
        }

        var body = await StaffBodyErrorsAsync(request.Role, request.BodyCode, errors, ct).ConfigureAwait(false);
        if (errors.Count > 0)
        {
            return Refusal.Invalid(errors);
        }

        if (!MayBind(party, body))
        {
            return Refusal.NotPermitted(RefusalKey.StaffOwnBodyOnly);
        }

        var account = new Account
        {
            Id = Guid.NewGuid(),
            UserName = request.Email?.Trim(),
            Email = request.Email?.Trim(),
            DisplayName = request.DisplayName!.Trim(),
            Role = request.Role!.Value,
            BodyId = body?.Id,
        };
        var created = await AccountCreation.CreateAsync(_users, _db, _clock, party, account, request.Password, body?.Code).ConfigureAwait(false);
        return created.Refusal?.Title == AccountCreation.AddressTaken ? Refusal.Invalid("email", created.Refusal.Message) : created;
    }

    /// <summary>Gives a staff account another role, or binds it to another body.</summary>
    public async Task<AccountOutcome> ChangeRoleAsync(Guid id, ChangeRoleRequest request, ActingParty party, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await FindAsync(id, party, ct).ConfigureAwait(false) is not { } account)
        {
            return Refusal.NotFound(RefusalKey.WhatAccount);
        }

        if (account.Id == party.AccountId)
        {
            return Refusal.NotPermitted(RefusalKey.OwnRoleUnchangeable);
        }

        var errors = new Dictionary<string, RefusalMessage[]>();
        var body = await StaffBodyErrorsAsync(request.Role, request.BodyCode, errors, ct).ConfigureAwait(false);
        ReasonError(request.Reason, errors);
        if (errors.Count > 0)
        {
            return Refusal.Invalid(errors);
        }

        if (!MayBind(party, body))
        {
            return Refusal.NotPermitted(RefusalKey.RoleOwnBodyOnly);
        }

        if (account.Role == AccountRole.Applicant)
        {
            return Refusal.Conflict("Not a staff account", RefusalKey.ApplicantNeverStaff);
        }

        if (account.Role == request.Role && account.BodyId == body?.Id)
        {
            return Refusal.Conflict("Nothing to change", RefusalKey.RoleUnchanged);
        }

        var previousBody = await BodyCodeAsync(account.BodyId, ct).ConfigureAwait(false);
        var act = new ChangeAccountRoleAct
        {
            AccountId = account.Id,
            DisplayName = account.DisplayName,
            PreviousRole = AccountCreation.RoleName(account.Role),
            PreviousBodyCode = previousBody,
            Role = AccountCreation.RoleName(request.Role!.Value),
            BodyCode = body?.Code,
        };
        return await RecordAsync(account, party, act, request.Reason, a => (a.Role, a.BodyId) = (request.Role.Value, body?.Id), body?.Code, ct).ConfigureAwait(false);
    }

    /// <summary>Disables an account: it is signed out everywhere at once and may not sign in until enabled.</summary>
    public async Task<AccountOutcome> DisableAsync(Guid id, AccountReasonRequest request, ActingParty party, CancellationToken ct) =>
        await SwitchAsync(id, request, party, disable: true, ct).ConfigureAwait(false);

    /// <summary>Enables a disabled account: it may sign in again.</summary>
    public async Task<AccountOutcome> EnableAsync(Guid id, AccountReasonRequest request, ActingParty party, CancellationToken ct) =>
        await SwitchAsync(id, request, party, disable: false, ct).ConfigureAwait(false);

    /// <summary>Whether an account is disabled (its lockout set by <see cref="DisableAsync"/>).</summary>
    public static bool IsDisabled(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return account.LockoutEnabled && account.LockoutEnd is not null;
    }

    private async Task<AccountOutcome> SwitchAsync(Guid id, AccountReasonRequest request, ActingParty party, bool disable, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await FindAsync(id, party, ct).ConfigureAwait(false) is not { } account)
        {
            return Refusal.NotFound(RefusalKey.WhatAccount);
        }

        if (account.Id == party.AccountId)
        {
            return Refusal.NotPermitted(RefusalKey.OwnAccountStatus);
        }

        var errors = new Dictionary<string, RefusalMessage[]>();
        ReasonError(request.Reason, errors);
        if (errors.Count > 0)
        {
            return Refusal.Invalid(errors);
        }

        if (IsDisabled(account) == disable)
        {
            return Refusal.Conflict(disable ? "Disabled already" : "Not disabled", disable ? RefusalKey.AccountDisabledAlready : RefusalKey.AccountNotDisabled);
        }

        var bodyCode = await BodyCodeAsync(account.BodyId, ct).ConfigureAwait(false);
        var (name, role) = (account.DisplayName, AccountCreation.RoleName(account.Role));
        ActPayload act = disable
            ? new DisableAccountAct { AccountId = account.Id, DisplayName = name, Role = role, BodyCode = bodyCode }
            : new EnableAccountAct { AccountId = account.Id, DisplayName = name, Role = role, BodyCode = bodyCode };
        return await RecordAsync(account, party, act, request.Reason, a => (a.LockoutEnabled, a.LockoutEnd) = (true, disable ? DateTimeOffset.MaxValue : null), bodyCode, ct)
            .ConfigureAwait(false);
    }

    // The change, a new security stamp and the act, in one transaction; then this node forgets the old stamp.
    private async Task<AccountOutcome> RecordAsync(Account account, ActingParty party, ActPayload act, string? reason, Action<Account> change, string? bodyCode, CancellationToken ct)
    {
        await using var transaction = await ActTransaction.BeginAsync(_db, _clock, ct).ConfigureAwait(false);
        change(account);
        account.SecurityStamp = Convert.ToHexString(RandomNumberGenerator.GetBytes(20));
        account.ConcurrencyStamp = Guid.NewGuid().ToString();
        var recorded = await ActWriter.AppendAsync(_db, party.Actor, act, null, transaction.Now, reason, noticeStarted: false, ct).ConfigureAwait(false);
        await _db.SaveChangesAsync(ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        _stamps.Forget(account.Id);
        return new AccountOutcome(account, bodyCode, recorded.Act, null);
    }

    // The account, if the party administers it; otherwise, as for one that does not exist, null.
    private async Task<Account?> FindAsync(Guid id, ActingParty party, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(party);
        var account = await _db.Users.SingleOrDefaultAsync(a => a.Id == id, ct).ConfigureAwait(false);
        return account is not null && await AccountAccess.MayAdministerAsync(_db, party, account, ct).ConfigureAwait(false) ? account : null;
    }

    // A staff role and its body: an examiner is bound to one, a pledgee to none, an administrator to one or none (national).
    private async Task<Data.Bodies.RegistrationBody?> StaffBodyErrorsAsync(AccountRole? role, string? bodyCode, Dictionary<string, RefusalMessage[]> errors, CancellationToken ct)
    {
        if (role is not (AccountRole.Examiner or AccountRole.Administrator or AccountRole.Pledgee))
        {
            errors["role"] = [new(RefusalKey.StaffRoleChoice)];
        }

        var body = string.IsNullOrWhiteSpace(bodyCode) ? null
            : await _db.Bodies.AsNoTracking().SingleOrDefaultAsync(b => b.Code == bodyCode.Trim(), ct).ConfigureAwait(false);
        if (role == AccountRole.Examiner && body is null && string.IsNullOrWhiteSpace(bodyCode))
        {
            errors["bodyCode"] = [new(RefusalKey.ExaminerNeedsBody)];
        }
        else if (!string.IsNullOrWhiteSpace(bodyCode) && body is null)
        {
            errors["bodyCode"] = [new(RefusalKey.BodyCodeNotABody, bodyCode)];
        }
        else if (role == AccountRole.Pledgee && body is not null)
        {
            errors["bodyCode"] = [new(RefusalKey.PledgeeNoBody)];
        }

        return body;
    }

    // A body administrator binds accounts to its own body only (so it never makes a national administrator or a pledgee).
    private static bool MayBind(ActingParty party, Data.Bodies.RegistrationBody? body) => party.BodyId is null || (body is not null && body.Id == party.BodyId);

    private static void ReasonError(string? reason, Dictionary<string, RefusalMessage[]> errors)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > 2000)
        {
            errors["reason"] = [new(RefusalKey.PublicReasonMissing)];
        }
    }

    private async Task<string?> BodyCodeAsync(int? bodyId, CancellationToken ct) => bodyId is { } id
        ? await _db.Bodies.Where(b => b.Id == id).Select(b => b.Code).SingleAsync(ct).ConfigureAwait(false)
        : null;
}
