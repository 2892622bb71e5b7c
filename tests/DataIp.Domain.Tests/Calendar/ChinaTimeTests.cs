using DataIp.Domain.Calendar;
using static DataIp.Domain.Tests.Calendar.TestCalendars;

namespace DataIp.Domain.Tests.Calendar;

public sealed class ChinaTimeTests
{
    [Theory]
    [InlineData("2025-09-30T15:59:59.9999999+00:00", "2025-09-30")] // 23:59:59.9999999 in Beijing
    [InlineData("2025-09-30T16:00:00+00:00", "2025-10-01")] // midnight in Beijing
    [InlineData("2025-10-01T00:00:00+08:00", "2025-10-01")]
    [InlineData("2025-09-30T23:59:59+08:00", "2025-09-30")]
    [InlineData("2025-09-30T12:00:00-05:00", "2025-10-01")] // 17:00 UTC = 01:00 next day in Beijing
    [InlineData("2025-07-01T07:59:00+09:00", "2025-07-01")] // Tokyo, an hour ahead
    [InlineData("2025-12-31T16:00:00+00:00", "2026-01-01")] // the year changes too
    public void ToChinaDate_InstantNearMidnight_ReturnsTheDateInBeijing(string instant, string expected)
    {
        Assert.Equal(Day(expected), ChinaTime.ToChinaDate(DateTimeOffset.Parse(instant)));
    }

    [Fact]
    public void Offset_Always_IsEightHours()
    {
        Assert.Equal(TimeSpan.FromHours(8), ChinaTime.Offset);
    }

    [Fact]
    public void StartOfDay_Date_IsMidnightAtPlusEight()
    {
        var start = ChinaTime.StartOfDay(Day("2025-10-01"));

        Assert.Equal(TimeSpan.FromHours(8), start.Offset);
        Assert.Equal(new DateTimeOffset(2025, 9, 30, 16, 0, 0, TimeSpan.Zero), start);
    }

    [Theory]
    [InlineData("2025-10-16")]
    [InlineData("2025-12-31")]
    [InlineData("2024-02-29")]
    public void EndOfDay_Date_IsTheFirstInstantOfTheNextDay(string date)
    {
        var day = Day(date);

        var end = ChinaTime.EndOfDay(day);

        Assert.Equal(ChinaTime.StartOfDay(day.AddDays(1)), end);
        Assert.Equal(day, ChinaTime.ToChinaDate(end.AddTicks(-1)));
        Assert.Equal(day.AddDays(1), ChinaTime.ToChinaDate(end));
    }
}
