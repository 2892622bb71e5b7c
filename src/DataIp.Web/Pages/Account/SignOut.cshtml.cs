using Microsoft.AspNetCore.Identity;

namespace DataIp.Web.Pages.Account;

/// <summary>
/// Sign-out (anyone: signing out without a cookie does no harm). POST only, with the antiforgery
/// token of the form in the page header, so another site cannot sign a user out.
/// </summary>
[AllowAnonymous]
public sealed class SignOutModel(SignInManager<Data.Accounts.Account> signIn) : PageModel
{
    public IActionResult OnGet()
    {
        Response.Headers.Allow = HttpMethods.Post;
        return StatusCode(StatusCodes.Status405MethodNotAllowed);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync().ConfigureAwait(false);
        return LocalRedirect("/");
    }
}
