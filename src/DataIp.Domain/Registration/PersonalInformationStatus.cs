namespace DataIp.Domain.Registration;

/// <summary>Whether registered data holds personal or sensitive information (DOMAIN §6).</summary>
public enum PersonalInformationStatus
{
    /// <summary>No personal or sensitive information.</summary>
    None = 1,

    /// <summary>Personal information was desensitised (脱敏) so that no person can be identified.</summary>
    Desensitised = 2,

    /// <summary>Identifiable personal information is present; refused at submission.</summary>
    Contains = 3,
}
