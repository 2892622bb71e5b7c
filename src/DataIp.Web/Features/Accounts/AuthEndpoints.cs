using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DataIp.Web.Features.Accounts;

/// <summary>Credentials for a bearer token.</summary>
public sealed record TokenRequest(string? Email, string? Password);

/// <summary>A refresh token to exchange for a new pair.</summary>
public sealed record RefreshRequest(string? RefreshToken);

/// <summary>A password change by the signed-in account.</summary>
public sealed record PasswordChangeRequest(string? CurrentPassword, string? NewPassword);

/// <summary>
/// Bearer tokens for the API: short access tokens (15 minutes by default) with a refresh token,
/// and the password change that revokes every token and cookie issued before it. Each endpoint is
/// rate-limited per client address; wrong passwords are also limited per account.
/// </summary>
internal static class AuthEndpoints
{
    public static void MapAuthApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/v1/auth").WithTags("Accounts").RequireRateLimiting(RateLimits.Credentials);
        auth.MapPost("/token", TokenAsync).AllowAnonymous()
            .Produces<AccessTokenResponse>().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .WithName("SignIn").WithSummary("Exchange e-mail and password for an access token (15 minutes) and a refresh token (anyone). Rate-limited per client and per account; 429 with Retry-After.");
        auth.MapPost("/refresh", RefreshAsync).AllowAnonymous()
            .Produces<AccessTokenResponse>().ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithName("RefreshToken").WithSummary("Exchange a refresh token for a new access and refresh token (anyone holding one); refused once the password changed or the account is disabled.");
        auth.MapPost("/password", ChangePasswordAsync).RequireAuthorization(Policies.SignedIn)
            .Produces<AccessTokenResponse>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("ChangePassword").WithSummary("Change the password (any account); every token and page sign-in issued before is refused from then on. Answers with a new token pair.");
    }

    private static async Task<Results<SignInHttpResult, ValidationProblem, ProblemHttpResult>> TokenAsync(TokenRequest request, HttpContext context, PasswordSignIn passwords, SignInManager<Account> signIn)
    {
        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password))
        {
            return Problems.Validation(new Dictionary<string, string[]>
            {
                ["email"] = string.IsNullOrWhiteSpace(request.Email) ? ["Give the account's e-mail address."] : [],
                ["password"] = string.IsNullOrEmpty(request.Password) ? ["Give the password."] : [],
            }.Where(e => e.Value.Length > 0).ToDictionary());
        }

        var outcome = await passwords.CheckAsync(request.Email, request.Password, RateLimits.ClientKey(context)).ConfigureAwait(false);
        if (outcome.Account is not { } account)
        {
            return Refusal(outcome, context);
        }

        return TypedResults.SignIn(await signIn.CreateUserPrincipalAsync(account).ConfigureAwait(false), authenticationScheme: Authentication.ApiScheme);
    }

    /// <summary>The problem of a failed password check, the same for the API wherever it is asked.</summary>
    public static ProblemHttpResult Refusal(SignInOutcome outcome, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Result switch
        {
            SignInCheck.Throttled => Problems.Status(StatusCodes.Status429TooManyRequests, "Too many wrong passwords",
                    $"Too many wrong passwords for this account from this address; try again in {RateLimits.Seconds(outcome.RetryAfter)} seconds. The account is not locked: it can still sign in from where it usually does.")
                .WithRetryAfter(context, outcome.RetryAfter),
            SignInCheck.Disabled => Problems.Status(StatusCodes.Status403Forbidden, "Account disabled", "This account is disabled; ask an administrator."),
            _ => Problems.Status(StatusCodes.Status401Unauthorized, "Sign-in failed", "The e-mail address or the password is wrong."),
        };
    }

    private static async Task<Results<SignInHttpResult, ValidationProblem, ProblemHttpResult>> RefreshAsync(
        RefreshRequest request, IOptionsMonitor<BearerTokenOptions> bearer, SecurityStamps stamps, SignInManager<Account> signIn, TimeProvider clock, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.RefreshToken))
        {
            return Problems.Field("refreshToken", "Give the refreshToken of an earlier token response.");
        }

        // A refresh token is a protected ticket of its own kind (another purpose than access tokens).
        var ticket = bearer.Get(Authentication.ApiScheme).RefreshTokenProtector.Unprotect(request.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires
            || !await stamps.IsCurrentAsync(ticket.Principal, ct, fresh: true).ConfigureAwait(false)
            || await signIn.UserManager.GetUserAsync(ticket.Principal).ConfigureAwait(false) is not { } account)
        {
            return Problems.Status(StatusCodes.Status401Unauthorized, "Refresh refused",
                "The refresh token is invalid, expired, or was issued before the password changed or the account was disabled; sign in again.");
        }

        return TypedResults.SignIn(await signIn.CreateUserPrincipalAsync(account).ConfigureAwait(false), authenticationScheme: Authentication.ApiScheme);
    }

    private static async Task<Results<SignInHttpResult, ValidationProblem, ProblemHttpResult>> ChangePasswordAsync(
        PasswordChangeRequest request, ClaimsPrincipal user, HttpContext context, PasswordSignIn passwords, SignInManager<Account> signIn, SecurityStamps stamps)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrEmpty(request.CurrentPassword))
        {
            errors["currentPassword"] = ["Give the current password."];
        }

        if (string.IsNullOrEmpty(request.NewPassword))
        {
            errors["newPassword"] = ["Give the new password."];
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        if (await signIn.UserManager.GetUserAsync(user).ConfigureAwait(false) is not { } account)
        {
            return Problems.NotFound("The account");
        }

        var check = await passwords.CheckAsync(account.Email!, request.CurrentPassword!, RateLimits.ClientKey(context)).ConfigureAwait(false);
        if (check.Result == SignInCheck.WrongCredentials)
        {
            return Problems.Field("currentPassword", "The current password is wrong.");
        }

        if (check.Account is null)
        {
            return Refusal(check, context);
        }

        // Replaces the hash and the security stamp: everything issued under the old stamp is refused.
        var changed = await signIn.UserManager.ChangePasswordAsync(account, request.CurrentPassword!, request.NewPassword!).ConfigureAwait(false);
        stamps.Forget(account.Id);
        if (!changed.Succeeded)
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["newPassword"] = [.. changed.Errors.Select(e => e.Description)] });
        }

        return TypedResults.SignIn(await signIn.CreateUserPrincipalAsync(account).ConfigureAwait(false), authenticationScheme: Authentication.ApiScheme);
    }
}
