namespace DataIp.Web.Features.Accounts;

/// <summary>
/// Which accounts an administrator administers (sees in the list, verifies, changes, disables): a
/// national administrator every account; a body administrator its own body's staff and the
/// applicants whose region code lies in its body's region (a body of 440000 covers 44xxxx, one of
/// 440300 4403xx). Pledgees and national administrators belong to no body, so only a national
/// administrator administers them. The one rule for the API and the pages; nobody acts on their
/// own account (<see cref="AccountAdministration"/> refuses it).
/// </summary>
internal static class AccountAccess
{
    /// <summary>
    /// What a body administrator administers: its body and its region's prefix. Null for a national
    /// administrator (everything).
    /// </summary>
    public sealed record Scope(int BodyId, string RegionPrefix);

    /// <summary>The scope of <paramref name="party"/>, an administrator; null when it is national.</summary>
    public static async Task<Scope?> ScopeAsync(RegistryDbContext db, ActingParty party, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(party);
        if (party.BodyId is not { } bodyId)
        {
            return null;
        }

        var region = await db.Bodies.Where(b => b.Id == bodyId).Select(b => b.RegionCode).SingleAsync(ct).ConfigureAwait(false);
        return new Scope(bodyId, RegionPrefix(region));
    }

    /// <summary>Whether <paramref name="party"/> administers <paramref name="account"/>.</summary>
    public static async Task<bool> MayAdministerAsync(RegistryDbContext db, ActingParty party, Account account, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(party);
        ArgumentNullException.ThrowIfNull(account);
        return party.Role == AccountRole.Administrator && Covers(await ScopeAsync(db, party, ct).ConfigureAwait(false), account);
    }

    /// <summary>Whether <paramref name="scope"/> covers <paramref name="account"/> (null: everything).</summary>
    public static bool Covers(Scope? scope, Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return scope is null || (account.Role == AccountRole.Applicant
            ? account.RegionCode?.StartsWith(scope.RegionPrefix, StringComparison.Ordinal) ?? false
            : account.BodyId == scope.BodyId);
    }

    /// <summary>The accounts of <paramref name="query"/> that <paramref name="scope"/> covers, filtered in the database.</summary>
    public static IQueryable<Account> Within(this IQueryable<Account> query, Scope? scope)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (scope is null)
        {
            return query;
        }

        var (bodyId, prefix) = (scope.BodyId, scope.RegionPrefix);
        return query.Where(a => a.Role == AccountRole.Applicant ? a.RegionCode != null && a.RegionCode.StartsWith(prefix) : a.BodyId == bodyId);
    }

    // 440000 → 44, 440300 → 4403, 440305 → 440305.
    private static string RegionPrefix(string region)
    {
        var prefix = region;
        while (prefix.Length > 2 && prefix.EndsWith("00", StringComparison.Ordinal))
        {
            prefix = prefix[..^2];
        }

        return prefix;
    }
}
