using DataIp.Domain.Calendar;
using static DataIp.Domain.Tests.Calendar.TestCalendars;

namespace DataIp.Domain.Tests.Calendar;

public sealed class WorkingDayCalendarTests
{
    [Fact]
    public void ComputePeriodEnd_PublicNoticeOf10WorkingDaysFrom2025_09_26_EndsOn2025_10_16()
    {
        var end = Shipped.ComputePeriodEnd(Day("2025-09-26"), 10, PeriodUnit.WorkingDays);

        Assert.True(end.IsComputed);
        Assert.Equal(Day("2025-10-16"), end.LastDay);
        Assert.Equal(new DateTimeOffset(2025, 10, 17, 0, 0, 0, TimeSpan.FromHours(8)), end.EndsAt);
    }

    [Fact]
    public void ComputePeriodEnd_10WorkingDaysAcrossNationalDay_CountsExactlyTheSpelledOutDays()
    {
        // DOMAIN §5, 2025: Sun Sep 28 and Sat Oct 11 are worked; Oct 1–8 and the other weekend days are not.
        DateOnly[] counted =
        [
            Day("2025-09-28"), Day("2025-09-29"), Day("2025-09-30"), Day("2025-10-09"), Day("2025-10-10"),
            Day("2025-10-11"), Day("2025-10-13"), Day("2025-10-14"), Day("2025-10-15"), Day("2025-10-16"),
        ];
        var start = Day("2025-09-26");

        var ends = Enumerable.Range(1, 10).Select(n => Shipped.ComputePeriodEnd(start, n, PeriodUnit.WorkingDays).LastDay);
        var skipped = Enumerable.Range(1, 20).Select(start.AddDays).Except(counted);

        Assert.Equal(counted, ends);
        Assert.All(skipped, day => Assert.Equal(DayStatus.NonWorking, Shipped.Classify(day)));
    }

    [Theory]
    [InlineData("2025-09-30", 1, "2025-10-09")] // Oct 1–8 off
    [InlineData("2025-01-24", 1, "2025-01-26")] // Sat Jan 25 off, Sun Jan 26 worked
    [InlineData("2025-01-27", 1, "2025-02-05")] // Jan 28 – Feb 4 off
    [InlineData("2025-02-07", 1, "2025-02-08")] // Sat Feb 8 worked
    [InlineData("2025-04-03", 1, "2025-04-07")] // Apr 4–6 off
    [InlineData("2025-04-25", 1, "2025-04-27")] // Sun Apr 27 worked
    [InlineData("2025-04-30", 1, "2025-05-06")] // May 1–5 off
    [InlineData("2025-05-30", 1, "2025-06-03")] // May 31 – Jun 2 off
    [InlineData("2025-03-03", 5, "2025-03-10")] // an ordinary week: the start day does not count
    [InlineData("2024-12-31", 1, "2025-01-02")] // the start day is never examined, so 2024 is not needed
    [InlineData("2025-12-30", 1, "2025-12-31")]
    public void ComputePeriodEnd_WorkingDays_EndsOnTheLengththWorkingDayAfterStart(string start, int length, string expected)
    {
        var end = Shipped.ComputePeriodEnd(Day(start), length, PeriodUnit.WorkingDays);

        Assert.Equal(Day(expected), end.LastDay);
    }

    [Theory]
    [InlineData("2025-09-20", 11, "2025-10-09")] // Oct 1 is a holiday: moves past Oct 1–8
    [InlineData("2025-09-18", 10, "2025-09-28")] // Sunday Sep 28 is worked: stays
    [InlineData("2025-10-01", 10, "2025-10-11")] // Saturday Oct 11 is worked: stays
    [InlineData("2025-03-01", 14, "2025-03-17")] // Saturday Mar 15: moves to Monday
    [InlineData("2025-03-01", 3, "2025-03-04")] // a Tuesday: stays
    [InlineData("2025-01-01", 30, "2025-02-05")] // Jan 31 in the Spring Festival break
    [InlineData("2025-12-20", 11, "2025-12-31")] // ends in 2025, so 2026 is not needed
    public void ComputePeriodEnd_CalendarDays_EndsOnStartPlusLengthOrTheNextWorkingDay(string start, int length, string expected)
    {
        var end = Shipped.ComputePeriodEnd(Day(start), length, PeriodUnit.CalendarDays);

        Assert.Equal(Day(expected), end.LastDay);
    }

