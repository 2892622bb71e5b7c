using System.Net;
using System.Text.RegularExpressions;
using DataIp.Data;
using DataIp.Testing;
using DataIp.Web.Tests.Pages;

namespace DataIp.Web.Tests.Search;

/// <summary>
/// The search page (/search, anyone) on both databases: the results link to their record pages,
/// facet counts stand beside the filters' options, the next page follows the cursor, an empty
/// result gives advice, and a value that cannot be read is a form error (400) with the value kept.
/// </summary>
public sealed partial class SearchPageTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task SearchPage_ResultsFacetsPagesAndErrors(DatabaseProvider provider)
    {
        var search = await SearchPlatform.StartAsync(provider);
        await using var platform = search.Platform;
        var anyone = platform.CookieClient();

        var home = await anyone.GetStringAsync("/");
        var page = WebUtility.HtmlDecode(await anyone.GetStringAsync("/search?q=交通"));
        var english = WebUtility.HtmlDecode(await anyone.GetStringAsync("/search?q=交通&culture=en"));
        await anyone.GetStringAsync("/search?culture=zh-CN");
        var first = WebUtility.HtmlDecode(await anyone.GetStringAsync("/search?q=交通&sort=name&limit=2"));
        var next = NextLink().Match(first).Groups[1].Value;
        var second = WebUtility.HtmlDecode(await anyone.GetStringAsync(next));
        var empty = WebUtility.HtmlDecode(await anyone.GetStringAsync("/search?q=nosuchword"));
        using var refused = await anyone.GetAsync("/search?q=交通&state=sleeping&from=2025-02-30");
        var refusedHtml = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());

        Assert.Contains("action=\"/search\"", home);
        Assert.Contains("href=\"/search\"", home); // the menu
        Assert.Contains("<h1>检索登记簿</h1>", page);
        Assert.Contains("共 3 条结果", page);
        Assert.Contains($"href=\"/registrations/{search.Transit}\"", page);
        Assert.Contains($"href=\"/registrations/{search.Traffic}\"", page);
        Assert.Contains($"href=\"/notices/{search.Notice}\"", page);
        Assert.Matches("<option value=\"4403\"[^>]*>[^<]*（1）</option>", page);
        Assert.Matches("<option value=\"4400\"[^>]*>[^<]*（2）</option>", page);
        Assert.Matches("<option value=\"registered\"[^>]*>[^<]*（2）</option>", page);
        Assert.Matches("<option value=\"publicNotice\"[^>]*>[^<]*（1）</option>", page);
        Assert.Contains("3 results", english);
        Assert.Matches("<option value=\"4403\"[^>]*>[^<]* \\(1\\)</option>", english);
        Assert.Equal(2, Rows().Count(first));
        Assert.Equal(1, Rows().Count(second));
        Assert.DoesNotContain("rel=\"next\"", second);
        Assert.Contains("value=\"交通\"", second); // the words kept on the next page
        Assert.Contains("没有找到符合条件的登记或公示。", empty);
        Assert.Contains("两个汉字即可", empty);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("<title>错误：", refusedHtml);
        Assert.Contains("<a href=\"#state\">", refusedHtml);
        Assert.Contains("<a href=\"#from\">", refusedHtml);
        Assert.Contains("value=\"2025-02-30\"", refusedHtml);
        Assert.Contains("value=\"交通\"", refusedHtml);
    }

    [GeneratedRegex("<a rel=\"next\" href=\"([^\"]+)\"")]
    private static partial Regex NextLink();

    [GeneratedRegex("<th scope=\"row\"><a href=\"/(registrations|notices)/")]
    private static partial Regex Rows();
}
