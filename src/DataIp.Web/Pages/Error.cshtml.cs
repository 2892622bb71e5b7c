using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.Filters;

namespace DataIp.Web.Pages;

/// <summary>
/// The error page people see (anyone), in the site's layout: the platform answers a page request
/// that failed (404, 400, 500 and the rest; see <c>Infrastructure/ErrorPages.cs</c>) again with
/// this page, keeping its status and method. Opened directly, it is not a page of its own: 404.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken] // it changes nothing, and answers failed POSTs too
public sealed class ErrorModel : PageModel
{
    /// <summary>What the page says.</summary>
    public ErrorView View { get; private set; } = ErrorViews.For(StatusCodes.Status404NotFound, "");

    // Runs for every method (a failed POST or PUT is answered by this page too), before rendering.
    public override void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
        var answering = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || HttpContext.Features.Get<IExceptionHandlerPathFeature>() is not null;
        if (!answering)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        View = Response.StatusCode == StatusCodes.Status403Forbidden
            ? ErrorViews.AccessDenied(User, returnUrl: null)
            : ErrorViews.For(Response.StatusCode, HttpContext.TraceIdentifier);
    }
}