    [Theory]
    [InlineData("2025-12-20", 10, PeriodUnit.WorkingDays, 2026)]
    [InlineData("2025-12-20", 12, PeriodUnit.CalendarDays, 2026)]
    [InlineData("2025-06-01", 3650, PeriodUnit.WorkingDays, 2026)]
    [InlineData("2023-06-01", 1, PeriodUnit.WorkingDays, 2023)]
    [InlineData("2024-12-01", 1, PeriodUnit.CalendarDays, 2024)]
    [InlineData("2027-01-01", 1, PeriodUnit.CalendarDays, 2027)]
    public void ComputePeriodEnd_DayInYearWithoutCalendar_IsRefusedNamingThatYear(string start, int length, PeriodUnit unit, int missingYear)
    {
        var end = Shipped.ComputePeriodEnd(Day(start), length, unit);

        Assert.False(end.IsComputed);
        Assert.Equal(missingYear, end.MissingYear);
        Assert.Equal(
            $"No working-day calendar has been entered for {missingYear}; an administrator must enter the State Council's holiday notice for {missingYear} before this deadline can be computed.",
            end.Refusal);
        Assert.Throws<InvalidOperationException>(() => end.LastDay);
    }

    [Fact]
    public void ComputePeriodEnd_CalendarDaysEndMovedIntoYearWithoutCalendar_IsRefused()
    {
        var calendar = new WorkingDayCalendar([new CalendarYear(2025, [new(Day("2025-12-31"), DayKind.Holiday, "测试 Test")])]);

        var end = calendar.ComputePeriodEnd(Day("2025-12-30"), 1, PeriodUnit.CalendarDays);

        Assert.Equal(2026, end.MissingYear);
    }

    [Theory]
    [InlineData("2025-12-20", 10, PeriodUnit.WorkingDays, "2026-01-05")] // Dec 22–26, 29–31, Sun Jan 4, Mon Jan 5
    [InlineData("2025-12-22", 10, PeriodUnit.CalendarDays, "2026-01-04")] // Jan 1–3 off, Sun Jan 4 worked
    [InlineData("2025-12-31", 1, PeriodUnit.CalendarDays, "2026-01-04")]
    public void ComputePeriodEnd_AcrossYearEndWithBothYears_IsComputed(string start, int length, PeriodUnit unit, string expected)
    {
        var calendar = new WorkingDayCalendar([ShippedCalendars.Year2025, Year2026NewYearOnly]);

        var end = calendar.ComputePeriodEnd(Day(start), length, unit);

        Assert.Equal(Day(expected), end.LastDay);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(3651)]
    [InlineData(int.MinValue)]
    public void ComputePeriodEnd_LengthOutside1To3650_Throws(int length)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Shipped.ComputePeriodEnd(Day("2025-01-01"), length, PeriodUnit.WorkingDays));
    }

    [Fact]
    public void ComputePeriodEnd_UndefinedUnit_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Shipped.ComputePeriodEnd(Day("2025-01-01"), 1, (PeriodUnit)7));
    }

    [Theory]
    [InlineData("2025-01-01", DayStatus.NonWorking)] // holiday on a Wednesday
    [InlineData("2025-10-04", DayStatus.NonWorking)] // holiday on a Saturday
    [InlineData("2025-01-26", DayStatus.Working)] // extra working Sunday
    [InlineData("2025-10-11", DayStatus.Working)] // extra working Saturday
    [InlineData("2025-03-08", DayStatus.NonWorking)] // ordinary Saturday
    [InlineData("2025-03-10", DayStatus.Working)] // ordinary Monday
    [InlineData("2024-12-31", DayStatus.YearMissing)]
    [InlineData("2026-01-02", DayStatus.YearMissing)]
    public void Classify_Date_ReturnsItsStatus(string date, DayStatus expected)
    {
        Assert.Equal(expected, Shipped.Classify(Day(date)));
    }

    [Fact]
    public void HasYear_ShippedCalendar_KnowsOnly2025()
    {
        Assert.True(Shipped.HasYear(2025));
        Assert.False(Shipped.HasYear(2024));
        Assert.False(Shipped.HasYear(2026));
        Assert.Equal(new[] { 2025 }, Shipped.Years);
    }

    [Fact]
    public void Constructor_SameYearTwice_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new WorkingDayCalendar([ShippedCalendars.Year2025, ShippedCalendars.Year2025]));

        Assert.Contains("2025 is given more than once", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_InvalidYear_ThrowsNamingTheField()
    {
        var invalid = new CalendarYear(2025, [new(Day("2025-10-01"), DayKind.ExtraWorkingDay, "测试 Test")]);

        var error = Assert.Throws<ArgumentException>(() => new WorkingDayCalendar([invalid]));

        Assert.Contains("days[0].kind", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NullYear_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => new WorkingDayCalendar([null!]));
    }
}
