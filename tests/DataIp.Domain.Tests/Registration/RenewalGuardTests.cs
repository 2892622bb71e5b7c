using DataIp.Domain.Registration;

namespace DataIp.Domain.Tests.Registration;

/// <summary>The renewal window and the end of validity, by the date in China.</summary>
public sealed class RenewalGuardTests
{
    private static readonly DateOnly LastDay = new(2028, 9, 29);

    private static TransitionContext At(int year, int month, int day, int hour) =>
        new(new DateTimeOffset(year, month, day, hour, 0, 0, TimeSpan.FromHours(8)), false, null, null, 0, LastDay, 90);

    [Theory]
    [InlineData(2028, 7, 1, 23, false)] // the day before the window opens
    [InlineData(2028, 7, 2, 0, true)] // 90 days including the last day
    [InlineData(2028, 9, 29, 23, true)] // the last day of validity
    [InlineData(2028, 9, 30, 0, false)] // validity ended
    public void Renew_WindowOfNinetyDays_OpenFromTheEighty_NinthDayBefore(int year, int month, int day, int hour, bool allowed)
    {
        var decision = Lifecycle.Decide(ApplicationState.Registered, LifecycleTrigger.Renew, Actor.Holder, At(year, month, day, hour));

        Assert.Equal(allowed, decision.IsAllowed);
    }

    [Theory]
    [InlineData(2028, 9, 29, 23, false)]
    [InlineData(2028, 9, 30, 0, true)]
    public void Expire_FromTheDayAfterTheLastDay(int year, int month, int day, int hour, bool allowed)
    {
        var decision = Lifecycle.Decide(ApplicationState.Registered, LifecycleTrigger.Expire, Actor.System, At(year, month, day, hour));

        Assert.Equal(allowed, decision.IsAllowed);
        Assert.Equal(allowed ? ApplicationState.Expired : ApplicationState.Registered, decision.Next);
    }

    [Fact]
    public void Renew_NoValidityRecorded_Refused()
    {
        var decision = Lifecycle.Decide(ApplicationState.Registered, LifecycleTrigger.Renew, Actor.Holder, At(2028, 8, 1, 9) with { ValidUntil = null });

        Assert.False(decision.IsAllowed);
        Assert.Contains("no validity", decision.Reason, StringComparison.Ordinal);
    }
}
