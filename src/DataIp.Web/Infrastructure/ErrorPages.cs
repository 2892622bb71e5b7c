using Microsoft.AspNetCore.Diagnostics;

namespace DataIp.Web.Infrastructure;

/// <summary>
/// How a failed request is answered, by who asks. Programs (everything under <see cref="MachinePrefixes"/>)
/// get an RFC 9457 problem, as they always did. People (every other address: the pages, /docs, an
/// address typed wrong) get an HTML page in the site's layout that says what happened and where to
/// go next (Pages/Error.cshtml): a 404, 400 or 500 without a body is answered again by that page,
/// with its status kept. Neither ever shows a stack trace.
/// </summary>
internal static class ErrorPages
{
    /// <summary>The error page; the status is in the path, e.g. <c>/error/404</c>.</summary>
    public const string ErrorPath = "/error";

    /// <summary>Where the sign-in cookie sends a signed-in person a page refuses (403).</summary>
    public const string AccessDeniedPath = "/account/access-denied";

    /// <summary>The addresses that programs call: the API, the log (C2SP), DID and other well-known documents, OpenAPI.</summary>
    public static readonly IReadOnlyList<string> MachinePrefixes = ["/api", "/log", "/.well-known", "/openapi"];

    /// <summary>Whether a request's path is for a program (a problem answers its errors) rather than a person (a page does).</summary>
    public static bool IsForMachines(PathString path) =>
        MachinePrefixes.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));

    /// <summary>The path the request was made to, also while the exception handler answers it (it puts <see cref="ErrorPath"/> there).</summary>
    public static PathString OriginalPath(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Features.Get<IExceptionHandlerPathFeature>()?.Path is { } path ? new PathString(path) : context.Request.Path;
    }

    /// <summary>
    /// The status of a request that threw: a malformed request is the caller's 4xx, a write that lost
    /// a race is 409, anything else is a fault (500). The API's problems give the same statuses.
    /// </summary>
    public static int StatusOf(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        DbUpdateConcurrencyException => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>
    /// Answers failed requests: a problem for programs, the error page for people. Call first, before
    /// anything that may fail or answer an error. (It must be on the application itself, not in a
    /// branch: answering again with the error page needs the application's routing.)
    /// </summary>
    public static void UseErrorPages(this WebApplication app)
    {
        // A request that threw: BadRequestExceptionHandler and MachineFaultHandler answer programs'
        // requests with a problem; a person's request is answered again by the error page, with the
        // status chosen here. Faults are logged whoever answers; a malformed request or a lost race
        // (4xx) is the caller's matter, not the platform's, and is not.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = ErrorPath,
            StatusCodeSelector = StatusOf,
            SuppressDiagnosticsCallback = context => StatusOf(context.Exception) < StatusCodes.Status500InternalServerError,
        });

        // An error status without a body: the outer middleware writes a problem, the inner one the
        // error page; the inner one stands aside for programs' requests, so the outer one answers them.
        app.UseStatusCodePages();
        app.UseStatusCodePagesWithReExecute(ErrorPath + "/{0}");
        app.Use((context, next) =>
        {
            if (IsForMachines(context.Request.Path) && context.Features.Get<IStatusCodePagesFeature>() is { } errorPage)
            {
                errorPage.Enabled = false;
            }

            return next(context);
        });
    }
}

/// <summary>
/// Answers a program's request that failed with a fault with the framework's bare 500 problem
/// (its type and title; never the exception's message), as the API always answered faults.
/// Registered after <see cref="BadRequestExceptionHandler"/>, which answers the caller's 4xx first;
/// a person's request is left to the error page.
/// </summary>
internal sealed class MachineFaultHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!ErrorPages.IsForMachines(ErrorPages.OriginalPath(httpContext)))
        {
            return false;
        }

        httpContext.Response.StatusCode = ErrorPages.StatusOf(exception);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new() { Status = httpContext.Response.StatusCode },
            Exception = exception,
        }).ConfigureAwait(false);
    }
}
