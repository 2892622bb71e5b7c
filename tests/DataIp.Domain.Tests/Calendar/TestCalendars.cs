using System.Globalization;
using DataIp.Domain.Calendar;

namespace DataIp.Domain.Tests.Calendar;

/// <summary>Calendars built for tests only; none of these is shipped.</summary>
internal static class TestCalendars
{
    /// <summary>
    /// A 2026 fixture with only a New Year break (Thu Jan 1 – Sat Jan 3 off, Sun Jan 4 worked), enough
    /// to test periods crossing into 2026. Not the official 2026 notice: the product ships no 2026 calendar.
    /// </summary>
    public static CalendarYear Year2026NewYearOnly { get; } = new(2026,
    [
        new(Day("2026-01-01"), DayKind.Holiday, "元旦 New Year"),
        new(Day("2026-01-02"), DayKind.Holiday, "元旦 New Year"),
        new(Day("2026-01-03"), DayKind.Holiday, "元旦 New Year"),
        new(Day("2026-01-04"), DayKind.ExtraWorkingDay, "元旦调休 New Year make-up working day"),
    ]);

    /// <summary>The shipped calendars only (2025).</summary>
    public static WorkingDayCalendar Shipped { get; } = new(ShippedCalendars.All);

    /// <summary>Parses an ISO 8601 date such as "2025-10-16".</summary>
    public static DateOnly Day(string isoDate) => DateOnly.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
