using System.Net;
using DataIp.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DataIp.Web.Tests.Pages;

/// <summary>
/// Who may open which page: public pages are HTML for anyone; a protected page sends the anonymous
/// visitor to the sign-in form (not a 401: a person is reading), with the way back.
/// </summary>
public sealed class PageAccessTests(PagesPlatform fixture) : IClassFixture<PagesPlatform>
{
    [Theory]
    [InlineData("/", "数据知识产权登记平台")]
    [InlineData("/notices", "公示")]
    [InlineData("/search", "检索登记簿")]
    [InlineData("/account/sign-in", "登录")]
    public async Task PublicPage_Anonymous_IsHtmlWithChineseText(string path, string heading)
    {
        using var client = fixture.Platform.CookieClient();

        using var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        // Chinese is sent as UTF-8 text, not as &#x...; entities.
        Assert.Contains($"<h1>{heading}", html);
        Assert.Contains("<html lang=\"zh-CN\">", html);
    }

    [Fact]
    public async Task Applications_Anonymous_RedirectsToSignIn()
    {
        using var client = fixture.Platform.CookieClient();

        using var response = await client.GetAsync("/applications");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/sign-in?ReturnUrl=%2Fapplications", response.RedirectTarget());
    }

    [Fact]
    public async Task ProtectedPages_Anonymous_RedirectToSignIn()
    {
        using var client = fixture.Platform.CookieClient();
        var protectedPages = fixture.Platform.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Select(e => "/" + System.Text.RegularExpressions.Regex.Replace(e.RoutePattern.RawText!, "\\{[^}]*:guid\\}", Guid.NewGuid().ToString())) // any id: sign-in comes first
            .ToList();
        var failures = new List<string>();

        foreach (var path in protectedPages)
        {
            using var response = await client.GetAsync(path);
            if (response.StatusCode != HttpStatusCode.Redirect || !response.RedirectTarget().StartsWith("/account/sign-in?ReturnUrl=", StringComparison.Ordinal))
            {
                failures.Add($"{path}: {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        Assert.Contains("/applications", protectedPages);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task AccountPages_Examiner_SentToAccessDenied()
    {
        var email = $"examiner.{Guid.NewGuid():N}@test.dataip.cn";
        await fixture.Platform.ExaminerAsync("4400", email);
        using var client = await fixture.Platform.SignedInAsync(email);
        var failures = new List<string>();

        foreach (var path in new[] { "/admin/accounts", "/admin/accounts/new", $"/admin/accounts/{Guid.NewGuid()}" })
        {
            using var response = await client.GetAsync(path);
            if (response.StatusCode != HttpStatusCode.Redirect || !response.RedirectTarget().StartsWith("/account/access-denied", StringComparison.Ordinal))
            {
                failures.Add($"{path}: {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task StyleSheet_Anonymous_IsServed()
    {
        using var client = fixture.Platform.CookieClient();

        using var response = await client.GetAsync("/site.css");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task SignOut_Get_IsMethodNotAllowed()
    {
        using var client = await fixture.Platform.SignedInAsync(RegistryFactory.AdminEmail);

        using var response = await client.GetAsync("/account/sign-out");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/applications")).StatusCode);
    }
}
