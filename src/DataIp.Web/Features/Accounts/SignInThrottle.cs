using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace DataIp.Web.Features.Accounts;

/// <summary>
/// Limits wrong passwords per account without letting a stranger lock the account out
/// (NIST SP 800-63B-4 §3.2.2). Two token buckets count failures only, keyed by the e-mail asked
/// for (known or not, so that the limit says nothing about which accounts exist):
/// <list type="bullet">
/// <item>per account and client address: a guesser from one address is slowed; the owner,
/// elsewhere, is not;</item>
/// <item>per account over all addresses (default 100 per hour): a guesser with many addresses is
/// stopped too; then only addresses the account signed in from before may still try, so the
/// owner still signs in where they usually do.</item>
/// </list>
/// Per-client limits over all accounts are the rate limiter's (<see cref="RateLimits"/>). The
/// state is in memory: each node counts its own, and a restart forgets it.
/// </summary>
internal sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _perAccountClient;
    private readonly PartitionedRateLimiter<string> _perAccount;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _knownClients = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock;
    private readonly TimeSpan _knownFor;

    public SignInThrottle(IOptions<PlatformOptions> options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        var limits = options.Value.Accounts.RateLimits;
        _perAccountClient = RateLimits.Buckets(limits.AccountClientFailureLimit, limits.AccountClientFailureWindow);
        _perAccount = RateLimits.Buckets(limits.AccountFailureLimit, limits.AccountFailureWindow);
        _clock = clock;
        _knownFor = limits.KnownClientDuration;
    }

    /// <summary>
    /// Whether a password for <paramref name="email"/> from <paramref name="client"/> may be
    /// checked now; when not, how long to wait.
    /// </summary>
    public (bool Allowed, TimeSpan RetryAfter) MayTry(string email, string client)
    {
        var account = Key(email);
        if (Spent(_perAccountClient, $"{account}\n{client}") is { } wait)
        {
            return (false, wait);
        }

        return Spent(_perAccount, account) is { } accountWait && !IsKnown(account, client) ? (false, accountWait) : (true, TimeSpan.Zero);
    }

    /// <summary>Counts a wrong password (for a known or an unknown e-mail alike).</summary>
    public void Failed(string email, string client)
    {
        var account = Key(email);
        _perAccountClient.AttemptAcquire($"{account}\n{client}").Dispose();
        _perAccount.AttemptAcquire(account).Dispose();
    }

    /// <summary>Remembers that the account signed in from this client address.</summary>
    public void Succeeded(string email, string client)
    {
        _knownClients[$"{Key(email)}\n{client}"] = _clock.GetUtcNow() + _knownFor;
        if (_knownClients.Count > 100_000)
        {
            // Bounded memory: forget the expired ones when the table grows large.
            foreach (var (key, until) in _knownClients.Where(k => k.Value <= _clock.GetUtcNow()).ToList())
            {
                _knownClients.TryRemove(key, out _);
            }
        }
    }

    public void Dispose()
    {
        _perAccountClient.Dispose();
        _perAccount.Dispose();
    }

    private bool IsKnown(string account, string client) =>
        _knownClients.TryGetValue($"{account}\n{client}", out var until) && until > _clock.GetUtcNow();

    // Null while the bucket has a whole token; otherwise the wait until it has one again. Reading
    // the statistics takes nothing: only failures take tokens. (A bucket refills continuously, so
    // a zero-permit lease would succeed on a fraction of a token: ask for one instead; should a
    // token have just come back, this attempt takes it.)
    private static TimeSpan? Spent(PartitionedRateLimiter<string> limiter, string key)
    {
        if (limiter.GetStatistics(key) is not { CurrentAvailablePermits: <= 0 })
        {
            return null;
        }

        using var lease = limiter.AttemptAcquire(key);
        return lease.IsAcquired ? null : lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
    }

    private static string Key(string email) => email.Trim().ToUpperInvariant();
}
