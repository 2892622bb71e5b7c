using DataIp.Domain.Calendar;
using DataIp.Domain.Registration;

namespace DataIp.Domain.Acts;

/// <summary><c>createAccount</c>: an account signs up or an administrator creates a staff account.</summary>
public sealed record CreateAccountAct : ActPayload
{
    /// <summary>The account's id.</summary>
    [Disclosed(Disclosure.Public)] public required Guid AccountId { get; init; }

    /// <summary>Its role, one of <see cref="ActorRoles"/> that is an account's.</summary>
    [Disclosed(Disclosure.Public)] public required string Role { get; init; }

    /// <summary>The body a staff account is bound to.</summary>
    [Disclosed(Disclosure.Public)] public string? BodyCode { get; init; }

    /// <summary>Its name.</summary>
    [Disclosed(Disclosure.Public)] public required string DisplayName { get; init; }

    /// <summary>An applicant's registrant type.</summary>
    [Disclosed(Disclosure.Public)] public RegistrantType? RegistrantType { get; init; }

    /// <summary>An organisation's unified social credit code (a person's ID number is never logged).</summary>
    [Disclosed(Disclosure.Public)] public string? CreditCode { get; init; }
}

/// <summary>
/// <c>verifyAccount</c>: an administrator decides whether an applicant account may act in the name
/// of the organisation (or person) it claims, on evidence the log holds only as a digest.
/// </summary>
public sealed record VerifyAccountAct : ActPayload
{
    /// <summary>The account.</summary>
    [Disclosed(Disclosure.Public)] public required Guid AccountId { get; init; }

    /// <summary>The decision: verified or refused.</summary>
    [Disclosed(Disclosure.Public)] public required IdentityVerification Decision { get; init; }

    /// <summary>The name the account claims.</summary>
    [Disclosed(Disclosure.Public)] public required string DisplayName { get; init; }

    /// <summary>The registrant type it claims.</summary>
    [Disclosed(Disclosure.Public)] public RegistrantType? RegistrantType { get; init; }

    /// <summary>An organisation's unified social credit code (a person's ID number is never logged).</summary>
    [Disclosed(Disclosure.Public)] public string? CreditCode { get; init; }

    /// <summary>What the administrator examined (e.g. the business licence).</summary>
    [Disclosed(Disclosure.Parties)] public string? Evidence { get; init; }
}

/// <summary>
/// <c>changeAccountRole</c>: an administrator gives a staff account another role or binds it to
/// another body. Who holds an examiner's or administrator's powers is a public fact of the
/// register, and so are the reasons.
/// </summary>
public sealed record ChangeAccountRoleAct : ActPayload
{
    /// <summary>The account.</summary>
    [Disclosed(Disclosure.Public)] public required Guid AccountId { get; init; }

    /// <summary>Its name.</summary>
    [Disclosed(Disclosure.Public)] public required string DisplayName { get; init; }

    /// <summary>Its role before, one of <see cref="ActorRoles"/> that is an account's.</summary>
    [Disclosed(Disclosure.Public)] public required string PreviousRole { get; init; }

    /// <summary>The body it was bound to before, if any.</summary>
    [Disclosed(Disclosure.Public)] public string? PreviousBodyCode { get; init; }

    /// <summary>Its role from now on.</summary>
    [Disclosed(Disclosure.Public)] public required string Role { get; init; }

    /// <summary>The body it is bound to from now on, if any.</summary>
    [Disclosed(Disclosure.Public)] public string? BodyCode { get; init; }
}

/// <summary>
/// <c>disableAccount</c>: an administrator disables an account; everything it was signed in with
/// is refused from then on, and it may not sign in until it is enabled again.
/// </summary>
public sealed record DisableAccountAct : ActPayload
{
    /// <summary>The account.</summary>
    [Disclosed(Disclosure.Public)] public required Guid AccountId { get; init; }

    /// <summary>Its name.</summary>
    [Disclosed(Disclosure.Public)] public required string DisplayName { get; init; }

    /// <summary>Its role, one of <see cref="ActorRoles"/> that is an account's.</summary>
    [Disclosed(Disclosure.Public)] public required string Role { get; init; }

    /// <summary>The body a staff account is bound to.</summary>
    [Disclosed(Disclosure.Public)] public string? BodyCode { get; init; }
}

/// <summary><c>enableAccount</c>: an administrator enables a disabled account; it may sign in again.</summary>
public sealed record EnableAccountAct : ActPayload
{
    /// <summary>The account.</summary>
    [Disclosed(Disclosure.Public)] public required Guid AccountId { get; init; }

    /// <summary>Its name.</summary>
    [Disclosed(Disclosure.Public)] public required string DisplayName { get; init; }

    /// <summary>Its role, one of <see cref="ActorRoles"/> that is an account's.</summary>
    [Disclosed(Disclosure.Public)] public required string Role { get; init; }

    /// <summary>The body a staff account is bound to.</summary>
    [Disclosed(Disclosure.Public)] public string? BodyCode { get; init; }
}

/// <summary><c>addBody</c>.</summary>
public sealed record AddBodyAct : ActPayload
{
    /// <summary>The new body's code.</summary>
    [Disclosed(Disclosure.Public)] public required string BodyCode { get; init; }

    /// <summary>Its region (GB/T 2260).</summary>
    [Disclosed(Disclosure.Public)] public required string RegionCode { get; init; }

    /// <summary>Its name.</summary>
    [Disclosed(Disclosure.Public)] public required string Name { get; init; }

    /// <summary>Its policy.</summary>
    [Disclosed(Disclosure.Public)] public required BodyPolicy Policy { get; init; }
}

/// <summary><c>changePolicy</c>.</summary>
public sealed record ChangePolicyAct : ActPayload
{
    /// <summary>The body.</summary>
    [Disclosed(Disclosure.Public)] public required string BodyCode { get; init; }

    /// <summary>The policy before.</summary>
    [Disclosed(Disclosure.Public)] public required BodyPolicy PreviousPolicy { get; init; }

    /// <summary>The policy after.</summary>
    [Disclosed(Disclosure.Public)] public required BodyPolicy Policy { get; init; }
}

/// <summary><c>enterCalendarYear</c>: a year's working-day calendar, from the State Council's notice.</summary>
public sealed record EnterCalendarYearAct : ActPayload
{
    /// <summary>The year.</summary>
    [Disclosed(Disclosure.Public)] public required int Year { get; init; }

    /// <summary>Where the calendar comes from.</summary>
    [Disclosed(Disclosure.Public)] public required string Source { get; init; }

    /// <summary>Whether it replaced a calendar entered before.</summary>
    [Disclosed(Disclosure.Public)] public required bool Replaced { get; init; }

    /// <summary>The holidays and extra working days.</summary>
    [Disclosed(Disclosure.Public)] public required IReadOnlyList<CalendarDay> Days { get; init; }
}
