namespace DataIp.Web.Pages.Account;

/// <summary>
/// Where the sign-in cookie sends a signed-in person that a page refuses (anyone; the cookie's
/// AccessDeniedPath): status 403, who is signed in, and a way to sign in as another account and
/// come back to the refused page.
/// </summary>
[AllowAnonymous]
public sealed class AccessDeniedModel : PageModel
{
    /// <summary>The refused page; only a local URL is offered back, anything else is dropped.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>What the page says.</summary>
    public ErrorView View { get; private set; } = ErrorViews.AccessDenied(new(), null);

    public void OnGet()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        View = ErrorViews.AccessDenied(User, ReturnUrl is { } url && Url.IsLocalUrl(url) ? url : null);
    }
}
