using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using DataIp.Data;
using DataIp.Testing;
using DataIp.Web.Features.Statistics;
using DataIp.Web.Tests.Infrastructure;
using DataIp.Web.Tests.Pages;

namespace DataIp.Web.Tests.Statistics;

/// <summary>
/// The public statistics page: every chart (an SVG image named by its title) beside its table and
/// CSV link, in both languages, reached from the home page; a refused filter is a form error.
/// </summary>
public sealed class StatisticsPageTests
{
    private static readonly string[] Charts = ["chart-months", "chart-provinces", "chart-industries", "chart-pledges", "chart-times"];

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Page_BothLanguages_EveryChartTableAndCsvLink(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider, DateTimeOffset.UtcNow, demo: true);
        await GeneratedHistory.WriteAsync(platform);
        var anyone = platform.CookieClient();
        var view = (await anyone.GetFromJsonAsync<StatisticsView>("/api/v1/statistics", RegistryFactory.Json))!;

        var home = await anyone.GetStringAsync("/");
        Assert.Contains("href=\"/statistics\"", home, StringComparison.Ordinal);
        foreach (var (culture, title) in new[] { ("zh-CN", "登记统计"), ("en", "Statistics of the register") })
        {
            var response = await anyone.GetAsync($"/statistics?culture={culture}");
            var html = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains($"<h1>{title}</h1>", html, StringComparison.Ordinal);
            foreach (var chart in Charts)
            {
                Assert.Matches($"<svg class=\"chart\" id=\"{chart}\" role=\"img\" aria-labelledby=\"{chart}-title\" viewBox=\"0 0 \\d+ \\d+\"[^>]*><title id=\"{chart}-title\">[^<]+</title>", html);
            }

            foreach (var table in StatisticsTables.All)
            {
                Assert.Contains($"<table id=\"table-{table.Name}\">", html, StringComparison.Ordinal);
                Assert.Contains($"href=\"/statistics/{table.Name}.csv\"", html, StringComparison.Ordinal);
            }

            Assert.DoesNotContain("style=", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(view.Totals.Applications, Figure(html, "applications"));
            Assert.Equal(view.Totals.ValidCertificates, Figure(html, "validCertificates"));
            // A bar for every month with applications, and each month a row of the table.
            Assert.Equal(view.ByMonth.Count, Regex.Count(html, "<tr><th scope=\"row\" class=\"code\">\\d{4}-\\d{2}</th>"));
        }

        var english = await anyone.GetStringAsync("/statistics?culture=en");
        Assert.Contains("Information transmission, software and information technology services", english, StringComparison.Ordinal);
        Assert.Contains("Guangdong", english, StringComparison.Ordinal);
        var chinese = await anyone.GetStringAsync("/statistics?culture=zh-CN");
        Assert.Contains("信息传输、软件和信息技术服务业", chinese, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Page_RefusedFilter_ErrorSummaryLinksTheFieldAndKeepsTheValues(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider, DateTimeOffset.UtcNow, demo: true);
        var anyone = platform.CookieClient();

        var response = await anyone.GetAsync("/statistics?from=2025-13&to=2025-02&body=4403");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<title>错误：", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#stats-from\">月份须在 2000-01 至 2099-12 之间。</a>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"2025-13\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"2025-02\"", html, StringComparison.Ordinal);
        Assert.Matches("<option value=\"4403\" selected=\"selected\">", html);
        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("chart-months", html, StringComparison.Ordinal);

        var reversed = await (await anyone.GetAsync("/statistics?from=2025-09&to=2025-02&culture=en")).Content.ReadAsStringAsync();
        Assert.Contains("<a href=\"#stats-from\">The first month must not be later than the last month.</a>", reversed, StringComparison.Ordinal);
    }

    private static int Figure(string html, string name)
    {
        var match = Regex.Match(html, $"data-figure=\"{name}\"><dt>[^<]*</dt><dd>([\\d,]+)</dd>");
        Assert.True(match.Success, name);
        return int.Parse(match.Groups[1].Value.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
    }
}
