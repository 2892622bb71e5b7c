using DataIp.Domain.Calendar;
using static DataIp.Domain.Tests.Calendar.TestCalendars;

namespace DataIp.Domain.Tests.Calendar;

/// <summary>
/// Checks <see cref="WorkingDayCalendar.ComputePeriodEnd"/> against a naive reference that lists
/// every working day of 2025 from the DOMAIN §5 table, retyped here rather than read from
/// <see cref="ShippedCalendars"/>, so a slip in either the table or the counting shows up.
/// </summary>
public sealed class PeriodEndReferenceTests
{
    private static readonly (string First, string Last)[] DaysOff2025 =
    [
        ("2025-01-01", "2025-01-01"), ("2025-01-28", "2025-02-04"), ("2025-04-04", "2025-04-06"),
        ("2025-05-01", "2025-05-05"), ("2025-05-31", "2025-06-02"), ("2025-10-01", "2025-10-08"),
    ];

    private static readonly string[] WorkedWeekendDays2025 = ["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"];

    private static readonly DateOnly[] WorkingDays2025 = ListWorkingDays2025();

    [Fact]
    public void ComputePeriodEnd_RandomStartsAndLengthsIn2025_MatchesNaiveReference()
    {
        var random = new Random(20250926);
        var mismatches = new List<string>();

        for (var i = 0; i < 5000; i++)
        {
            var start = Day("2024-12-31").AddDays(random.Next(0, 366));
            var length = random.Next(2) == 0 ? random.Next(1, 31) : random.Next(1, 400);
            var unit = random.Next(2) == 0 ? PeriodUnit.WorkingDays : PeriodUnit.CalendarDays;
            Compare(start, length, unit, mismatches);
        }

        Assert.Empty(mismatches);
    }

    [Fact]
    public void ComputePeriodEnd_EveryStartIn2025WithShortLengths_MatchesNaiveReference()
    {
        var mismatches = new List<string>();

        for (var start = Day("2024-12-31"); start.Year <= 2025; start = start.AddDays(1))
        {
            for (var length = 1; length <= 40; length++)
            {
                Compare(start, length, PeriodUnit.WorkingDays, mismatches);
                Compare(start, length, PeriodUnit.CalendarDays, mismatches);
            }
        }

        Assert.Empty(mismatches);
    }

    [Fact]
    public void Reference_2025_Has248WorkingDays()
    {
        // 261 weekdays − 18 holidays on weekdays + 5 worked weekend days = 248 (python3 datetime count).
        Assert.Equal(248, WorkingDays2025.Length);
    }

    private static void Compare(DateOnly start, int length, PeriodUnit unit, List<string> mismatches)
    {
        var expected = unit == PeriodUnit.WorkingDays ? ReferenceWorkingDays(start, length) : ReferenceCalendarDays(start, length);
        var actual = Shipped.ComputePeriodEnd(start, length, unit);
        var actualText = actual.IsComputed ? actual.LastDay.ToString("O") : $"missing {actual.MissingYear}";
        if (actualText != expected)
        {
            mismatches.Add($"{start:O} + {length} {unit}: expected {expected}, got {actualText}");
        }
    }

    // The length-th working day after start, or a refusal when 2025 runs out first.
    private static string ReferenceWorkingDays(DateOnly start, int length)
    {
        var after = WorkingDays2025.Where(d => d > start).ToList();
        return after.Count >= length ? after[length - 1].ToString("O") : "missing 2026";
    }

    // start + length, or the first working day after it. Only days from start + length on are
    // examined, so a target in 2027 names 2027, and a target late in 2025 with no working day left names 2026.
    private static string ReferenceCalendarDays(DateOnly start, int length)
    {
        var target = start.AddDays(length);
        if (target.Year > 2025)
        {
            return $"missing {target.Year}";
        }

        var end = WorkingDays2025.Where(d => d >= target).Cast<DateOnly?>().FirstOrDefault();
        return end?.ToString("O") ?? "missing 2026";
    }

    private static DateOnly[] ListWorkingDays2025()
    {
        var result = new List<DateOnly>();
        for (var day = Day("2025-01-01"); day.Year == 2025; day = day.AddDays(1))
        {
            var off = DaysOff2025.Any(r => day >= Day(r.First) && day <= Day(r.Last));
            var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            if (WorkedWeekendDays2025.Contains(day.ToString("O")) || (!off && !weekend))
            {
                result.Add(day);
            }
        }

        return [.. result];
    }
}
