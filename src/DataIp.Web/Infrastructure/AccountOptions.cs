namespace DataIp.Web.Infrastructure;

/// <summary>
/// The <c>DataIp:Accounts</c> settings: token lifetimes, the password policy and the sign-in rate
/// limits (docs/architecture.md, "Security"; docs/operations.md).
/// </summary>
public sealed class AccountOptions
{
    /// <summary>How long a bearer access token is accepted; default 15 minutes. Refresh it with the refresh token.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a refresh token may be exchanged for a new pair; default 14 days.</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>How long a page sign-in cookie lasts without use (it slides); default 8 hours.</summary>
    public TimeSpan CookieLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>
    /// How long a node trusts the security stamp it read for an account before reading it again;
    /// default 30 seconds. A password change on this node takes effect at once; on another node
    /// sharing the database within this time.
    /// </summary>
    public TimeSpan SecurityStampCacheDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The shortest password accepted, in Unicode code points; default 15, as NIST SP 800-63B-4
    /// §3.1.1.2 requires of a password that is the only factor. At least 8.
    /// </summary>
    public int MinimumPasswordLength { get; set; } = 15;

    /// <summary>The longest password accepted, in code points; default 256 (NIST asks for at least 64).</summary>
    public int MaximumPasswordLength { get; set; } = 256;

    /// <summary>The rate limits of sign-in, refresh, sign-up and password change.</summary>
    public RateLimitOptions RateLimits { get; set; } = new();
}

/// <summary>
/// The <c>DataIp:Accounts:RateLimits</c> settings. Each limit is a token bucket: <c>…Limit</c>
/// requests at once, refilled evenly over <c>…Window</c>.
/// </summary>
public sealed class RateLimitOptions
{
    /// <summary>
    /// Requests with credentials from one client address (token, refresh, password change, page
    /// sign-in together); default 20 per minute.
    /// </summary>
    public int ClientLimit { get; set; } = 20;

    /// <summary>The window of <see cref="ClientLimit"/>.</summary>
    public TimeSpan ClientWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Sign-ups from one client address; default 10 per hour.</summary>
    public int SignUpLimit { get; set; } = 10;

    /// <summary>The window of <see cref="SignUpLimit"/>.</summary>
    public TimeSpan SignUpWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Wrong passwords for one account from one client address; default 10 per 15 minutes. A
    /// stranger who spends it delays only itself.
    /// </summary>
    public int AccountClientFailureLimit { get; set; } = 10;

    /// <summary>The window of <see cref="AccountClientFailureLimit"/>.</summary>
    public TimeSpan AccountClientFailureWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Wrong passwords for one account from all addresses together; default 100 per hour (NIST
    /// SP 800-63B-4 §3.2.2: at most 100 consecutive failures). When spent, only addresses the
    /// account signed in from before may still try.
    /// </summary>
    public int AccountFailureLimit { get; set; } = 100;

    /// <summary>The window of <see cref="AccountFailureLimit"/>.</summary>
    public TimeSpan AccountFailureWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long an address an account signed in from stays known to it; default 30 days.</summary>
    public TimeSpan KnownClientDuration { get; set; } = TimeSpan.FromDays(30);
}
