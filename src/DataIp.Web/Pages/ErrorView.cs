using System.Globalization;

namespace DataIp.Web.Pages;

/// <summary>What an error page says (Pages/Shared/_ErrorMessage.cshtml).</summary>
/// <param name="Status">The HTTP status the page is answered with.</param>
/// <param name="Title">The heading: what happened, in a few words.</param>
/// <param name="Explanation">Why, and what the person can do about it.</param>
/// <param name="NextSteps">Where to go from here, most useful first.</param>
/// <param name="Reference">For a fault: the request's trace id, to quote to the registration body; never a stack trace.</param>
public sealed record ErrorView(int Status, Bilingual Title, Bilingual Explanation, IReadOnlyList<PageLink> NextSteps, string? Reference = null);

/// <summary>The error pages' words, by status.</summary>
internal static class ErrorViews
{
    private static readonly PageLink Home = new("/", new("返回首页", "Go to the home page"));
    private static readonly PageLink Notices = new("/notices", new("查看公示", "See the public notices"));
    private static readonly PageLink Verify = new("/verify", new("查验证书", "Verify a certificate"));
    private static readonly PageLink SignIn = new("/account/sign-in", new("登录", "Sign in"));

    /// <summary>The page for a status (4xx or 5xx) of a request that has no page of its own to show it.</summary>
    /// <param name="status">The status.</param>
    /// <param name="traceId">The request's trace id, shown for faults (5xx).</param>
    public static ErrorView For(int status, string traceId) => status switch
    {
        StatusCodes.Status400BadRequest => new(status, new("请求有误", "Bad request"),
            new("服务器无法处理这个请求：表单可能已过期，或地址中的值格式不正确。请返回上一页，重新打开表单后再试。",
                "The server could not process this request: a form may have expired, or a value in the address is malformed. Go back, open the form again and retry."),
            [Home, Notices]),
        StatusCodes.Status403Forbidden => AccessDenied(new ClaimsPrincipal(), null),
        StatusCodes.Status404NotFound => new(status, new("页面不存在", "Page not found"),
            new("这个地址没有对应的页面：可能输入有误，或页面已经移走。", "There is no page at this address: it may be mistyped, or the page has moved."),
            [Home, Notices, Verify]),
        StatusCodes.Status409Conflict => new(status, new("记录已被更改", "The record changed"),
            new("处理这个请求期间，记录已被更改。请重新打开页面后再试。", "The record changed while this request was being handled. Open the page again and retry."),
            [Home]),
        StatusCodes.Status413PayloadTooLarge => new(status, new("提交的内容过大", "Too large"),
            new("提交的文件或表单超过了允许的大小。", "The file or form sent is larger than allowed here."),
            [Home]),
        >= 500 => new(status, new("服务器出错", "Something went wrong"),
            new("服务器未能完成这个请求，这不是您的过错。请稍后再试；如果问题持续，请联系登记机构并提供下面的错误编号。",
                "The server could not complete this request; this is not your mistake. Try again later; if it goes on, contact the registration body and quote the reference below."),
            [Home, Notices], traceId),
        _ => new(status, new("请求未能完成", "The request could not be completed"),
            new($"服务器拒绝了这个请求（状态 {Code(status)}）。", $"The server refused this request (status {Code(status)})."),
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
        var title = new Bilingual("无权访问", "Access denied");
        if (user.Identity?.IsAuthenticated != true)
        {
            return new(StatusCodes.Status403Forbidden, title,
                new("这个页面只对有权限的账户开放。请用有权限的账户登录。", "This page is open only to accounts allowed to see it. Sign in with such an account."),
                [SignIn, Home]);
        }

        var another = new PageLink(returnUrl is null ? SignIn.Href : $"{SignIn.Href}?ReturnUrl={Uri.EscapeDataString(returnUrl)}",
            new("以其他账户登录", "Sign in as another account"));
        return new(StatusCodes.Status403Forbidden, title,
            new("当前登录的账户无权打开这个页面。如果您还有别的账户，请用它登录。", "The account signed in may not open this page. If you have another account that may, sign in with it."),
            [another, Home]);
    }

    private static string Code(int status) => status.ToString(CultureInfo.InvariantCulture);
}
