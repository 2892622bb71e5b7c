using DataIp.Web.Features.Accounts;
using DataIp.Web.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DataIp.Web.Tests.Accounts;

/// <summary>The per-account throttle on its own: failures only, per client, and known clients.</summary>
public sealed class SignInThrottleTests
{
    [Fact]
    public void MayTry_AfterTheFailuresOfOneClient_RefusedForItOnly()
    {
        using var throttle = Throttle(r => r.AccountClientFailureLimit = 3);
        for (var i = 0; i < 3; i++)
        {
            Assert.True(throttle.MayTry("a@x.cn", "198.51.100.7").Allowed);
            throttle.Failed("a@x.cn", "198.51.100.7");
        }

        var stranger = throttle.MayTry("A@X.CN ", "198.51.100.7");

        Assert.False(stranger.Allowed);
        Assert.True(stranger.RetryAfter > TimeSpan.Zero);
        Assert.True(throttle.MayTry("a@x.cn", "203.0.113.9").Allowed);
        Assert.True(throttle.MayTry("b@x.cn", "198.51.100.7").Allowed);
    }

    [Fact]
    public async Task MayTry_SpentBucketAfterAMoment_StillRefused()
    {
        // A bucket refills continuously: a moment later it holds a fraction of a token, which
        // must not count as one.
        using var throttle = Throttle(r => r.AccountClientFailureLimit = 3);
        for (var i = 0; i < 3; i++)
        {
            throttle.Failed("a@x.cn", "198.51.100.7");
        }

        await Task.Delay(TimeSpan.FromSeconds(1.5), TestContext.Current.CancellationToken);

        Assert.False(throttle.MayTry("a@x.cn", "198.51.100.7").Allowed);
    }

    [Fact]
    public void MayTry_AccountWideLimitSpent_OnlyKnownClients()
    {
        using var throttle = Throttle(r => r.AccountFailureLimit = 2);
        throttle.Succeeded("a@x.cn", "203.0.113.9");
        throttle.Failed("a@x.cn", "198.51.100.1");
        throttle.Failed("a@x.cn", "198.51.100.2");

        Assert.False(throttle.MayTry("a@x.cn", "198.51.100.3").Allowed);
        Assert.True(throttle.MayTry("a@x.cn", "203.0.113.9").Allowed);
    }

    [Fact]
    public void MayTry_Successes_TakeNothing()
    {
        using var throttle = Throttle(r => r.AccountClientFailureLimit = 1);
        for (var i = 0; i < 5; i++)
        {
            throttle.Succeeded("a@x.cn", "198.51.100.7");
        }

        Assert.True(throttle.MayTry("a@x.cn", "198.51.100.7").Allowed);
    }

    private static SignInThrottle Throttle(Action<RateLimitOptions> set)
    {
        var options = new PlatformOptions();
        set(options.Accounts.RateLimits);
        return new SignInThrottle(Options.Create(options), new FakeTimeProvider(DateTimeOffset.UnixEpoch));
    }
}
