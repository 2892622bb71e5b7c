using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace DataIp.Web.Infrastructure;

/// <summary>
/// Per-client limits on the endpoints that take credentials or create accounts (ASP.NET Core's
/// rate limiter, partitioned by the client's address). A refusal is a 429 problem with
/// <c>Retry-After</c>. Behind a reverse proxy every request comes from the proxy's address unless
/// the forwarded-headers middleware is on (docs/operations.md, "Rate limits").
/// </summary>
internal static class RateLimits
{
    /// <summary>Token, refresh, password change and the page sign-in: one budget per client address.</summary>
    public const string Credentials = "credentials";

    /// <summary>Sign-up: its own, smaller budget per client address.</summary>
    public const string SignUp = "sign-up";

    public static void AddRateLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) => RejectAsync(context.HttpContext, context.Lease);
            o.AddPolicy(Credentials, context => ClientPartition(context, l => (l.ClientLimit, l.ClientWindow)));
            o.AddPolicy(SignUp, context => ClientPartition(context, l => (l.SignUpLimit, l.SignUpWindow)));
        });
    }

    /// <summary>The rate limiter, after routing (it reads the endpoint's policy).</summary>
    public static void UseRateLimits(this WebApplication app) => app.UseRateLimiter();

    /// <summary>
    /// The client an address stands for: an IPv4 address, or an IPv6 address's /64 network (one
    /// host usually holds a whole /64, so finer keys would give it millions of budgets).
    /// </summary>
    public static string ClientKey(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    /// <summary>Token buckets of <paramref name="limit"/>, refilled evenly over <paramref name="window"/>, one per key.</summary>
    public static PartitionedRateLimiter<string> Buckets(int limit, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ => Bucket(limit, window)));

    /// <summary>Writes the 429 problem with <c>Retry-After</c> (whole seconds, at least 1).</summary>
    public static async ValueTask RejectAsync(HttpContext context, RateLimitLease lease)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(lease);
        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
        await TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many requests",
            detail: $"Too many attempts from this address; try again in {Seconds(wait)} seconds.")
            .WithRetryAfter(context, wait).ExecuteAsync(context).ConfigureAwait(false);
    }

    /// <summary>Sets <c>Retry-After</c> before a result is written.</summary>
    public static TResult WithRetryAfter<TResult>(this TResult result, HttpContext context, TimeSpan wait)
        where TResult : IResult
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Headers.RetryAfter = Seconds(wait).ToString(CultureInfo.InvariantCulture);
        return result;
    }

    /// <summary>A wait in whole seconds, rounded up, at least 1.</summary>
    public static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    // Only requests that carry credentials count: the page's GET (the empty form) is free.
    private static RateLimitPartition<string> ClientPartition(HttpContext context, Func<RateLimitOptions, (int Limit, TimeSpan Window)> pick)
    {
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter("read");
        }

        var (limit, window) = pick(context.RequestServices.GetRequiredService<IOptions<PlatformOptions>>().Value.Accounts.RateLimits);
        return RateLimitPartition.GetTokenBucketLimiter(ClientKey(context), _ => Bucket(limit, window));
    }

    // Refilled at least a second apart (a bucket's timer never fires faster), in equal steps.
    private static TokenBucketRateLimiterOptions Bucket(int limit, TimeSpan window)
    {
        var positive = Math.Max(1, limit);
        var period = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerSecond, window.Ticks / positive));
        var perPeriod = (int)Math.Clamp(Math.Ceiling(positive * (double)period.Ticks / Math.Max(1, window.Ticks)), 1, positive);
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = positive,
            TokensPerPeriod = perPeriod,
            ReplenishmentPeriod = period,
            QueueLimit = 0,
            AutoReplenishment = true,
        };
    }
}
