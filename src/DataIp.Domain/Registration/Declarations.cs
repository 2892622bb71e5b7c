namespace DataIp.Domain.Registration;

/// <summary>
/// What the applicant declares (DOMAIN §3, §6). A submission needs both statements affirmed and
/// personal information either absent or desensitised: unlawful acquisition is a ground for refusal.
/// </summary>
public sealed record Declarations
{
    /// <summary>The data was obtained lawfully (来源合法).</summary>
    public bool? LawfulSource { get; init; }

    /// <summary>The application is true and the data is as described (真实性).</summary>
    public bool? Authenticity { get; init; }

    /// <summary>Whether the data holds personal information, and in what form.</summary>
    public PersonalInformationStatus? PersonalInformation { get; init; }
}
