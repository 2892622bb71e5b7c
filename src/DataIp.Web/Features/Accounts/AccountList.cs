namespace DataIp.Web.Features.Accounts;

/// <summary>Whether an account may sign in.</summary>
public enum AccountStatus
{
    /// <summary>It may sign in.</summary>
    Active,

    /// <summary>An administrator disabled it.</summary>
    Disabled,
}

/// <summary>Which accounts to list, and which page of them.</summary>
/// <param name="Role">Only accounts of this role.</param>
/// <param name="BodyCode">Only staff bound to this body.</param>
/// <param name="Status">Only active or only disabled accounts.</param>
/// <param name="IdentityVerification">Only applicants whose claimed identity is in this state (claimed includes never decided).</param>
/// <param name="Page">The page, from 1.</param>
/// <param name="PageSize">Accounts a page, 1–200.</param>
public sealed record AccountFilter(
    AccountRole? Role = null, string? BodyCode = null, AccountStatus? Status = null, IdentityVerification? IdentityVerification = null, int Page = 1, int PageSize = AccountList.DefaultPageSize);

/// <summary>An account as a line of the administrators' list.</summary>
public sealed record AccountSummary(
    Guid Id, string Email, string DisplayName, AccountRole Role, string? BodyCode, RegistrantType? RegistrantType, string? RegionCode,
    IdentityVerification? IdentityVerification, AccountStatus Status, DateTimeOffset CreatedAt);

/// <summary>A page of the administrators' list of accounts, in e-mail order.</summary>
/// <param name="Accounts">The accounts of the page.</param>
/// <param name="Page">The page, from 1.</param>
/// <param name="PageSize">Accounts a page.</param>
/// <param name="HasNext">Whether a later page exists.</param>
public sealed record AccountPage(IReadOnlyList<AccountSummary> Accounts, int Page, int PageSize, bool HasNext);

/// <summary>
/// The accounts an administrator administers (<see cref="AccountAccess"/>), filtered and paged in
/// the database, in e-mail order (an indexed column), with three queries whatever the page's
/// length: the administrator's scope, the bodies' codes, the page.
/// </summary>
public static class AccountList
{
    /// <summary>Accounts a page unless asked otherwise.</summary>
    public const int DefaultPageSize = 50;

    /// <summary>The most accounts a page.</summary>
    public const int MaxPageSize = 200;

    /// <summary>A page of the accounts <paramref name="party"/> administers; refused when a filter names no body or the page is out of range.</summary>
    public static async Task<(AccountPage? Page, Refusal? Refusal)> ReadAsync(RegistryDbContext db, ActingParty party, AccountFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.Page < 1 || filter.PageSize is < 1 or > MaxPageSize)
        {
            return (null, Refusal.Invalid(filter.Page < 1 ? "page" : "pageSize", RefusalKey.PageRange, MaxPageSize));
        }

        var bodies = await db.Bodies.AsNoTracking().Select(b => new { b.Id, b.Code }).ToDictionaryAsync(b => b.Id, b => b.Code, ct).ConfigureAwait(false);
        var query = db.Users.AsNoTracking().Within(await AccountAccess.ScopeAsync(db, party, ct).ConfigureAwait(false));
        if (!string.IsNullOrWhiteSpace(filter.BodyCode))
        {
            if (bodies.FirstOrDefault(b => b.Value == filter.BodyCode.Trim()) is not { Value: not null } body)
            {
                return (null, Refusal.Invalid("bodyCode", RefusalKey.BodyCodeNotABody, filter.BodyCode));
            }

            query = query.Where(a => a.BodyId == body.Key);
        }

        query = Filtered(query, filter);
        var rows = await query.OrderBy(a => a.NormalizedEmail).ThenBy(a => a.Id)
            .Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize + 1).ToListAsync(ct).ConfigureAwait(false);
        var accounts = rows.Take(filter.PageSize).Select(a => new AccountSummary(
            a.Id, a.Email!, a.DisplayName, a.Role, a.BodyId is { } id ? bodies.GetValueOrDefault(id) : null, a.RegistrantType, a.RegionCode,
            a.Role == AccountRole.Applicant ? a.IdentityVerification ?? IdentityVerification.Claimed : null,
            AccountAdministration.IsDisabled(a) ? AccountStatus.Disabled : AccountStatus.Active, a.CreatedAt)).ToList();
        return (new AccountPage(accounts, filter.Page, filter.PageSize, rows.Count > filter.PageSize), null);
    }

    private static IQueryable<Account> Filtered(IQueryable<Account> query, AccountFilter filter)
    {
        if (filter.Role is { } role)
        {
            query = query.Where(a => a.Role == role);
        }

        if (filter.Status is { } status)
        {
            query = status == AccountStatus.Disabled
                ? query.Where(a => a.LockoutEnabled && a.LockoutEnd != null)
                : query.Where(a => !a.LockoutEnabled || a.LockoutEnd == null);
        }

        if (filter.IdentityVerification is { } wanted)
        {
            // Only applicants claim an identity; one never decided is a claim.
            query = wanted == IdentityVerification.Claimed
                ? query.Where(a => a.Role == AccountRole.Applicant && (a.IdentityVerification == wanted || a.IdentityVerification == null))
                : query.Where(a => a.Role == AccountRole.Applicant && a.IdentityVerification == wanted);
        }

        return query;
    }
}
