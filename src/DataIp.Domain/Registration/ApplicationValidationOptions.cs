namespace DataIp.Domain.Registration;

/// <summary>
/// What <see cref="ApplicationContentValidator"/> needs from outside the content: the identifier
/// checks, the date against which dates are judged, and the length limits.
/// </summary>
/// <param name="CreditCodeCheck">Checks a unified social credit code (GB 32100).</param>
/// <param name="ResidentIdCheck">Checks a resident ID number (GB 11643).</param>
/// <param name="Today">
/// The current date in the registration body's time zone, taken from the injected clock: agreement end
/// dates must lie after it and fingerprints must not be computed after it.
/// </param>
public sealed record ApplicationValidationOptions(
    IdentifierCheck CreditCodeCheck,
    IdentifierCheck ResidentIdCheck,
    DateOnly Today)
{
    /// <summary>Length and count limits; <see cref="ApplicationContentLimits.Default"/> unless set.</summary>
    public ApplicationContentLimits Limits { get; init; } = ApplicationContentLimits.Default;
}
