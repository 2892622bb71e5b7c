using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DataIp.Web.Infrastructure;

/// <summary>
/// The authentication schemes (registered by <c>AccountsRegistration.AddAccounts</c>): bearer
/// tokens for the API (everything under /api), the Identity cookie for the pages, and the
/// selector that picks one by path, so a page's cookie can never be replayed against the API.
/// </summary>
internal static class Authentication
{
    /// <summary>The API's scheme: ASP.NET Core bearer tokens.</summary>
    public const string ApiScheme = BearerTokenDefaults.AuthenticationScheme;

    /// <summary>The default scheme: forwards to the bearer scheme under /api, to the cookie elsewhere.</summary>
    public const string SelectorScheme = "ApiOrCookie";
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
