using DataIp.Domain.Calendar;
using static DataIp.Domain.Tests.Calendar.TestCalendars;

namespace DataIp.Domain.Tests.Calendar;

public sealed class CalendarYearTests
{
    [Theory]
    [InlineData(2025, "2024-12-31", DayKind.Holiday, "元旦 New Year", "days[0].date", "2024-12-31 is not in 2025.")]
    [InlineData(2025, "2025-10-01", DayKind.ExtraWorkingDay, "调休 Make-up", "days[0].kind", "2025-10-01 is a Wednesday; an extra working day must be a Saturday or Sunday.")]
    [InlineData(2025, "2025-01-01", (DayKind)5, "元旦 New Year", "days[0].kind", "The kind must be Holiday or ExtraWorkingDay.")]
    [InlineData(2025, "2025-01-01", DayKind.Holiday, "", "days[0].name", "The name must not be empty.")]
    [InlineData(2025, "2025-01-01", DayKind.Holiday, "   ", "days[0].name", "The name must not be empty.")]
    [InlineData(1999, "1999-01-01", DayKind.Holiday, "元旦 New Year", "year", "The year must be from 2000 to 2100; found 1999.")]
    [InlineData(2101, "2101-01-01", DayKind.Holiday, "元旦 New Year", "year", "The year must be from 2000 to 2100; found 2101.")]
    public void Validate_OneBadField_ReturnsOnlyThatError(int year, string date, DayKind kind, string name, string key, string message)
    {
        var calendar = new CalendarYear(year, [new(Day(date), kind, name)]);

        var errors = calendar.Validate();

        Assert.Equal([key], errors.Keys);
        Assert.Equal([message], errors[key]);
    }

    [Theory]
    [InlineData(2025, "2025-10-04", DayKind.Holiday)] // a holiday on a Saturday changes nothing but is fine
    [InlineData(2025, "2025-09-28", DayKind.ExtraWorkingDay)] // Sunday
    [InlineData(2025, "2025-10-11", DayKind.ExtraWorkingDay)] // Saturday
    [InlineData(2000, "2000-01-01", DayKind.Holiday)]
    [InlineData(2100, "2100-12-31", DayKind.Holiday)]
    public void Validate_AcceptableDay_ReturnsNoErrors(int year, string date, DayKind kind)
    {
        var calendar = new CalendarYear(year, [new(Day(date), kind, "测试 Test")]);

        Assert.Empty(calendar.Validate());
    }

    [Fact]
    public void Validate_SameDateTwice_FlagsTheSecondNamingTheFirst()
    {
        var calendar = new CalendarYear(2025,
        [
            new(Day("2025-05-01"), DayKind.Holiday, "劳动节 Labour Day"),
            new(Day("2025-05-02"), DayKind.Holiday, "劳动节 Labour Day"),
            new(Day("2025-05-01"), DayKind.Holiday, "劳动节 Labour Day"),
        ]);

        var errors = calendar.Validate();

        Assert.Equal(["days[2].date"], errors.Keys);
        Assert.Equal(["2025-05-01 is already listed at days[0]."], errors["days[2].date"]);
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsEachUnderItsKey()
    {
        var calendar = new CalendarYear(2025,
        [
            new(Day("2025-01-01"), DayKind.Holiday, "元旦 New Year"),
            new(Day("2026-01-01"), DayKind.ExtraWorkingDay, ""),
        ]);

        var errors = calendar.Validate();

        Assert.Equal(["days[1].date", "days[1].kind", "days[1].name"], errors.Keys.Order());
    }

    [Fact]
    public void Validate_MissingListOrDay_ReportsIt()
    {
        Assert.Equal(["days"], new CalendarYear(2025, null!).Validate().Keys);
        Assert.Equal(["days[0]"], new CalendarYear(2025, [null!]).Validate().Keys);
    }

    [Fact]
    public void Validate_EmptyYear_IsValid()
    {
        Assert.Empty(new CalendarYear(2030, []).Validate());
    }

    [Fact]
    public void Year2025_AsShipped_IsValid()
    {
        Assert.Empty(ShippedCalendars.Year2025.Validate());
        Assert.Equal([ShippedCalendars.Year2025], ShippedCalendars.All);
    }

    [Fact]
    public void Year2025_AsShipped_MatchesTheDomainTable()
    {
        // DOMAIN §5, 2025: Jan 1; Jan 28 – Feb 4; Apr 4–6; May 1–5; May 31 – Jun 2; Oct 1–8.
        var holidays = ShippedCalendars.Year2025.Days.Where(d => d.Kind == DayKind.Holiday).Select(d => d.Date).Order();
        string[] extraWorkingDays = ["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"];

        Assert.Equal(Ranges(("2025-01-01", 1), ("2025-01-28", 8), ("2025-04-04", 3), ("2025-05-01", 5), ("2025-05-31", 3), ("2025-10-01", 8)), holidays);
        Assert.Equal(
            extraWorkingDays.Select(Day),
            ShippedCalendars.Year2025.Days.Where(d => d.Kind == DayKind.ExtraWorkingDay).Select(d => d.Date).Order());
    }

    [Fact]
    public void Year2025_AsShipped_NamesAreChineseAndEnglish()
    {
        Assert.All(ShippedCalendars.Year2025.Days, day =>
        {
            Assert.Contains(day.Name, c => c is >= '\u4e00' and <= '\u9fff');
            Assert.Contains(day.Name, char.IsAsciiLetter);
        });
        Assert.Equal("元旦 New Year", ShippedCalendars.Year2025.Days.Single(d => d.Date == Day("2025-01-01")).Name);
    }

    private static IEnumerable<DateOnly> Ranges(params (string First, int Count)[] ranges) =>
        ranges.SelectMany(r => Enumerable.Range(0, r.Count).Select(Day(r.First).AddDays));
}
