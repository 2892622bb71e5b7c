namespace DataIp.Domain.Registration;

/// <summary>
/// How long a registration is valid (DOMAIN §4): the body's years from the registration
/// announcement, or the earliest end of an agreement the rights rest on, if sooner (Beijing Art. 13).
/// Pure and thread-safe.
/// </summary>
public static class Validity
{
    /// <summary>The last day of validity of a period starting on <paramref name="firstDay"/>.</summary>
    /// <param name="firstDay">The registration date, or for a renewal the day after the current last day.</param>
    /// <param name="years">The body's validity in years.</param>
    /// <param name="content">The application's content, for the agreements' end dates.</param>
    /// <returns>The day before the same date <paramref name="years"/> on, or an agreement's end if sooner.</returns>
    public static DateOnly Until(DateOnly firstDay, int years, ApplicationContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var byPolicy = firstDay.AddYears(years).AddDays(-1);
        var agreementEnds = content.RightsClaimed.Where(r => r.AgreementEndDate is not null).Select(r => r.AgreementEndDate!.Value).ToList();
        return agreementEnds.Count > 0 && agreementEnds.Min() < byPolicy ? agreementEnds.Min() : byPolicy;
    }
}
