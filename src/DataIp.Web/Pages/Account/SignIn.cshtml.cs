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
    public const string MissingEmail = "请填写邮箱。Give the account's e-mail address.";
    public const string MissingPassword = "请填写密码。Give the password.";
    public const string WrongCredentials = "邮箱或密码错误 The e-mail address or the password is wrong.";
    public const string Throttled = "此处密码错误次数过多，请稍后再试；账户并未锁定。Too many wrong passwords from here: try again later. The account is not locked.";
    public const string Disabled = "账户已停用，请联系管理员。This account is disabled; ask an administrator.";

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
            ModelState.AddModelError(nameof(Email), MissingEmail);
        }

        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), MissingPassword);
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

        ModelState.AddModelError(string.Empty, outcome.Result switch
        {
            SignInCheck.Throttled => Throttled,
            SignInCheck.Disabled => Disabled,
            _ => WrongCredentials,
        });
        if (outcome.Result == SignInCheck.Throttled)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = RateLimits.Seconds(outcome.RetryAfter).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return Page();
    }

    /// <summary>The error messages recorded for a form field ("" for the whole form).</summary>
    public IReadOnlyList<string> ErrorsOf(string key) =>
        ModelState.TryGetValue(key, out var entry) ? [.. entry.Errors.Select(e => e.ErrorMessage)] : [];
}
