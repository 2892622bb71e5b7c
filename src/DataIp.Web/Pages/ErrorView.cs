using System.Globalization;

namespace DataIp.Web.Pages;

/// <summary>What an error page says (Pages/Shared/_ErrorMessage.cshtml).</summary>
/// <param name="Status">The HTTP status the page is answered with.</param>
/// <param name="Title">The heading: what happened, in a few words.</param>
/// <param name="Explanation">Why, and what the person can do about it.</param>
/// <param name="NextSteps">Where to go from here, most useful first.</param>
/// <param name="Reference">For a fault: the request's trace id, to quote to the registration body; never a stack trace.</param>
public sealed record ErrorView(int Status, Words Title, Words Explanation, IReadOnlyList<PageLink> NextSteps, string? Reference = null);

/// <summary>The error pages' words, by status.</summary>
internal static class ErrorViews
{
    private static readonly PageLink Home = new("/", new("Error.Home"));
    private static readonly PageLink Notices = new("/notices", new("Error.Notices"));
    private static readonly PageLink Verify = new("/verify", new("Error.Verify"));
    private static readonly PageLink SignIn = new("/account/sign-in", new("Site.SignIn"));

    /// <summary>The page for a status (4xx or 5xx) of a request that has no page of its own to show it.</summary>
    /// <param name="status">The status.</param>
    /// <param name="traceId">The request's trace id, shown for faults (5xx).</param>
    public static ErrorView For(int status, string traceId) => status switch
    {
        StatusCodes.Status400BadRequest => new(status, new("Error.400.Title"), new("Error.400.Text"),
            [Home, Notices]),
        StatusCodes.Status403Forbidden => AccessDenied(new ClaimsPrincipal(), null),
        StatusCodes.Status404NotFound => new(status, new("Error.404.Title"), new("Error.404.Text"),
            [Home, Notices, Verify]),
        StatusCodes.Status409Conflict => new(status, new("Error.409.Title"), new("Error.409.Text"),
            [Home]),
        StatusCodes.Status413PayloadTooLarge => new(status, new("Error.413.Title"), new("Error.413.Text"),
            [Home]),
        >= 500 => new(status, new("Error.500.Title"), new("Error.500.Text"),
            [Home, Notices], traceId),
        _ => new(status, new("Error.Other.Title"), new("Error.Other.Text", Code(status)),
            [Home, Notices]),
    };

    /// <summary>
    /// The access-denied page (403): the signed-in account may not open the page it asked for; it
    /// may sign in as another account and come back to <paramref name="returnUrl"/>.
    /// </summary>
    /// <param name="user">Who is signed in, if anyone.</param>
    /// <param name="returnUrl">The local address that was refused, or null.</param>
    public static ErrorView AccessDenied(ClaimsPrincipal user, string? returnUrl)
    {
        ArgumentNullException.ThrowIfNull(user);
        var title = new Words("Error.403.Title");
        if (user.Identity?.IsAuthenticated != true)
        {
            return new(StatusCodes.Status403Forbidden, title,
                new("Error.403.Anonymous"),
                [SignIn, Home]);
        }

        var another = new PageLink(returnUrl is null ? SignIn.Href : $"{SignIn.Href}?ReturnUrl={Uri.EscapeDataString(returnUrl)}",
            new("Error.403.Another"));
        return new(StatusCodes.Status403Forbidden, title,
            new("Error.403.SignedIn"),
            [another, Home]);
    }

    private static string Code(int status) => status.ToString(CultureInfo.InvariantCulture);
}
