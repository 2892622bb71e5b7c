using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DataIp.Web.Pages.Account;

/// <summary>
/// Sign-in for the pages (anyone): e-mail and password against ASP.NET Core Identity, into the
/// Identity application cookie. The cookie is for pages only; the API takes bearer tokens.
/// </summary>
[AllowAnonymous]
public sealed class SignInModel(SignInManager<Data.Accounts.Account> signIn) : PageModel
{
    public const string MissingEmail = "请填写邮箱。Give the account's e-mail address.";
    public const string MissingPassword = "请填写密码。Give the password.";
    public const string WrongCredentials = "邮箱或密码错误 The e-mail address or the password is wrong.";
    public const string LockedOut = "密码错误次数过多，账户已锁定几分钟。Too many wrong passwords: the account is locked for a few minutes.";

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

        // Five wrong passwords lock the account for five minutes, as for the API's tokens.
        var result = await signIn.PasswordSignInAsync(Email!, Password!, isPersistent: false, lockoutOnFailure: true).ConfigureAwait(false);
        if (result.Succeeded)
        {
            // Url.IsLocalUrl refuses absolute URLs and "//host" or "/\host": no open redirect.
            return LocalRedirect(ReturnUrl is { } url && Url.IsLocalUrl(url) ? url : "/");
        }

        ModelState.AddModelError(string.Empty, result.IsLockedOut ? LockedOut : WrongCredentials);
        return Page();
    }

    /// <summary>The error messages recorded for a form field ("" for the whole form).</summary>
    public IReadOnlyList<string> ErrorsOf(string key) =>
        ModelState.TryGetValue(key, out var entry) ? [.. entry.Errors.Select(e => e.ErrorMessage)] : [];
}
