using Scalar.AspNetCore;

namespace DataIp.Web.Infrastructure;

/// <summary>
/// The security headers of every answer: pages, error pages, the API and its problems, static
/// files, attachment and certificate downloads. They are written when the answer starts
/// (<see cref="HttpResponse.OnStarting(Func{Task})"/>), so that no middleware that clears the
/// response on the way (the exception handler does) can drop them.
/// </summary>
/// <remarks>
/// The pages have no inline script or style (one stylesheet, no script), so the policy allows
/// none. The one exception is the page of the API reference at /docs (Scalar, a third-party
/// single-page application), and only that page: it starts itself with an inline module script, so
/// its policy allows the scripts carrying that answer's fresh nonce (Scalar writes it on its script
/// tags) and no other inline script; and it styles its elements at run time, inline, which no nonce
/// or hash can cover, so its policy allows inline style. That page shows nothing but the OpenAPI
/// document, and its scripts stay locked down: inline style there cannot run code.
/// </remarks>
internal static class SecurityHeaders
{
    /// <summary>The Content-Security-Policy of every answer but the API reference's page.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The full URL goes to the platform's own pages, nothing to other sites: addresses such as
    /// <c>/verify/{n}</c> or a sign-in's return URL are nobody else's business. Unlike
    /// <c>no-referrer</c>, same-origin form posts keep their <c>Origin</c> header.
    /// </summary>
    public const string ReferrerPolicy = "same-origin";

    /// <summary>Powerful features no page uses, switched off for the pages and anything framed in them.</summary>
    public const string PermissionsPolicy = "camera=(), geolocation=(), microphone=(), payment=(), usb=()";

    /// <summary>
    /// One year (RFC 6797 §6.1.1), without includeSubDomains: the operator's other hosts under the
    /// same domain are not the platform's to decide.
    /// </summary>
    public const string StrictTransportSecurity = "max-age=31536000";

    /// <summary>Adds the headers to every answer; HSTS over HTTPS only, and never in Development.</summary>
    public static void UseSecurityHeaders(this WebApplication app)
    {
        var hsts = !app.Environment.IsDevelopment();
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                Write(context, hsts);
                return Task.CompletedTask;
            });
            return next(context);
        });
    }

    private static void Write(HttpContext context, bool hsts)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = PolicyFor(context);
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = ReferrerPolicy;
        headers["Permissions-Policy"] = PermissionsPolicy;
        // RFC 6797 §7.2: only over a secure transport. Not for loopback names (as UseHsts): a
        // developer's browser would refuse plain http://localhost to every other program for a year.
        if (hsts && context.Request.IsHttps && !IsLoopback(context.Request.Host.Host))
        {
            headers.StrictTransportSecurity = StrictTransportSecurity;
        }
    }

    /// <summary>The policy of the API reference's page, whose inline scripts carry <paramref name="nonce"/> (see remarks).</summary>
    public static string ApiReferencePolicy(string nonce) => ContentSecurityPolicy
        .Replace("script-src 'self'", $"script-src 'self' 'nonce-{nonce}'", StringComparison.Ordinal)
        .Replace("style-src 'self'", "style-src 'self' 'unsafe-inline'", StringComparison.Ordinal);

    // Scalar keeps the nonce it wrote on the page's script tags here (ScalarOptions.WithNonce()):
    // only the page itself has one, not its scripts or other files.
    private static string PolicyFor(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/docs") && context.Items[ScalarOptions.NonceHttpContextItemKey] is string nonce
            ? ApiReferencePolicy(nonce)
            : ContentSecurityPolicy;

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (System.Net.IPAddress.TryParse(host.Trim('[', ']'), out var address) && System.Net.IPAddress.IsLoopback(address));
}
