using System.Net;
using DataIp.Data;
using DataIp.Testing;
using DataIp.Web.Demo;
using DataIp.Web.Tests.Infrastructure;
using DataIp.Web.Tests.Pages;

namespace DataIp.Web.Tests.PilotImports;

/// <summary>
/// /admin/imports on the demo, on SQLite and PostgreSQL: the administrator uploads a file with bad
/// rows, sees each in a table (line, column, reason), is refused an import that does not skip them
/// (an error linked from the summary, nothing written), imports the good rows by choosing to skip
/// the bad ones, and lands on the confirmation with the counts and links to what was imported.
/// </summary>
public sealed class AdminImportsPageTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task CheckThenImport_ThroughTheForms_ReportsRowsAndImportsTheGoodOnes(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider, DateTimeOffset.UtcNow, demo: true);
        var admin = await platform.SignedInAsync(DemoSeeder.AdministratorEmail, DemoSeeder.Password);
        var before = await AdminForm.ActsAsync(platform);

        var start = await admin.GetStringAsync("/admin");
        using var checkedFile = await CheckAsync(admin, PilotFiles.Mixed);
        var raw = await checkedFile.Content.ReadAsStringAsync();
        var report = WebUtility.HtmlDecode(raw);
        var csv = Hidden(raw, "Csv");
        using var refused = await AdminForm.PostAsync(admin, "/admin/imports?handler=import",
            new Dictionary<string, string> { ["Body"] = PilotFiles.Body, ["FileName"] = "mixed.csv", ["Csv"] = csv }, tokenFrom: "/admin/imports");
        var refusedHtml = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        var afterRefusal = await AdminForm.ActsAsync(platform);
        using var imported = await AdminForm.PostAsync(admin, "/admin/imports?handler=import",
            new Dictionary<string, string> { ["Body"] = PilotFiles.Body, ["FileName"] = "mixed.csv", ["Csv"] = csv, ["SkipErrors"] = "true" }, tokenFrom: "/admin/imports");
        var done = WebUtility.HtmlDecode(await admin.GetStringAsync(imported.RedirectTarget()));

        Assert.Contains("href=\"/admin/imports\"", start);
        Assert.Equal(HttpStatusCode.OK, checkedFile.StatusCode);
        Assert.Contains("可导入 2 行", report);
        Assert.Contains("有问题 5 行", report);
        Assert.Contains("<tr data-line=\"4\">", report);
        Assert.Contains("holder_code", report);
        Assert.Contains("不是有效的统一社会信用代码", report);
        Assert.Equal(before, afterRefusal);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("<title>错误：", refusedHtml);
        Assert.Contains("<a href=\"#skip-errors\">有 5 行有问题，未导入任何行。", refusedHtml);
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        Assert.StartsWith("/admin/imports/done?body=3300", imported.RedirectTarget(), StringComparison.Ordinal);
        Assert.Contains("<h1>试点证书已导入</h1>", done);
        Assert.True(done.Contains("导入 2 件，已导入过 0 件，有问题未导入 5 行", StringComparison.Ordinal), done[done.IndexOf("<main", StringComparison.Ordinal)..]);
        Assert.Contains("浙数知登字〔2023〕第00012号", done);
        Assert.Contains("href=\"/verify/", done);
        Assert.Equal(before + 4, await AdminForm.ActsAsync(platform));
    }

    [Fact]
    public async Task Check_NotUtf8_IsAFileErrorLinkedFromTheSummary()
    {
        await using var platform = await RegistryFactory.StartAsync(DatabaseProvider.Sqlite, DateTimeOffset.UtcNow, demo: true);
        var admin = await platform.SignedInAsync(DemoSeeder.AdministratorEmail, DemoSeeder.Password);

        using var response = await CheckAsync(admin, [0xD5, 0xE3, 0xBD, 0xAD]);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<a href=\"#file\">第 1 行：文件不是 UTF-8 编码", html);
    }

    private static async Task<HttpResponseMessage> CheckAsync(HttpClient client, byte[] file)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await SignInForm.AntiforgeryTokenAsync(client, "/admin/imports")), "__RequestVerificationToken" },
            { new StringContent(PilotFiles.Body), "Body" },
            { new ByteArrayContent(file), "file", "mixed.csv" },
        };
        return await client.PostAsync("/admin/imports?handler=check", form);
    }

    private static string Hidden(string html, string name)
    {
        var marker = $"name=\"{name}\" value=\"";
        var from = html.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        Assert.True(from >= marker.Length, $"no hidden {name}");
        return WebUtility.HtmlDecode(html[from..html.IndexOf('"', from)]);
    }
}
