using DataIp.BrowserTests.Infrastructure;
using DataIp.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DataIp.BrowserTests;

/// <summary>
/// Real Chromium enforces the Content-Security-Policy the platform sends: every page it opens
/// (public pages, signed-in pages, error pages and the API reference at /docs) must carry the
/// policy and run without a single violation, which Chromium reports as a console error. The
/// browser may reach nothing but the platform: a request elsewhere is aborted and fails the test.
/// </summary>
public sealed class ContentSecurityPolicyTests(DemoRegistry registry, Chromium chromium) : IClassFixture<DemoRegistry>
{
    [Fact]
    public async Task Pages_Anonymous_RunWithoutAPolicyViolation()
    {
        var certificate = await DemoCertificateAsync();

        var problems = await VisitAsync(null,
            "/", "/notices", "/account/sign-in", "/verify", $"/verify/{certificate}", "/nope", "/account/access-denied");

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [InlineData("applicant1@demo.dataip.cn")]
    [InlineData("examiner.4400@demo.dataip.cn")]
    [InlineData("bank@demo.dataip.cn")] // its /applications is the access-denied page
    public async Task Pages_SignedIn_RunWithoutAPolicyViolation(string email)
    {
        var problems = await VisitAsync(email, "/", "/applications", "/notices");

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task ApiReference_Docs_RendersWithoutAPolicyViolation()
    {
        await using var context = await chromium.NewContextAsync(registry.BaseAddress);
        var problems = await WatchAsync(context);
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync("/docs/");
        // The reference is a large script that fetches and renders the whole OpenAPI document: on a
        // loaded 2-core machine that has taken more than Playwright's default 5 s.
        await Expect(page.GetByText("DataIP Registry API").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Contains("'nonce-", await response!.HeaderValueAsync("content-security-policy") ?? "", StringComparison.Ordinal);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    // Opens each path (signed in as email, if given) and returns every problem seen: a page
    // without the policy, a console error (CSP violations are reported so), a request elsewhere.
    private async Task<List<string>> VisitAsync(string? email, params string[] paths)
    {
        await using var context = await chromium.NewContextAsync(registry.BaseAddress);
        var problems = await WatchAsync(context);
        var page = await context.NewPageAsync();
        if (email is not null)
        {
            await page.GotoAsync("/account/sign-in");
            await page.GetByLabel("邮箱").FillAsync(email);
            await page.GetByLabel("密码").FillAsync(DemoRegistry.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "退出" })).ToBeVisibleAsync();
        }

        foreach (var path in paths)
        {
            var response = await page.GotoAsync(path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            if (await response!.HeaderValueAsync("content-security-policy") is not { Length: > 0 })
            {
                problems.Add($"{path}: no Content-Security-Policy on the page");
            }
        }

        return problems;
    }

    // Records console errors, page errors and requests that leave the platform (aborting them).
    private async Task<List<string>> WatchAsync(IBrowserContext context)
    {
        var problems = new List<string>();
        context.Console += (_, message) =>
        {
            // Chromium reports a page answered with an error status (the 404 and 403 pages) so: not a problem.
            var documentStatus = message.Page is { } page && message.Location.StartsWith(page.Url, StringComparison.Ordinal)
                && message.Text.StartsWith("Failed to load resource: the server responded with a status of 4", StringComparison.Ordinal);
            if (message.Type is "error" or "warning" && !documentStatus)
            {
                lock (problems)
                {
                    problems.Add($"{message.Page?.Url}: console {message.Type}: {message.Text}");
                }
            }
        };
        context.WebError += (_, error) =>
        {
            lock (problems)
            {
                problems.Add($"{error.Page?.Url}: uncaught: {error.Error}");
            }
        };
        await context.RouteAsync(url => !new Uri(url).Authority.Equals(registry.BaseAddress.Authority, StringComparison.OrdinalIgnoreCase), async route =>
        {
            lock (problems)
            {
                problems.Add($"request outside the platform: {route.Request.Url}");
            }

            await route.AbortAsync();
        });
        return problems;
    }

    // A demo certificate in force (the demo registers three applications).
    private async Task<string> DemoCertificateAsync()
    {
        using var scope = registry.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var numbers = await db.Certificates.Where(c => c.Credential != null && !c.Superseded).Select(c => c.CertificateNumber).ToListAsync();
        Assert.NotEmpty(numbers);
        return numbers.Order(StringComparer.Ordinal).First();
    }
}
