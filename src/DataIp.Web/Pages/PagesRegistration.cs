using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.WebEncoders;

namespace DataIp.Web.Pages;

/// <summary>
/// The server-rendered pages (Pages/): sign-in with the Identity cookie, the public notices, the
/// signed-in user's applications, certificate verification. Plain HTML and one stylesheet from
/// wwwroot; no script. Their words come from Pages/Text.resx and Text.en.resx (<see cref="Text"/>),
/// in the language <see cref="PageLocalization"/> chooses.
/// </summary>
internal static class PagesRegistration
{
    /// <summary>Razor Pages, with the encoder and antiforgery settings the pages need.</summary>
    public static void AddPages(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddRazorPages();
        // Razor encodes every non-ASCII character as an entity by default; the pages are Chinese
        // first, so let CJK text through as UTF-8 (still HTML-encoded where it matters: <, &, ").
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.Configure<AntiforgeryOptions>(o =>
        {
            o.Cookie.Name = "dataip.antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
    }

    /// <summary>The stylesheet (wwwroot) and the pages. Call before authentication: styles are public.</summary>
    public static void UsePageAssets(this WebApplication app) => app.UseStaticFiles();

    /// <summary>Maps every page; each page model states who may open it (see EndpointAuthorizationTests).</summary>
    public static void MapPages(this WebApplication app) => app.MapRazorPages();
}
