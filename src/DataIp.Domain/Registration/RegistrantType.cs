namespace DataIp.Domain.Registration;

/// <summary>
/// Who applies (DOMAIN §7 [design] codes). The numeric value is the registrant-type digit of the
/// registration number, so values must never be renumbered.
/// </summary>
public enum RegistrantType
{
    /// <summary>Enterprise (企业), code 1.</summary>
    Enterprise = 1,

    /// <summary>Public institution (事业单位), code 2.</summary>
    PublicInstitution = 2,

    /// <summary>Social organisation (社会组织), code 3.</summary>
    SocialOrganisation = 3,

    /// <summary>Natural person (自然人), code 4.</summary>
    NaturalPerson = 4,

    /// <summary>Any other registrant, code 9.</summary>
    Other = 9,
}
