using System.Globalization;

namespace DataIp.Web.Features.Acts;

/// <summary>Who is acting: an account with its role and body, an anonymous member of the public, or the system.</summary>
/// <param name="AccountId">The account, or null for the public and the system.</param>
/// <param name="Role">The account's role, or null for the public and the system.</param>
/// <param name="BodyId">The body an examiner or body administrator is bound to.</param>
/// <param name="Name">Name recorded in the act.</param>
/// <param name="IsSystem">Whether the platform itself acts (deadlines, scheduled registration).</param>
public sealed record ActingParty(Guid? AccountId, AccountRole? Role, int? BodyId, string Name, bool IsSystem = false)
{
    /// <summary>The platform acting on its own (lapsed deadlines, ended notice periods).</summary>
    public static ActingParty System { get; } = new(null, null, null, "system", IsSystem: true);

    /// <summary>An anonymous member of the public giving a name.</summary>
    public static ActingParty Anonymous(string name) => new(null, null, null, name);

    /// <summary>The signed-in user, or an anonymous member of the public.</summary>
    public static ActingParty From(ClaimsPrincipal user, string anonymousName = "public")
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity?.IsAuthenticated != true)
        {
            return Anonymous(anonymousName);
        }

        var id = Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!, CultureInfo.InvariantCulture);
        var role = Enum.Parse<AccountRole>(user.FindFirstValue(ClaimTypes.Role)!);
        var body = user.FindFirstValue(Claims.BodyId) is { } b ? int.Parse(b, CultureInfo.InvariantCulture) : (int?)null;
        return new ActingParty(id, role, body, user.FindFirstValue(Claims.DisplayName) ?? user.Identity.Name ?? "");
    }

    /// <summary>What the party is to the domain, whatever the case: its relations are decided from this (<see cref="Relations"/>).</summary>
    public Party Party => new(AccountId, IsSystem ? PartyRole.System : Role switch
    {
        AccountRole.Applicant => PartyRole.Applicant,
        AccountRole.Examiner => PartyRole.Examiner,
        AccountRole.Administrator => PartyRole.Administrator,
        AccountRole.Pledgee => PartyRole.Pledgee,
        null => PartyRole.Public,
        var other => throw new InvalidOperationException($"Unknown account role {other}."),
    }, BodyId);

    /// <summary>The role recorded in the act: one of <see cref="ActorRoles"/>.</summary>
    public string RoleName => RoleOf(Party.Role);

    /// <summary>Who the act is recorded as.</summary>
    public ActActor Actor => new(AccountId, RoleName, Name);

    /// <summary>The log's name of a party role.</summary>
    public static string RoleOf(PartyRole role) => role switch
    {
        PartyRole.Applicant => ActorRoles.Applicant,
        PartyRole.Examiner => ActorRoles.Examiner,
        PartyRole.Administrator => ActorRoles.Administrator,
        PartyRole.Pledgee => ActorRoles.Pledgee,
        PartyRole.Public => ActorRoles.Public,
        PartyRole.System => ActorRoles.System,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown party role."),
    };
}

/// <summary>camelCase of enum names for messages and views.</summary>
internal static class JsonNaming
{
    public static string Camel(string name) =>
        string.IsNullOrEmpty(name) ? name : string.Concat(char.ToLowerInvariant(name[0]).ToString(), name.AsSpan(1));

    public static string Camel<T>(T value)
        where T : struct, Enum => Camel(value.ToString());
}
