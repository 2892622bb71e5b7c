using DataIp.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace DataIp.Web.Pages.Account;

/// <summary>
/// Sign-in for the pages (anyone): e-mail and password against ASP.NET Core Identity, into the
/// Identity application cookie. The cookie is for pages only; the API takes bearer tokens. The
/// same protection as the API's token endpoint: the per-client rate limit on the POST, the
/// per-account throttle and equal work for unknown e-mails (<see cref="PasswordSignIn"/>).
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.Credentials)]
public sealed class SignInModel(SignInManager<Data.Accounts.Account> signIn, PasswordSignIn passwords) : PageModel
{
    // The form's messages, by their keys in Pages/Text.resx.
    public const string MissingEmail = "SignIn.MissingEmail";
    public const string MissingPassword = "SignIn.MissingPassword";
    public const string WrongCredentials = "SignIn.WrongCredentials";
    public const string Throttled = "SignIn.Throttled";
    public const string Disabled = "SignIn.Disabled";

    /// <summary>The account's e-mail address, its sign-in name.</summary>
    [BindProperty]
    public string? Email { get; set; }

    /// <summary>The password; never rendered back.</summary>
    [BindProperty]
    public string? Password { get; set; }

    /// <summary>Where to go once signed in; only a local URL is followed, anything else goes home.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Email = Email?.Trim();
        if (string.IsNullOrEmpty(Email))
        {
            ModelState.AddModelError(nameof(Email), Text.Get(MissingEmail));
        }

        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), Text.Get(MissingPassword));
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await passwords.CheckAsync(Email!, Password!, RateLimits.ClientKey(HttpContext)).ConfigureAwait(false);
        if (outcome.Account is { } account)
        {
            await signIn.SignInAsync(account, isPersistent: false).ConfigureAwait(false);
            // Url.IsLocalUrl refuses absolute URLs and "//host" or "/\host": no open redirect.
            return LocalRedirect(ReturnUrl is { } url && Url.IsLocalUrl(url) ? url : "/");
        }

        ModelState.AddModelError(string.Empty, Text.Get(outcome.Result switch
        {
            SignInCheck.Throttled => Throttled,
            SignInCheck.Disabled => Disabled,
            _ => WrongCredentials,
        }));
        if (outcome.Result == SignInCheck.Throttled)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = RateLimits.Seconds(outcome.RetryAfter).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return Page();
    }
}
