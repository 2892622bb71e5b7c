namespace DataIp.Web.Features.Rights;

/// <summary>The checks of a rights act's input against the registration: rights held, terms within validity, accounts named.</summary>
internal static class RightsChecks
{
    /// <summary>The rights the registration records.</summary>
    public static HashSet<DataRight> RegisteredRights(ApplicationRecord app) =>
        [.. app.Content.RightsClaimed.Select(r => r.Right).OfType<DataRight>()];

    /// <summary>Checks that the rights are given, known and held; returns the refusal or null.</summary>
    public static Refusal? Rights(ApplicationRecord app, List<DataRight>? rights, RefusalKey verb)
    {
        if (rights is null || rights.Count == 0)
        {
            return Refusal.Invalid("rights", RefusalKey.RightsMissing, new RefusalMessage(verb));
        }

        var held = RegisteredRights(app);
        var missing = rights.Distinct().Where(r => !held.Contains(r)).ToList();
        return missing.Count == 0 ? null : Refusal.Invalid("rights", RefusalKey.RightsNotHeld, app.RegistrationNumber,
            new RefusalList(RefusalKey.ListComma, [.. missing.Cast<object?>()]), new RefusalList(RefusalKey.ListComma, [.. held.Order().Cast<object?>()]), new RefusalMessage(verb));
    }

    /// <summary>Checks a term: both days given, in order, within validity; returns the refusal or null.</summary>
    public static Refusal? Term(ApplicationRecord app, DateOnly? startsOn, DateOnly? endsOn)
    {
        if (startsOn is null)
        {
            return Refusal.Invalid("startsOn", RefusalKey.TermStartMissing);
        }

        if (endsOn is null)
        {
            return Refusal.Invalid("endsOn", RefusalKey.TermEndMissing);
        }

        if (endsOn < startsOn)
        {
            return Refusal.Invalid("endsOn", RefusalKey.TermEndsBeforeStart, endsOn, startsOn);
        }

        if (startsOn < app.RegistrationDate)
        {
            return Refusal.Invalid("startsOn", RefusalKey.TermStartsBeforeRegistration, app.RegistrationDate);
        }

        return endsOn > app.ValidUntil
            ? Refusal.Invalid("endsOn", RefusalKey.TermEndsAfterValidity, app.ValidUntil)
            : null;
    }

    /// <summary>Rights as stored: camelCase names in right order.</summary>
    public static string RightsText(IEnumerable<DataRight> rights) => string.Join(",", rights.Distinct().Order().Select(JsonNaming.Camel));

    /// <summary>The rights of a stored list.</summary>
    public static List<DataRight> RightsList(string text) =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(r => Enum.Parse<DataRight>(r, ignoreCase: true))];

    /// <summary>The rights of a stored list as their camelCase names.</summary>
    public static List<string> RightsNames(string text) => [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries)];

    /// <summary>The account with that id and role, or a refusal naming the field.</summary>
    public static async Task<(Account? Account, Refusal? Refusal)> AccountAsync(
        RegistryDbContext db, Guid? id, string field, AccountRole role, RefusalKey what, CancellationToken cancellationToken)
    {
        if (id is null)
        {
            return (null, Refusal.Invalid(field, RefusalKey.AccountIdMissing, new RefusalMessage(what)));
        }

        var account = await db.Users.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken).ConfigureAwait(false);
        return account is null || account.Role != role
            ? (null, Refusal.Invalid(field, RefusalKey.NoRoleAccount, role, id, new RefusalMessage(what)))
            : (account, null);
    }

    /// <summary>The next number of a licence, pledge or transfer of the registration: e.g. 2025…X-L001.</summary>
    public static async Task<string> NextNumberAsync(ActContext context, char kind, CancellationToken cancellationToken)
    {
        var app = context.Application;
        var serial = await Data.Numbering.SerialNumbers.NextAsync(context.Db, $"{kind}:{app.RegistrationNumber}", cancellationToken).ConfigureAwait(false);
        return $"{app.RegistrationNumber}-{kind}{serial:D3}";
    }
}
