using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace DataIp.Web.Features.Accounts;

/// <summary>
/// Decides whether a signed-in principal (bearer token, refresh token or page cookie) is still
/// good: its account exists, is not disabled, and its security stamp is the one the principal
/// was issued with. A password change replaces the stamp, so everything issued before it is
/// refused from then on. Stamps are cached for <see cref="AccountOptions.SecurityStampCacheDuration"/>;
/// a change on this node clears its entry at once.
/// </summary>
internal sealed class SecurityStamps(IServiceScopeFactory scopes, IMemoryCache cache, TimeProvider clock, IOptions<PlatformOptions> options, IOptions<IdentityOptions> identity)
{
    private sealed record Current(string? Stamp, DateTimeOffset? DisabledUntil);

    /// <summary>
    /// Whether <paramref name="principal"/> was issued under the account's current stamp and the
    /// account may sign in. <paramref name="fresh"/> reads the database, not the cache (refresh
    /// tokens: rare, and long-lived).
    /// </summary>
    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, CancellationToken cancellationToken, bool fresh = false)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var stamp = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        if (stamp is null || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), CultureInfo.InvariantCulture, out var id))
        {
            return false;
        }

        var current = await ReadAsync(id, fresh, cancellationToken).ConfigureAwait(false);
        return current?.Stamp == stamp && !(current.DisabledUntil > clock.GetUtcNow());
    }

    /// <summary>Forgets the cached stamp of an account whose stamp just changed.</summary>
    public void Forget(Guid accountId) => cache.Remove(Key(accountId));

    private async Task<Current?> ReadAsync(Guid id, bool fresh, CancellationToken cancellationToken)
    {
        var duration = options.Value.Accounts.SecurityStampCacheDuration;
        if (fresh || duration <= TimeSpan.Zero)
        {
            var current = await QueryAsync(id, cancellationToken).ConfigureAwait(false);
            cache.Remove(Key(id));
            return current;
        }

        return await cache.GetOrCreateAsync(Key(id), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = duration;
            return QueryAsync(id, cancellationToken);
        }).ConfigureAwait(false);
    }

    private async Task<Current?> QueryAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        // An account is disabled by setting its lockout end (Identity's lockout is otherwise unused).
        return await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new Current(u.SecurityStamp, u.LockoutEnabled ? u.LockoutEnd : null))
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string Key(Guid id) => "security-stamp:" + id.ToString("N");
}
