using System.Text.RegularExpressions;
using DataIp.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DataIp.BrowserTests;

/// <summary>
/// The public's search in real Chromium against the demo: from the home page's search box, a
/// two-character Chinese query, a registered result, its record page, and its certificate's
/// verification page. Each step is checked by <see cref="Journey.StepAsync"/> (axe, 1280 and 375
/// pixels, the English switch).
/// </summary>
public abstract class SearchJourneyTests(DemoRegistry registry, Chromium chromium)
{
    [Fact]
    public async Task Search_FromTheHomePage_ToTheRecordAndItsCertificate()
    {
        await using var context = await chromium.NewContextAsync(registry.BaseAddress);
        var journey = new Journey(await context.NewPageAsync(), registry.Provider);
        var page = journey.Page;

        await page.GotoAsync("/");
        var box = page.GetByRole(AriaRole.Search);
        await box.GetByLabel("关键词", new() { Exact = true }).FillAsync("交通");
        await box.GetByRole(AriaRole.Button, new() { Name = "检索" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/search\\?q="));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "检索登记簿", Level = 1 })).ToBeVisibleAsync();
        await journey.StepAsync("search-01-results");

        var result = page.Locator("table.search-results a[href^='/registrations/']").First;
        var href = await result.GetAttributeAsync("href");
        await result.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(href!) + "$"));
        await journey.StepAsync("search-02-record");

        await page.Locator("a[href^='/verify/']").First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/verify/[0-9A-Z]+$"));
        await journey.StepAsync("search-03-verify");
    }
}

/// <summary><see cref="SearchJourneyTests"/> on SQLite.</summary>
public sealed class SearchJourneyOnSqliteTests(DemoRegistry registry, Chromium chromium)
    : SearchJourneyTests(registry, chromium), IClassFixture<DemoRegistry>;

/// <summary><see cref="SearchJourneyTests"/> on PostgreSQL.</summary>
public sealed class SearchJourneyOnPostgresTests(PostgresDemoRegistry registry, Chromium chromium)
    : SearchJourneyTests(registry, chromium), IClassFixture<PostgresDemoRegistry>;
