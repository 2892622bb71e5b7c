using System.Text.RegularExpressions;
using DataIp.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DataIp.Web.Tests.Pages;

/// <summary>The page sign-in as a browser does it: fetch the form, post it back with its antiforgery token.</summary>
public static partial class SignInForm
{
    /// <summary>A client that keeps cookies and does not follow redirects, so tests see each 302.</summary>
    public static HttpClient CookieClient(this RegistryFactory platform) =>
        platform.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>GETs a page with a form (setting the antiforgery cookie) and returns the form's token.</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string path = "/account/sign-in")
    {
        var html = await client.GetStringAsync(path);
        var match = TokenInput().Match(html);
        Assert.True(match.Success, $"The form on {path} carries no antiforgery token:\n{html}");
        return match.Groups[1].Value;
    }

    /// <summary>Posts the sign-in form as a browser would, with the token from a fresh GET.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string? email, string? password, string? returnUrl = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await AntiforgeryTokenAsync(client),
            ["Email"] = email ?? "",
            ["Password"] = password ?? "",
        };
        if (returnUrl is not null)
        {
            fields["ReturnUrl"] = returnUrl;
        }

        return await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(fields));
    }

    /// <summary>A cookie client signed in through the form; asserts the redirect home.</summary>
    public static async Task<HttpClient> SignedInAsync(this RegistryFactory platform, string email, string password = RegistryFactory.Password)
    {
        var client = platform.CookieClient();
        using var response = await PostAsync(client, email, password);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Redirect, $"sign-in of {email}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return client;
    }

    /// <summary>The path and query a redirect points to.</summary>
    public static string RedirectTarget(this HttpResponseMessage response)
    {
        var location = response.Headers.Location ?? throw new InvalidOperationException($"{(int)response.StatusCode} without a Location header");
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }

    /// <summary>Whether the response sets the page's authentication cookie.</summary>
    public static bool SetsAuthCookie(this HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("dataip.auth=", StringComparison.Ordinal));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();
}
