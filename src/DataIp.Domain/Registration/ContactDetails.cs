namespace DataIp.Domain.Registration;

/// <summary>
/// A contact person with a phone number or an email address. Private content: never shown on
/// public notice pages (see <see cref="ApplicationContent.WithoutPrivateContent"/>).
/// </summary>
public sealed record ContactDetails
{
    /// <summary>Name of the contact person, 2–100 characters.</summary>
    public string? Person { get; init; }

    /// <summary>Phone number: digits with optional leading +, spaces or hyphens; 7–15 digits.</summary>
    public string? Phone { get; init; }

    /// <summary>Email address, at most 254 characters.</summary>
    public string? Email { get; init; }
}
