using System.Net;
using DataIp.Data;
using DataIp.Testing;
using DataIp.Web.Demo;
using DataIp.Web.Tests.Infrastructure;

namespace DataIp.Web.Tests.Pages;

/// <summary>
/// /admin/bodies on the demo, on SQLite and PostgreSQL: the national administrator adds a body and
/// changes its policy through the forms, which run the API's use case (the API then shows both);
/// a bad value is a form error linked from the summary, with what was typed kept, and writes nothing.
/// </summary>
public sealed class AdminBodiesPageTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task AddBodyThenPolicy_ThroughTheForms_AreActsTheApiShows(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider, DateTimeOffset.UtcNow, demo: true);
        var admin = await platform.SignedInAsync(DemoSeeder.AdministratorEmail, DemoSeeder.Password);
        var anyone = platform.CreateClient();

        var start = await admin.GetStringAsync("/admin");
        using var added = await AdminForm.PostAsync(admin, "/admin/bodies", new Dictionary<string, string>
        {
            ["RegionCode"] = "659001",
            ["Code"] = "",
            ["Name"] = "石河子市数据知识产权登记中心",
            ["NameEn"] = "Shihezi Data IP Registry",
        });
        var addedPage = await admin.GetStringAsync(added.RedirectTarget());
        var list = await admin.GetStringAsync("/admin/bodies");
        var before = await AdminForm.ActsAsync(platform);
        using var bad = await AdminForm.PostAsync(admin, "/admin/bodies/6590", Policy("abc", "20"));
        var badHtml = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        var afterBad = await AdminForm.ActsAsync(platform);
        using var changed = await AdminForm.PostAsync(admin, "/admin/bodies/6590", Policy("15", "20"));
        var changedPage = await admin.GetStringAsync(changed.RedirectTarget());
        var body = await anyone.GetAsync("/api/v1/bodies/6590").OkAsync();

        Assert.Contains("href=\"/admin/bodies\"", start);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.StartsWith("/admin/done/", added.RedirectTarget(), StringComparison.Ordinal);
        Assert.Contains("<h1>新增登记机构</h1>", addedPage);
        Assert.Contains("data-body=\"6590\"", list);
        Assert.Contains("href=\"/admin/bodies/6590\"", list);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("<a href=\"#notice-length\">公示期长度须为 1 至 90 的整数。</a>", badHtml);
        Assert.Contains("name=\"CorrectionLength\" type=\"number\" value=\"20\"", badHtml);
        Assert.Equal(before, afterBad);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Contains("<h1>修改登记机构规则</h1>", changedPage);
        Assert.Equal("石河子市数据知识产权登记中心", body.Str("name"));
        Assert.Equal(15, body.GetProperty("policy").GetProperty("noticeLength").GetInt32());
        Assert.Equal(20, body.GetProperty("policy").GetProperty("correctionLength").GetInt32());
        Assert.True(body.GetProperty("policy").GetProperty("substantiveExamination").GetBoolean());
    }

    [Fact]
    public async Task AddBody_TakenCodeAndNoName_AreFormErrorsAndWriteNothing()
    {
        await using var platform = await RegistryFactory.StartAsync(DatabaseProvider.Sqlite, DateTimeOffset.UtcNow, demo: true);
        var admin = await platform.SignedInAsync(DemoSeeder.AdministratorEmail, DemoSeeder.Password);
        var before = await AdminForm.ActsAsync(platform);

        using var refused = await AdminForm.PostAsync(admin, "/admin/bodies", new Dictionary<string, string> { ["RegionCode"] = "440300", ["Name"] = " " });
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("<title>错误：", html);
        Assert.Contains("<a href=\"#code\">机构代码须为 4 位数字，且不能与已有机构相同。</a>", html);
        Assert.Contains("<a href=\"#name\">请填写机构的中文名称（不超过 100 字）。</a>", html);
        Assert.Contains("value=\"440300\"", html);
        Assert.Equal(before, await AdminForm.ActsAsync(platform));
    }

    private static Dictionary<string, string> Policy(string noticeLength, string correctionLength) => new()
    {
        ["NoticeLength"] = noticeLength,
        ["NoticeUnit"] = "WorkingDays",
        ["SubstantiveExamination"] = "true",
        ["CorrectionLength"] = correctionLength,
        ["CorrectionUnit"] = "CalendarDays",
        ["ValidityYears"] = "3",
        ["RenewalWindowDays"] = "90",
    };
}
