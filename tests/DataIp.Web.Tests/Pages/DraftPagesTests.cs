using System.Globalization;
using System.Net;
using DataIp.Data;
using DataIp.Testing;
using DataIp.Web.Demo;
using DataIp.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DataIp.Web.Tests.Pages.DraftForms;

namespace DataIp.Web.Tests.Pages;

/// <summary>
/// The applicant's application in the pages (/applications/new, the task list, a page per section,
/// check your answers), on SQLite and PostgreSQL: drafted over several sittings with a real
/// fingerprint manifest and an attachment, submitted through the same use case as the API; bad
/// input is a form error that writes nothing; a stale save is refused; strangers get 404 (or the
/// sign-in page); and a correction is answered on the same pages.
/// </summary>
public sealed class DraftPagesTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Applicant_DraftsEverySectionOverSittings_SubmitsAndTheApiShowsIt(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider);
        var email = $"applicant.{Guid.NewGuid():N}@test.dataip.cn";
        var api = await platform.ApplicantAsync(email);
        var (manifest, root) = Manifest(platform.Clock);
        var endDate = DateOnly.FromDateTime(platform.Clock.GetUtcNow().UtcDateTime).AddYears(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        // First sitting: start the application and give the applicant.
        var first = await platform.SignedInAsync(email);
        var list = await first.GetStringAsync("/applications");
        using var created = await PostAsync(first, "/applications/new", new() { ["BodyCode"] = "4403", ["DataName"] = "城市停车泊位数据集" }, "/applications/new");
        var id = Guid.Parse(created.RedirectTarget().Split('/')[2]);
        var fresh = Statuses(await first.GetStringAsync($"/applications/{id}/draft"));
        using var applicant = await SaveAsync(first, id, "applicant", new()
        {
            ["Fields.Name"] = TestContent.ApplicantName,
            ["Fields.RegistrantType"] = "Enterprise",
            ["Fields.CreditCode"] = TestContent.CreditCode,
            ["Fields.RegionCode"] = "440300",
            ["Fields.Address"] = "深圳市福田区深南大道 1 号",
            ["Fields.ContactPerson"] = "王芳",
            ["Fields.ContactPhone"] = "0755-8888 8888",
            ["Fields.ContactEmail"] = "wangfang@example.cn",
        });

        // Second sitting, signed in afresh: the draft is where it was left.
        var second = await platform.SignedInAsync(email);
        var resumed = Statuses(await second.GetStringAsync($"/applications/{id}/draft"));
        var saves = new List<HttpResponseMessage>
        {
            await SaveAsync(second, id, "description", new()
            {
                ["Fields.DataName"] = "城市停车泊位数据集", ["Fields.IndustryCode"] = "i65", ["Fields.DataFormat"] = "csv",
                ["Fields.Structure[0].Name"] = "berth_id", ["Fields.Structure[0].Type"] = "string", ["Fields.Structure[0].Description"] = "泊位编号",
                ["Fields.Structure[1].Name"] = "", ["Fields.Records"] = "1,200,000", ["Fields.Bytes"] = "300000000", ["Fields.UpdateFrequency"] = "Daily",
                ["Fields.ProcessingRules"] = "按 5 分钟聚合泊位占用。", ["Fields.InnovationStatement"] = "融合地磁与视频数据。", ["Fields.ProductSummary"] = "城市停车诱导数据产品。",
            }),
            await SaveAsync(second, id, "source", new() { ["Fields.DataSourceType"] = "Authorised", ["Fields.DataSourceDescription"] = "经市交通局授权采集。" },
                new Upload("SourceFile", "授权书.pdf", "%PDF-1.4\n%authorisation\n"u8.ToArray())),
            await SaveAsync(second, id, "scenarios", new() { ["Fields.Scenarios"] = "停车诱导\n\n城市交通规划\n" }),
            await SaveAsync(second, id, "rights", new()
            {
                ["Fields.Rights[0].Right"] = "Holding", ["Fields.Rights[0].Claimed"] = "true", ["Fields.Rights[0].Basis"] = "Authorised",
                ["Fields.Rights[0].AgreementReference"] = "SZJT-2025-018", ["Fields.Rights[0].AgreementEndDate"] = endDate,
                ["Fields.Rights[1].Right"] = "ProcessingAndUse", ["Fields.Rights[1].Claimed"] = "true", ["Fields.Rights[1].Basis"] = "SelfGenerated",
                ["Fields.Rights[2].Right"] = "ProductOperation",
            }),
        };

        // Third sitting: the evidence and the declarations, then check and submit.
        var third = await platform.SignedInAsync(email);
        saves.Add(await SaveAsync(third, id, "evidence", new() { ["Fields.EvidenceReference"] = "BQ-2025-0001" },
            new Upload("Manifest", "manifest.json", manifest), new Upload("SampleFile", "sample.csv", "berth_id,occupied\nA1,1\n"u8.ToArray())));
        saves.Add(await SaveAsync(third, id, "declarations", new() { ["Fields.LawfulSource"] = "true", ["Fields.Authenticity"] = "true", ["Fields.PersonalInformation"] = "None" }));
        foreach (var s in saves)
        {
            Assert.True(s.StatusCode == HttpStatusCode.Redirect, $"{s.RequestMessage!.RequestUri}: {(int)s.StatusCode} {ErrorSummary(await s.Content.ReadAsStringAsync())}");
        }

        var statuses = Statuses(await third.GetStringAsync($"/applications/{id}/draft"));
        var evidencePage = await third.GetStringAsync($"/applications/{id}/draft/evidence");
        var check = await third.GetStringAsync($"/applications/{id}/draft/check");
        using var submitted = await PostAsync(third, $"/applications/{id}/draft/check", [], $"/applications/{id}/draft/check");
        Assert.True(submitted.StatusCode == HttpStatusCode.Redirect, WebUtility.HtmlDecode(await submitted.Content.ReadAsStringAsync()));
        var done = await third.GetStringAsync(submitted.RedirectTarget());
        var view = await api.GetAsync($"/api/v1/applications/{id}").OkAsync();
        var after = await third.GetAsync($"/applications/{id}/draft");

        Assert.Contains("href=\"/applications/new\"", list);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("未开始", fresh["applicant"]);
        Assert.Equal("进行中", fresh["description"]); // the data name is given
        Assert.Equal("可选，未填写", fresh["co-applicants"]);
        Assert.Equal(HttpStatusCode.Redirect, applicant.StatusCode);
        Assert.Equal($"/applications/{id}/draft", applicant.RedirectTarget());
        Assert.Equal("已完成", resumed["applicant"]);
        Assert.All(saves, s => Assert.Equal(HttpStatusCode.Redirect, s.StatusCode));
        Assert.All(["applicant", "description", "source", "scenarios", "rights", "evidence", "declarations"], s => Assert.Equal("已完成", statuses[s]));
        Assert.Contains("dataip fingerprint", evidencePage);
        Assert.Contains(root, evidencePage);
        Assert.Contains("sample.csv", evidencePage);
        Assert.DoesNotContain("提交前还有", check);
        Assert.Contains($"href=\"/applications/{id}/draft/rights\">修改", check);
        Assert.Contains("授权书.pdf", check);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Matches($"^/applications/{id}/done/[0-9a-f-]{{36}}$", submitted.RedirectTarget());
        Assert.Contains("<h1>提交申请</h1>", done);
        Assert.Equal("submitted", view.Str("state"));
        var content = view.GetProperty("content");
        Assert.Equal(root, content.GetProperty("evidence").GetProperty("fingerprint").GetProperty("root").GetString());
        Assert.Equal("dataip-fingerprint", content.GetProperty("evidence").GetProperty("fingerprint").GetProperty("format").GetString());
        Assert.Equal("I65", content.GetProperty("dataObject").GetProperty("industryCode").GetString());
        Assert.Equal(1_200_000, content.GetProperty("dataObject").GetProperty("scale").GetProperty("records").GetInt64());
        Assert.Equal(["停车诱导", "城市交通规划"], content.GetProperty("dataObject").GetProperty("applicationScenarios").EnumerateArray().Select(e => e.GetString()));
        Assert.Single(content.GetProperty("dataObject").GetProperty("structure").EnumerateArray());
        Assert.Single(content.GetProperty("dataObject").GetProperty("sourceProofAttachmentIds").EnumerateArray());
        Assert.Single(content.GetProperty("dataObject").GetProperty("sampleAttachmentIds").EnumerateArray());
        Assert.Equal(endDate, content.GetProperty("rightsClaimed")[0].GetProperty("agreementEndDate").GetString());
        Assert.Equal("0755-8888 8888", content.GetProperty("applicant").GetProperty("contact").GetProperty("phone").GetString());
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode); // submitted: no longer a draft to edit
        Assert.Equal($"/applications/{id}", after.RedirectTarget());
        foreach (var s in saves)
        {
            s.Dispose();
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task BadInput_ErrorSummaryLinksToFieldsKeepsValues_WritesNothing(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider);
        var email = $"applicant.{Guid.NewGuid():N}@test.dataip.cn";
        await platform.ApplicantAsync(email);
        var client = await platform.SignedInAsync(email);
        using var missing = await PostAsync(client, "/applications/new", new() { ["BodyCode"] = "9999", ["DataName"] = " " }, "/applications/new");
        var missingHtml = WebUtility.HtmlDecode(await missing.Content.ReadAsStringAsync());
        using var created = await PostAsync(client, "/applications/new", new() { ["BodyCode"] = "4400", ["DataName"] = "医保结算数据集" }, "/applications/new");
        var id = Guid.Parse(created.RedirectTarget().Split('/')[2]);
        var before = await ActsAsync(platform);
        var staleHtml = await client.GetStringAsync($"/applications/{id}/draft/scenarios");

        using var invalid = await SaveAsync(client, id, "applicant", new()
        {
            ["Fields.Name"] = "测试公司",
            ["Fields.CreditCode"] = "91350100M000100Y44",
            ["Fields.RegionCode"] = "990000",
            ["Fields.ContactEmail"] = "not-an-address",
        });
        var invalidHtml = WebUtility.HtmlDecode(await invalid.Content.ReadAsStringAsync());
        using var unreadable = await SaveAsync(client, id, "description", new() { ["Fields.Records"] = "很多", ["Fields.UpdateFrequency"] = "Hourly" });
        var unreadableHtml = WebUtility.HtmlDecode(await unreadable.Content.ReadAsStringAsync());
        using var notManifest = await SaveAsync(client, id, "evidence", [], new Upload("Manifest", "manifest.json", "{\"format\":\"other\"}"u8.ToArray()));
        var notManifestHtml = WebUtility.HtmlDecode(await notManifest.Content.ReadAsStringAsync());
        using var wrongType = await SaveAsync(client, id, "source", [], new Upload("SourceFile", "proof.pdf", "just text, not a PDF"u8.ToArray()));
        var wrongTypeHtml = WebUtility.HtmlDecode(await wrongType.Content.ReadAsStringAsync());
        var unchanged = await ActsAsync(platform);

        // A save made meanwhile (another window): the older page's save is refused, and nothing is lost.
        using var saved = await SaveAsync(client, id, "scenarios", new() { ["Fields.Scenarios"] = "医保控费" });
        using var stale = await SaveAsync(client, id, "scenarios", new() { ["Fields.Scenarios"] = "药品监管", ["Fields.Version"] = System.Text.RegularExpressions.Regex.Match(staleHtml, "name=\"Fields.Version\" value=\"(\\d+)\"").Groups[1].Value });
        var staleAnswer = WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync());
        var scenarios = await client.GetStringAsync($"/applications/{id}/draft/scenarios");

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("<a href=\"#body\">请选择登记机构。</a>", missingHtml);
        Assert.Contains("<a href=\"#data-name\">请填写数据名称。</a>", missingHtml);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("<title>错误：", invalidHtml);
        Assert.Contains("<a href=\"#applicant-creditCode\">统一社会信用代码不符合要求：", invalidHtml);
        Assert.Contains("<a href=\"#applicant-regionCode\">", invalidHtml);
        Assert.Contains("<a href=\"#applicant-contact-email\">", invalidHtml);
        Assert.Contains("value=\"91350100M000100Y44\"", invalidHtml);
        Assert.Contains("value=\"not-an-address\"", invalidHtml);
        Assert.Contains("id=\"applicant-creditCode-error\"", invalidHtml);
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
        Assert.Contains("<a href=\"#dataObject-scale-records\">请填写整数", unreadableHtml);
        Assert.Contains("<a href=\"#dataObject-updateFrequency\">请从列表中选择。</a>", unreadableHtml);
        Assert.Contains("value=\"很多\"", unreadableHtml);
        Assert.Equal(HttpStatusCode.BadRequest, notManifest.StatusCode);
        Assert.Contains("<a href=\"#evidence-manifest\">上传的文件不是 dataip fingerprint 生成的清单文件", notManifestHtml);
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Contains("<a href=\"#source-file\">文件未能上传：", wrongTypeHtml);
        Assert.Equal(before, unchanged);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("申请已在别处被修改", staleAnswer);
        Assert.Contains("药品监管", staleAnswer); // what was typed is kept
        Assert.Contains("医保控费", scenarios); // what was saved meanwhile is not overwritten
        Assert.Equal(unchanged + 1, await ActsAsync(platform));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Strangers_EveryDraftPageAndPost_NotFoundOrSignIn_NothingWritten(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider);
        var email = $"applicant.{Guid.NewGuid():N}@test.dataip.cn";
        await platform.ApplicantAsync(email);
        var owner = await platform.SignedInAsync(email);
        using var created = await PostAsync(owner, "/applications/new", new() { ["BodyCode"] = "4403", ["DataName"] = "港口集装箱数据集" }, "/applications/new");
        var id = Guid.Parse(created.RedirectTarget().Split('/')[2]);
        var (otherEmail, examinerEmail) = ($"other.{Guid.NewGuid():N}@test.dataip.cn", $"examiner.{Guid.NewGuid():N}@test.dataip.cn");
        await platform.ApplicantAsync(otherEmail);
        await platform.ExaminerAsync("4403", examinerEmail);
        var strangers = new (string Who, HttpClient Client, string TokenFrom)[]
        {
            ("another applicant", await platform.SignedInAsync(otherEmail), "/applications"),
            ("the body's examiner", await platform.SignedInAsync(examinerEmail), "/applications"),
            ("anonymous", platform.CookieClient(), "/account/sign-in"),
        };
        var pages = new[] { "", "/check" }.Concat(Web.Pages.Drafts.DraftSections.All.Select(s => "/" + Web.Pages.Drafts.DraftSections.Slug(s))).Select(p => $"/applications/{id}/draft{p}").ToList();
        var before = await ActsAsync(platform);
        var failures = new List<string>();

        foreach (var (who, client, tokenFrom) in strangers)
        {
            var expected = who == "anonymous" ? HttpStatusCode.Redirect : HttpStatusCode.NotFound;
            foreach (var page in pages)
            {
                using var get = await client.GetAsync(page);
                using var post = await PostAsync(client, page, new() { ["Fields.Scenarios"] = "冒充", ["Fields.Version"] = "1" }, tokenFrom);
                foreach (var (method, response) in new[] { ("GET", get), ("POST", post) })
                {
                    if (response.StatusCode != expected || (expected == HttpStatusCode.Redirect && !response.RedirectTarget().StartsWith("/account/sign-in", StringComparison.Ordinal)))
                    {
                        failures.Add($"{who} {method} {page}: {(int)response.StatusCode}");
                    }
                }
            }
        }

        using var examinerNew = await strangers[1].Client.GetAsync("/applications/new");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(before, await ActsAsync(platform));
        Assert.Equal(HttpStatusCode.Redirect, examinerNew.StatusCode); // only applicants start applications
        Assert.StartsWith("/account/access-denied", examinerNew.RedirectTarget(), StringComparison.Ordinal);
    }

    // The error summary of a refused form, for a failure's message.
    private static string ErrorSummary(string html)
    {
        var start = html.IndexOf("<div class=\"error-summary\"", StringComparison.Ordinal);
        return start < 0 ? "(no error summary)" : WebUtility.HtmlDecode(html[start..html.IndexOf("</div>", start, StringComparison.Ordinal)]);
    }

    // The demo's applicant 1 owes a correction on 城市共享单车骑行数据集 (body 4403): it is answered on the same pages.
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Applicant_AnswersTheDemoCorrectionRequest_Resubmits(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider, DateTimeOffset.UtcNow, demo: true);
        Guid id;
        DateOnly lastDay;
        string request;
        await using (var scope = platform.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            var app = await db.Applications.SingleAsync(a => a.DataName == "城市共享单车骑行数据集");
            (id, lastDay, request) = (app.Id, app.CorrectionLastDay!.Value, app.CorrectionRequest!);
        }

        var client = await platform.SignedInAsync(DemoSeeder.Applicants[0].Email, DemoSeeder.Password);
        var detail = await client.GetStringAsync($"/applications/{id}");
        var tasks = WebUtility.HtmlDecode(await client.GetStringAsync($"/applications/{id}/draft"));
        var description = await client.GetStringAsync($"/applications/{id}/draft/description");
        var rules = System.Text.RegularExpressions.Regex.Match(WebUtility.HtmlDecode(description), "<textarea id=\"dataObject-processingRules\"[^>]*>([^<]*)</textarea>").Groups[1].Value;
        using var saved = await SaveAsync(client, id, "source", new()
        {
            ["Fields.DataSourceType"] = "SelfGenerated",
            ["Fields.DataSourceDescription"] = "自有共享单车车载定位终端采集，已补充采集说明。",
        });
        var check = await client.GetStringAsync($"/applications/{id}/draft/check");
        using var resubmitted = await PostAsync(client, $"/applications/{id}/draft/check", [], $"/applications/{id}/draft/check");
        var done = await client.GetStringAsync(resubmitted.RedirectTarget());
        var api = await platform.SignInAsync(DemoSeeder.Applicants[0].Email, DemoSeeder.Password);
        var view = await api.GetAsync($"/api/v1/applications/{id}").OkAsync();
        var acts = await api.GetAsync($"/api/v1/applications/{id}/acts").OkAsync();

        Assert.Contains($"href=\"/applications/{id}/draft\">补正申请内容</a>", detail);
        Assert.Contains(request, tasks);
        Assert.Contains(lastDay.ToString("yyyy年M月d日", CultureInfo.InvariantCulture), tasks);
        Assert.Contains("补正申请", tasks);
        Assert.NotEmpty(rules.Trim()); // the stored answers fill the section's page
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains(">提交补正</button>", check);
        Assert.Equal(HttpStatusCode.Redirect, resubmitted.StatusCode);
        Assert.Contains("<h1>补正后重新提交</h1>", done);
        Assert.NotEqual("correctionRequested", view.Str("state"));
        Assert.Equal("自有共享单车车载定位终端采集，已补充采集说明。", view.GetProperty("content").GetProperty("dataObject").GetProperty("dataSourceDescription").GetString());
        Assert.Equal(["updateContent", "resubmit"], acts.EnumerateArray().Select(a => a.Str("type")).TakeLast(2));
    }
}
