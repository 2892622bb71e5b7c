using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace DataIp.Web.Pages;

/// <summary>
/// The pages' language: Chinese (zh-CN) by default, English by the switch on every page. The
/// switch is a link to the same page with <c>?culture=en</c> (or <c>zh-CN</c>); the choice is kept
/// in a cookie, so that every later page is in that language until switched back. The API is not
/// localized: its problems and names are the same for every client.
/// </summary>
internal static class PageLocalization
{
    /// <summary>The query parameter that chooses a page's language.</summary>
    public const string QueryKey = "culture";

    /// <summary>The cookie that keeps the choice.</summary>
    public const string CookieName = "dataip.culture";

    /// <summary>Chooses each page's language from the query, then the cookie, else Chinese; keeps a chosen one in the cookie.</summary>
    public static void UsePageLocalization(this WebApplication app)
    {
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Text.Chinese),
            SupportedCultures = [.. Text.Cultures],
            SupportedUICultures = [.. Text.Cultures],
            RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider { QueryStringKey = QueryKey, UIQueryStringKey = QueryKey },
                new CookieRequestCultureProvider { CookieName = CookieName },
            ],
        };
        app.UseWhen(context => !context.Request.Path.StartsWithSegments("/api"), pages =>
        {
            pages.UseRequestLocalization(options);
            pages.Use((context, next) =>
            {
                if (context.Request.Query.ContainsKey(QueryKey)
                    && context.Features.Get<IRequestCultureFeature>()?.Provider is QueryStringRequestCultureProvider)
                {
                    var culture = context.Features.Get<IRequestCultureFeature>()!.RequestCulture;
                    context.Response.Cookies.Append(CookieName, CookieRequestCultureProvider.MakeCookieValue(culture), new CookieOptions
                    {
                        Path = "/",
                        HttpOnly = true,
                        IsEssential = true,
                        SameSite = SameSiteMode.Lax,
                        Secure = context.Request.IsHttps,
                        MaxAge = TimeSpan.FromDays(365),
                    });
                }

                return next(context);
            });
        });
    }

    /// <summary>This page's address with <c>?culture=</c> set to <paramref name="culture"/> (other query values kept).</summary>
    public static string SwitchHref(HttpRequest request, string culture)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = QueryHelpers.ParseQuery(request.QueryString.Value);
        query[QueryKey] = new StringValues(culture);
        return QueryHelpers.AddQueryString(request.PathBase + request.Path, query);
    }
}
