using DataIp.Domain.Calendar;
using static DataIp.Domain.Tests.Calendar.TestCalendars;

namespace DataIp.Domain.Tests.Calendar;

public sealed class PeriodEndTests
{
    [Fact]
    public void Computed_LastDay_IsReadableAndEndsAtTheEndOfThatDay()
    {
        var end = PeriodEnd.Computed(Day("2025-10-16"));

        Assert.True(end.IsComputed);
        Assert.Null(end.MissingYear);
        Assert.Null(end.Refusal);
        Assert.Equal(ChinaTime.StartOfDay(Day("2025-10-17")), end.EndsAt);
        Assert.Equal("PeriodEnd { LastDay = 2025-10-16 }", end.ToString());
    }

    [Fact]
    public void Refused_LastDayOrEndsAt_ThrowsWithTheRefusal()
    {
        var end = PeriodEnd.Refused(2026);

        var error = Assert.Throws<InvalidOperationException>(() => end.LastDay);
        Assert.Throws<InvalidOperationException>(() => end.EndsAt);

        Assert.Equal(end.Refusal, error.Message);
        Assert.Equal("PeriodEnd { MissingYear = 2026 }", end.ToString());
    }

    [Fact]
    public void Equality_SameOutcome_IsEqual()
    {
        Assert.Equal(PeriodEnd.Computed(Day("2025-10-16")), PeriodEnd.Computed(Day("2025-10-16")));
        Assert.Equal(PeriodEnd.Refused(2026), PeriodEnd.Refused(2026));
        Assert.NotEqual(PeriodEnd.Refused(2026), PeriodEnd.Refused(2027));
    }
}
