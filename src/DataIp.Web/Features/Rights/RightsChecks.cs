namespace DataIp.Web.Features.Rights;

/// <summary>The checks of a rights act's input against the registration: rights held, terms within validity, accounts named.</summary>
internal static class RightsChecks
{
    /// <summary>The rights the registration records.</summary>
    public static HashSet<DataRight> RegisteredRights(ApplicationRecord app) =>
        [.. app.Content.RightsClaimed.Select(r => r.Right).OfType<DataRight>()];

    /// <summary>Checks that the rights are given, known and held; returns the refusal or null.</summary>
    public static Refusal? Rights(ApplicationRecord app, List<DataRight>? rights, string verb)
    {
        if (rights is null || rights.Count == 0)
        {
            return Refusal.Invalid("rights", $"Name the rights {verb}: holding, processingAndUse and/or productOperation.");
        }

        var held = RegisteredRights(app);
        var missing = rights.Distinct().Where(r => !held.Contains(r)).ToList();
        return missing.Count == 0 ? null : Refusal.Invalid("rights",
            $"Registration {app.RegistrationNumber} does not record the {string.Join(", ", missing.Select(JsonNaming.Camel))} right(s); "
            + $"it records {string.Join(", ", held.Order().Select(JsonNaming.Camel))}. Only a right that is held can be {verb}.");
    }

    /// <summary>Checks a term: both days given, in order, within validity; returns the refusal or null.</summary>
    public static Refusal? Term(ApplicationRecord app, DateOnly? startsOn, DateOnly? endsOn)
    {
        if (startsOn is null)
        {
            return Refusal.Invalid("startsOn", "Give the first day of the term (YYYY-MM-DD).");
        }

        if (endsOn is null)
        {
            return Refusal.Invalid("endsOn", "Give the last day of the term (YYYY-MM-DD).");
        }

        if (endsOn < startsOn)
        {
            return Refusal.Invalid("endsOn", $"The term ends ({endsOn:yyyy-MM-dd}) before it starts ({startsOn:yyyy-MM-dd}).");
        }

        if (startsOn < app.RegistrationDate)
        {
            return Refusal.Invalid("startsOn", $"The term starts before the registration date ({app.RegistrationDate:yyyy-MM-dd}).");
        }

        return endsOn > app.ValidUntil
            ? Refusal.Invalid("endsOn", $"The term ends after the registration's validity ({app.ValidUntil:yyyy-MM-dd}); renew the registration first.")
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
        RegistryDbContext db, Guid? id, string field, AccountRole role, string what, CancellationToken cancellationToken)
    {
        if (id is null)
        {
            return (null, Refusal.Invalid(field, $"Give the {what}'s account id."));
        }

        var account = await db.Users.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken).ConfigureAwait(false);
        return account is null || account.Role != role
            ? (null, Refusal.Invalid(field, $"No {JsonNaming.Camel(role)} account {id} exists to be the {what}."))
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
