using DataIp.Domain.Calendar;

namespace DataIp.Domain.Registration;

/// <summary>
/// Per-body policy (DOMAIN §4 timelines). Defaults are the project's [design] values: 10 working
/// days of public notice, 30 calendar days to correct, 3 years of validity, renewal in the last 90
/// days.
/// </summary>
public sealed record BodyPolicy
{
    /// <summary>The default policy for a new body.</summary>
    public static BodyPolicy Default { get; } = new();

    /// <summary>Length of the public notice period.</summary>
    public int NoticeLength { get; init; } = 10;

    /// <summary>Unit of <see cref="NoticeLength"/>.</summary>
    public PeriodUnit NoticeUnit { get; init; } = PeriodUnit.WorkingDays;

    /// <summary>Whether a substantive examination follows the formal one.</summary>
    public bool SubstantiveExamination { get; init; }

    /// <summary>Length of the period an applicant has to answer a correction request.</summary>
    public int CorrectionLength { get; init; } = 30;

    /// <summary>Unit of <see cref="CorrectionLength"/>.</summary>
    public PeriodUnit CorrectionUnit { get; init; } = PeriodUnit.CalendarDays;

    /// <summary>Years a registration is valid from its announcement.</summary>
    public int ValidityYears { get; init; } = 3;

    /// <summary>Days before expiry in which a renewal may be filed.</summary>
    public int RenewalWindowDays { get; init; } = 90;
}
