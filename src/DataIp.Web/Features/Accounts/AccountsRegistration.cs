using DataIp.Web.Features.Accounts.Passwords;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using static DataIp.Web.Infrastructure.SettingRules;

namespace DataIp.Web.Features.Accounts;

/// <summary>
/// Accounts and sign-in: ASP.NET Core Identity hashes passwords; pages use the Identity cookie,
/// the API (everything under /api) uses bearer tokens only, so a page's cookie can never be
/// replayed against the API (no cross-site request forgery there).
/// </summary>
internal static class AccountsRegistration
{
    /// <summary>Identity, the bearer token and cookie schemes, the policies, the rate limits and the check of their settings.</summary>
    public static void AddAccounts(this WebApplicationBuilder builder)
    {
        var platform = Settings.Read(builder.Configuration);
        AddSchemes(builder, platform);
        AddIdentity(builder);
        builder.AddRateLimits();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.SignedIn, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.Applicant, p => p.RequireRole(nameof(AccountRole.Applicant)))
            .AddPolicy(Policies.Examiner, p => p.RequireRole(nameof(AccountRole.Examiner)))
            .AddPolicy(Policies.Administrator, p => p.RequireRole(nameof(AccountRole.Administrator)))
            .AddPolicy(Policies.NationalAdministrator, p => p
                .RequireRole(nameof(AccountRole.Administrator))
                .RequireAssertion(c => !c.User.HasClaim(x => x.Type == Claims.BodyId)));
        builder.CheckSettings(SettingsProblems);
    }

    private static void AddSchemes(WebApplicationBuilder builder, PlatformOptions platform)
    {
        var settings = platform.Accounts;
        // Keys that protect cookies and tokens stay under the data directory, readable by the owner
        // only, and encrypted when the operator gives a certificate for it (KeyRingProtection).
        builder.Services.AddDataProtection()
            .SetApplicationName("DataIp.Registry")
            .PersistKeysToFileSystem(DataDirectory.CreatePrivate(Path.Combine(platform.DataDirectoryPath, "keys", "data-protection")))
            .ProtectKeysAtRest(builder, platform.DataProtection);

        builder.Services.AddAuthentication(Authentication.SelectorScheme)
            .AddPolicyScheme(Authentication.SelectorScheme, "API bearer token or page cookie", o => o.ForwardDefaultSelector = context =>
                context.Request.Path.StartsWithSegments("/api") ? Authentication.ApiScheme : IdentityConstants.ApplicationScheme)
            .AddBearerToken(Authentication.ApiScheme, o =>
            {
                o.BearerTokenExpiration = settings.AccessTokenLifetime;
                o.RefreshTokenExpiration = settings.RefreshTokenLifetime;
                o.Events.OnMessageReceived = TokenRevocation.CheckBearerAsync;
            })
            .AddCookie(IdentityConstants.ApplicationScheme, o =>
            {
                o.LoginPath = "/account/sign-in";
                o.AccessDeniedPath = ErrorPages.AccessDeniedPath;
                o.Cookie.Name = "dataip.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.ExpireTimeSpan = settings.CookieLifetime;
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = TokenRevocation.CheckCookieAsync;
            });
    }

    // NIST SP 800-63B-4: no composition rules (Identity's default validator is replaced by
    // PasswordPolicy), and no lockout a stranger can trigger: wrong passwords are throttled per
    // account and client instead (SignInThrottle). Lockout stays enabled only so that an operator
    // can disable an account by setting its lockout end.
    private static void AddIdentity(WebApplicationBuilder builder)
    {
        builder.Services.AddIdentityCore<Account>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 1;
                o.Password.RequiredUniqueChars = 1;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = int.MaxValue;
            })
            .AddEntityFrameworkStores<RegistryDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<AccountClaimsFactory>()
            .AddDefaultTokenProviders();
        builder.Services.RemoveAll<IPasswordValidator<Account>>();
        builder.Services.AddScoped<IPasswordValidator<Account>, PasswordPolicy>();
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<SecurityStamps>();
        builder.Services.AddSingleton<SignInThrottle>();
        builder.Services.AddScoped(PasswordSignIn.Create);
        builder.Services.AddScoped(AccountAdministration.Create);
    }

    /// <summary>
    /// The <c>DataIp:Accounts</c> settings checked before start: lifetimes and windows are
    /// positive, limits at least 1, and the longest password is no shorter than the shortest.
    /// </summary>
    private static IEnumerable<string?> SettingsProblems(PlatformOptions options)
    {
        var accounts = options.Accounts;
        yield return Positive(accounts.AccessTokenLifetime, "Accounts:AccessTokenLifetime");
        yield return Positive(accounts.RefreshTokenLifetime, "Accounts:RefreshTokenLifetime");
        yield return Positive(accounts.CookieLifetime, "Accounts:CookieLifetime");
        yield return accounts.SecurityStampCacheDuration >= TimeSpan.Zero ? null
            : Invariant($"{Name("Accounts:SecurityStampCacheDuration")} must be zero or more; it is {accounts.SecurityStampCacheDuration}.");
        yield return accounts.MaximumPasswordLength >= Math.Max(8, accounts.MinimumPasswordLength) ? null
            : Invariant($"{Name("Accounts:MaximumPasswordLength")} ({accounts.MaximumPasswordLength}) must be at least the shortest password accepted ({Math.Max(8, accounts.MinimumPasswordLength)}).");
        var limits = accounts.RateLimits;
        foreach (var (limit, window, name) in new (int, TimeSpan, string)[]
        {
            (limits.ClientLimit, limits.ClientWindow, "Client"), (limits.SignUpLimit, limits.SignUpWindow, "SignUp"),
            (limits.AccountClientFailureLimit, limits.AccountClientFailureWindow, "AccountClientFailure"),
            (limits.AccountFailureLimit, limits.AccountFailureWindow, "AccountFailure"),
        })
        {
            yield return AtLeast(limit, 1, $"Accounts:RateLimits:{name}Limit");
            yield return Positive(window, $"Accounts:RateLimits:{name}Window");
        }

        yield return Positive(limits.KnownClientDuration, "Accounts:RateLimits:KnownClientDuration");
    }
}
