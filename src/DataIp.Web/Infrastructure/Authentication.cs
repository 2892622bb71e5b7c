using DataIp.Web.Features.Accounts;
using DataIp.Web.Features.Accounts.Passwords;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DataIp.Web.Infrastructure;

/// <summary>
/// Accounts and sign-in: ASP.NET Core Identity hashes passwords; pages use the Identity cookie,
/// the API (everything under /api) uses bearer tokens only, so a page's cookie can never be
/// replayed against the API (no cross-site request forgery there).
/// </summary>
internal static class Authentication
{
    public const string ApiScheme = BearerTokenDefaults.AuthenticationScheme;
    public const string SelectorScheme = "ApiOrCookie";

    public static void AddAccounts(this WebApplicationBuilder builder)
    {
        var platform = builder.Configuration.GetSection(PlatformOptions.Section).Get<PlatformOptions>() ?? new PlatformOptions();
        var settings = platform.Accounts;
        // Keys that protect cookies and tokens stay under the data directory, readable by the owner
        // only, and encrypted when the operator gives a certificate for it (KeyRingProtection).
        builder.Services.AddDataProtection()
            .SetApplicationName("DataIp.Registry")
            .PersistKeysToFileSystem(DataDirectory.CreatePrivate(Path.Combine(platform.DataDirectoryPath, "keys", "data-protection")))
            .ProtectKeysAtRest(builder, platform.DataProtection);

        builder.Services.AddAuthentication(SelectorScheme)
            .AddPolicyScheme(SelectorScheme, "API bearer token or page cookie", o => o.ForwardDefaultSelector = context =>
                context.Request.Path.StartsWithSegments("/api") ? ApiScheme : IdentityConstants.ApplicationScheme)
            .AddBearerToken(ApiScheme, o =>
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

        // NIST SP 800-63B-4: no composition rules (Identity's default validator is replaced by
        // PasswordPolicy), and no lockout a stranger can trigger: wrong passwords are throttled
        // per account and client instead (SignInThrottle). Lockout stays enabled only so that an
        // operator can disable an account by setting its lockout end.
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
        builder.AddRateLimits();

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.SignedIn, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.Applicant, p => p.RequireRole(nameof(AccountRole.Applicant)))
            .AddPolicy(Policies.Examiner, p => p.RequireRole(nameof(AccountRole.Examiner)))
            .AddPolicy(Policies.Administrator, p => p.RequireRole(nameof(AccountRole.Administrator)))
            .AddPolicy(Policies.NationalAdministrator, p => p
                .RequireRole(nameof(AccountRole.Administrator))
                .RequireAssertion(c => !c.User.HasClaim(x => x.Type == Claims.BodyId)));
    }
}

/// <summary>Authorization policy names; every endpoint names one of these or allows anonymous.</summary>
internal static class Policies
{
    public const string SignedIn = "SignedIn";
    public const string Applicant = "Applicant";
    public const string Examiner = "Examiner";
    public const string Administrator = "Administrator";
    public const string NationalAdministrator = "NationalAdministrator";
}

/// <summary>Claim types the platform adds.</summary>
internal static class Claims
{
    public const string BodyId = "dataip:body";
    public const string DisplayName = "dataip:name";
}

/// <summary>Adds the role, the bound body and the display name to the signed-in principal.</summary>
internal sealed class AccountClaimsFactory(UserManager<Account> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<Account>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Account user)
    {
        var identity = await base.GenerateClaimsAsync(user).ConfigureAwait(false);
        identity.AddClaim(new Claim(ClaimTypes.Role, user.Role.ToString()));
        identity.AddClaim(new Claim(Claims.DisplayName, user.DisplayName));
        if (user.BodyId is { } bodyId)
        {
            identity.AddClaim(new Claim(Claims.BodyId, bodyId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return identity;
    }
}
