using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace DataIp.Web.Features.Accounts;

/// <summary>
/// Refuses bearer tokens and page cookies issued before the account's security stamp changed
/// (a password change) or once the account is disabled (<see cref="SecurityStamps"/>).
/// </summary>
internal static class TokenRevocation
{
    /// <summary>
    /// Bearer: the handler has no event after it reads a token, so this reads it first. A token it
    /// cannot read or that has expired is left to the handler, which refuses it the same way.
    /// </summary>
    public static async Task CheckBearerAsync(MessageReceivedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var ticket = context.Options.BearerTokenProtector.Unprotect(header["Bearer ".Length..].Trim());
        if (ticket is null)
        {
            return;
        }

        var stamps = context.HttpContext.RequestServices.GetRequiredService<SecurityStamps>();
        if (!await stamps.IsCurrentAsync(ticket.Principal, context.HttpContext.RequestAborted).ConfigureAwait(false))
        {
            context.Fail("The token was issued before the account's password changed, or the account is disabled.");
        }
    }

    /// <summary>Page cookie: checked on every request, so a changed password signs every browser out.</summary>
    public static async Task CheckCookieAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Principal is null)
        {
            return;
        }

        var stamps = context.HttpContext.RequestServices.GetRequiredService<SecurityStamps>();
        if (!await stamps.IsCurrentAsync(context.Principal, context.HttpContext.RequestAborted).ConfigureAwait(false))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme).ConfigureAwait(false);
        }
    }
}
