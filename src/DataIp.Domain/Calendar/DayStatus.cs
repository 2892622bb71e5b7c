namespace DataIp.Domain.Calendar;

/// <summary>What a <see cref="WorkingDayCalendar"/> knows about one date.</summary>
public enum DayStatus
{
    /// <summary>A working day: Monday to Friday and not a holiday, or an extra working day.</summary>
    Working,

    /// <summary>A day off: a holiday, or a Saturday or Sunday not made a working day.</summary>
    NonWorking,

    /// <summary>No calendar has been entered for the date's year, so nothing can be said about it.</summary>
    YearMissing,
}
