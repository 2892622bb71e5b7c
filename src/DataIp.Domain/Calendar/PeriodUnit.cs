namespace DataIp.Domain.Calendar;

/// <summary>How the length of a procedural period is counted (DOMAIN §5).</summary>
public enum PeriodUnit
{
    /// <summary>Only working days count; the period ends on the last counted working day.</summary>
    WorkingDays,

    /// <summary>Every day counts; an end on a non-working day moves to the next working day.</summary>
    CalendarDays,
}
