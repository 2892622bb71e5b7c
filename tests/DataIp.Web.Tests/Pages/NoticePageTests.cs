using System.Net;
using DataIp.Data;
using DataIp.Testing;
using DataIp.Web.Demo;
using DataIp.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataIp.Web.Tests.Pages;

/// <summary>
/// A notice's page (/notices/{applicationNumber}) on the demo, on SQLite and PostgreSQL: anyone
/// reads the public record, linked from the list, and objects through the form (the same desk and
/// use case as the API); missing fields are form errors in the summary and write nothing; a filed
/// objection ends on a confirmation, reaches the examiner with the objector's contact, and the
/// contact never appears on a public page.
/// </summary>
public sealed class NoticePageTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Objection_ThroughTheNoticePage_ReachesTheExaminerAndNotThePublic(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider, DateTimeOffset.UtcNow, demo: true);
        var (id, number) = await NoticeAsync(platform);
        var anyone = platform.CookieClient();
        var page = $"/notices/{number}";

        var list = await anyone.GetStringAsync("/notices");
        var englishList = await anyone.GetStringAsync("/notices?culture=en");
        await anyone.GetStringAsync("/notices?culture=zh-CN");
        var before = await ObjectionsAsync(platform);
        using var empty = await PostAsync(anyone, page, name: " ", contact: "", grounds: "");
        var emptyHtml = WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync());
        var afterEmpty = await ObjectionsAsync(platform);
        using var filed = await PostAsync(anyone, page, name: "钱七", contact: "qian7@example.cn", grounds: "该数据集包含本公司采集的数据，权属存在争议。",
            file: ("证据.pdf", "%PDF-1.4\n%objection evidence\n"u8.ToArray()));
        var confirmation = await anyone.GetStringAsync(filed.RedirectTarget());
        var examiner = await platform.SignInAsync(DemoSeeder.ExaminerEmail("4400"), DemoSeeder.Password);
        var objections = await examiner.GetAsync($"/api/v1/applications/{id}/objections").OkAsync();
        var publicPage = await anyone.GetStringAsync(page);

        Assert.Contains($"href=\"/notices/{number}\"", list);
        Assert.Contains("Guangdong Intellectual Property Office", englishList); // the body's English name on an English page
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("<a href=\"#objector-name\">请填写姓名或单位名称。</a>", emptyHtml);
        Assert.Contains("<a href=\"#objector-contact\">请填写电话或邮箱。</a>", emptyHtml);
        Assert.Contains("<a href=\"#grounds\">请说明异议理由。</a>", emptyHtml);
        Assert.Equal(before, afterEmpty);
        Assert.Equal(HttpStatusCode.Redirect, filed.StatusCode);
        Assert.Equal($"/notices/{number}/objection-filed", filed.RedirectTarget());
        Assert.Contains("<h1>异议已提交</h1>", confirmation);
        Assert.Equal(before + 1, await ObjectionsAsync(platform));
        var objection = objections.EnumerateArray().Single(o => o.Str("objectorName") == "钱七");
        Assert.Equal("qian7@example.cn", objection.Str("objectorContact"));
        Assert.DoesNotContain("qian7@example.cn", publicPage);
        Assert.DoesNotContain("qian7@example.cn", confirmation);
        Assert.Equal("objectionReview", (await examiner.GetAsync($"/api/v1/applications/{id}").OkAsync()).Str("state"));
    }

    [Fact]
    public async Task NoticePage_ApplicationNeverUnderNotice_Is404()
    {
        await using var platform = await RegistryFactory.StartAsync(DatabaseProvider.Sqlite, DateTimeOffset.UtcNow, demo: true);
        string submitted;
        await using (var scope = platform.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            submitted = await db.Applications.Where(a => a.State == Domain.Registration.ApplicationState.Submitted).Select(a => a.ApplicationNumber!).FirstAsync();
        }

        using var response = await platform.CookieClient().GetAsync($"/notices/{submitted}");
        using var filed = await platform.CookieClient().GetAsync($"/notices/{submitted}/objection-filed");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, filed.StatusCode);
    }

    // Evidence the store refuses: the page says which file and what would be accepted, in its language
    // (the Chinese file name marked as Chinese on the English page); the API names the file as declared, in English.
    [Fact]
    public async Task Objection_EvidenceOfATypeNotAllowed_WordedInThePagesLanguage_ApiKeepsItsEnglish()
    {
        await using var platform = await RegistryFactory.StartAsync(DatabaseProvider.Sqlite, DateTimeOffset.UtcNow, demo: true);
        var (_, number) = await NoticeAsync(platform);
        var anyone = platform.CookieClient();
        var page = $"/notices/{number}";
        (string, byte[]) csv = ("证据.csv", "名称,数量\n数据集,3\n"u8.ToArray());
        var before = await ObjectionsAsync(platform);

        using var chinese = await PostAsync(anyone, page, name: "钱七", contact: "qian7@example.cn", grounds: "权属存在争议。", file: csv);
        using var english = await PostAsync(anyone, page + "?culture=en", name: "钱七", contact: "qian7@example.cn", grounds: "权属存在争议。", file: csv);
        var chineseHtml = WebUtility.HtmlDecode(await chinese.Content.ReadAsStringAsync());
        var englishHtml = WebUtility.HtmlDecode(await english.Content.ReadAsStringAsync());
        using var form = new MultipartFormDataContent
        {
            { new StringContent("钱七"), "objectorName" }, { new StringContent("qian7@example.cn"), "objectorContact" }, { new StringContent("权属存在争议。"), "grounds" },
            { new ByteArrayContent(csv.Item2), "files", "证据.csv" },
        };
        var viaApi = await platform.CreateClient().PostAsync($"/api/v1/notices/{number}/objections", form).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(HttpStatusCode.BadRequest, chinese.StatusCode);
        Assert.Contains("<p id=\"files-error\" class=\"field-error\">未能办理：「证据.csv」是 CSV 文件，这里只接受 PDF、PNG或JPEG 文件。</p>", chineseHtml);
        Assert.Contains("<a href=\"#files\">未能办理：「证据.csv」是 CSV 文件", chineseHtml);
        Assert.Equal(HttpStatusCode.BadRequest, english.StatusCode);
        Assert.Contains("“<span lang=\"zh-CN\">证据.csv</span>” is a file of type CSV; only PDF, PNG or JPEG files are accepted here.</p>", englishHtml);
        Assert.Equal("证据.csv: Objection evidence must be PDF, PNG or JPEG; the uploaded file looks like text/csv.", viaApi.GetProperty("errors").GetProperty("files")[0].GetString());
        Assert.Equal(before, await ObjectionsAsync(platform));
    }

    private static async Task<(Guid Id, string Number)> NoticeAsync(RegistryFactory platform)
    {
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var notice = await db.Applications.Where(a => a.State == Domain.Registration.ApplicationState.PublicNotice)
            .Select(a => new { a.Id, a.ApplicationNumber }).SingleAsync();
        return (notice.Id, notice.ApplicationNumber!);
    }

    private static async Task<int> ObjectionsAsync(RegistryFactory platform)
    {
        await using var scope = platform.Scope();
        return await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Objections.CountAsync();
    }

    // Posts the objection form as a browser would: multipart, with the antiforgery token of the page.
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string name, string contact, string grounds, (string Name, byte[] Content)? file = null)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await SignInForm.AntiforgeryTokenAsync(client, page)), "__RequestVerificationToken" },
            { new StringContent(name), "ObjectorName" },
            { new StringContent(contact), "ObjectorContact" },
            { new StringContent(grounds), "Grounds" },
        };
        if (file is { } f)
        {
            form.Add(new ByteArrayContent(f.Content), "Files", f.Name);
        }

        return await client.PostAsync(page, form);
    }
}
