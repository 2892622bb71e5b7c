using System.Text;
using DataIp.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DataIp.BrowserTests;

/// <summary>
/// Anyone reads the register's statistics in real Chromium (issue M8, item 3): from the home page's
/// figures to the statistics page, its charts beside their tables, a filter, a CSV file downloaded
/// and read, and the page in English; each page checked by <see cref="Journey.StepAsync"/> (axe,
/// 375 px, the English switch). On SQLite and on PostgreSQL.
/// </summary>
public abstract class StatisticsJourneyTests(DemoRegistry registry, Chromium chromium)
{
    [Fact]
    public async Task Anyone_ReadsTheStatistics_ChartsTablesAndACsvFile()
    {
        await using var context = await chromium.NewContextAsync(registry.BaseAddress);
        var journey = new Journey(await context.NewPageAsync(), registry.Provider);
        var page = journey.Page;
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "查看全部统计" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "登记统计", Level = 1 })).ToBeVisibleAsync();
        foreach (var chart in new[] { "各月的申请、登记和有效证书（条形图）", "各省级行政区的申请、登记和有效证书（条形图）", "各行业门类的申请、登记和有效证书（条形图）", "各状态的质押笔数（条形图）" })
        {
            await Expect(page.GetByRole(AriaRole.Img, new() { Name = chart })).ToBeVisibleAsync();
        }

        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "按省级行政区（GB/T 2260 代码前两位）" })).ToContainTextAsync("广东省");
        await journey.StepAsync("statistics-01-page");

        // A CSV file as Excel gets it: UTF-8 with a byte-order mark, the header row in stable English keys.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "下载 CSV：按登记机构", Exact = true }).ClickAsync());
        var path = await download.PathAsync();
        var bytes = await File.ReadAllBytesAsync(path!);
        Assert.Equal("statistics-bodies.csv", download.SuggestedFilename);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.StartsWith("bodyCode,name,nameEn,regionCode,applications,registrations,validCertificates,licences,transfers\r\n", text, StringComparison.Ordinal);
        Assert.Contains("4403,深圳市市场监督管理局", text, StringComparison.Ordinal);

        await page.GetByLabel("登记机构", new() { Exact = true }).SelectOptionAsync("4403");
        await page.GetByLabel("起始月份", new() { Exact = true }).FillAsync("2024-13");
        await page.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
        var summary = page.GetByRole(AriaRole.Alert);
        await Expect(summary).ToContainTextAsync("月份须在 2000-01 至 2099-12 之间。");
        await journey.StepAsync("statistics-02-error", switchLanguage: false);
        await summary.GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(page.GetByLabel("起始月份", new() { Exact = true })).ToBeFocusedAsync();
        await page.GetByLabel("起始月份", new() { Exact = true }).FillAsync("2024-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "各登记机构的申请、登记、有效证书、许可和转让" }).GetByRole(AriaRole.Row)).ToHaveCountAsync(2);
        await journey.StepAsync("statistics-03-filtered");
    }
}

/// <summary><see cref="StatisticsJourneyTests"/> on SQLite.</summary>
public sealed class StatisticsJourneyOnSqliteTests(DemoRegistry registry, Chromium chromium)
    : StatisticsJourneyTests(registry, chromium), IClassFixture<DemoRegistry>;

/// <summary><see cref="StatisticsJourneyTests"/> on PostgreSQL.</summary>
public sealed class StatisticsJourneyOnPostgresTests(PostgresDemoRegistry registry, Chromium chromium)
    : StatisticsJourneyTests(registry, chromium), IClassFixture<PostgresDemoRegistry>;
