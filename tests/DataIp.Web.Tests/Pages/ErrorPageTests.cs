using System.Net;
using DataIp.Web.Tests.Infrastructure;

namespace DataIp.Web.Tests.Pages;

/// <summary>
/// A person who reaches a wrong address, a forbidden page or a failed request gets an HTML page in
/// the site's layout, saying what happened and where to go next; a program (everything under /api,
/// /log, /.well-known, /openapi) keeps getting RFC 9457 problems. Neither ever shows a stack trace.
/// </summary>
public sealed class ErrorPageTests(ErrorPagesPlatform fixture) : IClassFixture<ErrorPagesPlatform>
{
    [Theory]
    [InlineData("/nope")]
    [InlineData("/searches")]
    [InlineData("/registrations/20250944030000001")]
    [InlineData("/notices/extra/segments")]
    [InlineData("/error")] // the error page opened directly is not a page of its own
    [InlineData("/error/500")]
    public async Task UnknownPage_Anonymous_IsHtml404InTheLayout(string path)
    {
        using var client = fixture.Platform.CookieClient();

        using var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        AssertPageInLayout(response, html);
        Assert.Contains("<h1>页面不存在</h1>", html);
        Assert.Contains("href=\"/\"", html);
        Assert.Contains("href=\"/notices\"", html);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task UnknownPage_OtherMethods_IsHtml404NotAntiforgery400(string method)
    {
        using var client = fixture.Platform.CookieClient();

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/nope") { Content = new StringContent("a=b") });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        AssertPageInLayout(response, html);
        Assert.Contains("页面不存在", html);
    }

    [Theory]
    [InlineData("/api/v1/nope")]
    [InlineData("/api/v1/applications/not-a-guid/nope")]
    [InlineData("/log/nope")]
    [InlineData("/.well-known/nope")]
    [InlineData("/openapi/nope")]
    public async Task UnknownMachinePath_Anonymous_IsProblem404(string path)
    {
        using var client = fixture.Platform.CookieClient();

        var problem = await client.GetAsync(path).ProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal("Not Found", problem.Str("title"));
    }

    [Fact]
    public async Task ApplicationsPage_SignedInPledgee_IsTheAccessDeniedPageWith403()
    {
        var email = await fixture.StaffAsync("pledgee");
        using var client = await fixture.Platform.SignedInAsync(email);

        using var redirect = await client.GetAsync("/applications");
        using var response = await client.GetAsync(redirect.RedirectTarget());
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Equal("/account/access-denied?ReturnUrl=%2Fapplications", redirect.RedirectTarget());
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        AssertPageInLayout(response, html);
        Assert.Contains("<h1>无权访问</h1>", html);
        Assert.Contains("质权人", html); // the role signed in, so the person sees why
        Assert.Contains("href=\"/account/sign-in?ReturnUrl=%2Fapplications\"", html); // sign in as another account
    }

    [Fact]
    public async Task AccessDeniedPage_ForeignReturnUrl_LinksToSignInWithoutIt()
    {
        using var client = fixture.Platform.CookieClient();

        using var response = await client.GetAsync("/account/access-denied?ReturnUrl=https%3A%2F%2Fevil.example%2F");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("href=\"/account/sign-in\"", html);
        Assert.DoesNotContain("sign-in?ReturnUrl=https", html);
        Assert.DoesNotContain("href=\"https://evil.example", html);
    }

    [Fact]
    public async Task SignIn_PostWithoutAntiforgeryToken_IsHtml400InTheLayout()
    {
        using var client = fixture.Platform.CookieClient();

        using var response = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "a@b.cn" }));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        AssertPageInLayout(response, html);
        Assert.Contains("<h1>请求有误</h1>", html);
    }

    [Fact]
    public async Task Fault_OnAPage_IsHtml500WithoutStackTrace()
    {
        using var client = fixture.Platform.CookieClient();

        using var response = await client.GetAsync(ErrorPagesPlatform.FaultPath);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        AssertPageInLayout(response, html);
        Assert.Contains("<h1>服务器出错</h1>", html);
        Assert.DoesNotContain(ErrorPagesPlatform.FaultMessage, html);
        Assert.DoesNotContain(nameof(InvalidOperationException), html);
        Assert.DoesNotContain(nameof(ErrorPagesPlatform), html); // a frame of the stack
    }

    [Fact]
    public async Task Fault_InTheApi_IsProblem500WithoutStackTrace()
    {
        using var client = fixture.Platform.CookieClient();

        using var response = await client.GetAsync("/api" + ErrorPagesPlatform.FaultPath);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(ErrorPagesPlatform.FaultMessage, body);
        Assert.DoesNotContain(nameof(InvalidOperationException), body);
        Assert.DoesNotContain(nameof(ErrorPagesPlatform), body);
    }

    private static void AssertPageInLayout(HttpResponseMessage response, string html)
    {
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html lang=\"zh-CN\">", html);
        Assert.Contains("<header class=\"site\">", html);
        Assert.Contains("<footer class=\"site\">", html);
        Assert.Contains("/site.css", html);
    }
}
