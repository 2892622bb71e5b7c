using DataIp.Data;
using DataIp.Testing;
using DataIp.Web.Tests.Infrastructure;

namespace DataIp.Web.Tests.Pages;

/// <summary>
/// The applications page applies the same visibility rule as <c>GET /api/v1/applications</c>, on
/// SQLite and on PostgreSQL: an applicant sees its own drafts, nobody else sees them.
/// </summary>
public sealed class ApplicationsPageTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Applications_SignedIn_ShowWhatTheApiShows(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider);
        var (first, second) = ($"first.{Guid.NewGuid():N}@test.dataip.cn", $"second.{Guid.NewGuid():N}@test.dataip.cn");
        var firstApi = await platform.ApplicantAsync(first);
        var secondApi = await platform.ApplicantAsync(second);
        await firstApi.PostJsonAsync("/api/v1/applications", new { bodyCode = "4400", content = TestContent.Complete("城市公交刷卡数据集") }).OkAsync();
        await secondApi.PostJsonAsync("/api/v1/applications", new { bodyCode = "4403", content = TestContent.Complete("港口集装箱吞吐数据集") }).OkAsync();
        var examiner = $"examiner.{Guid.NewGuid():N}@test.dataip.cn";
        await platform.ExaminerAsync("4400", examiner);

        var firstPage = await (await platform.SignedInAsync(first)).GetStringAsync("/applications");
        var examinerPage = await (await platform.SignedInAsync(examiner)).GetStringAsync("/applications");
        var firstListed = await firstApi.GetAsync("/api/v1/applications").OkAsync();

        Assert.Contains("<h1>我的申请</h1>", firstPage);
        Assert.Contains("城市公交刷卡数据集", firstPage);
        Assert.Contains("state-draft\">草稿</span>", firstPage);
        Assert.DoesNotContain("港口集装箱吞吐数据集", firstPage);
        Assert.Equal("城市公交刷卡数据集", Assert.Single(firstListed.EnumerateArray()).Str("dataName"));
        Assert.Contains("本机构的申请", examinerPage);
        Assert.DoesNotContain("城市公交刷卡数据集", examinerPage); // drafts are private to the applicant
    }

    [Fact]
    public async Task Home_SignedInExaminer_SaysWhoAndWhichBody()
    {
        await using var platform = await RegistryFactory.StartAsync(DatabaseProvider.Sqlite);
        var examiner = $"examiner.{Guid.NewGuid():N}@test.dataip.cn";
        await platform.ExaminerAsync("4400", examiner);

        var home = await (await platform.SignedInAsync(examiner)).GetStringAsync("/");

        Assert.Contains("审查员 4400", home);
        Assert.Contains("<dd>审查员</dd>", home);
        Assert.Contains("广东省知识产权局", home);
        Assert.Contains(examiner, home);
    }

    // An application's page, linked from the list: where it stands and every act on it, for its
    // applicant and its body's examiner; a 404 for another applicant and for another body's examiner.
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ApplicationPage_ItsParties_SeeItsHistoryAndStrangersA404(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider);
        var (owner, stranger) = ($"owner.{Guid.NewGuid():N}@test.dataip.cn", $"stranger.{Guid.NewGuid():N}@test.dataip.cn");
        var ownerApi = await platform.ApplicantAsync(owner);
        await platform.ApplicantAsync(stranger);
        var id = await Lifecycle.LifecycleWalkTests.SubmitAsync(ownerApi, "4400");
        var (examiner, otherExaminer) = ($"examiner.{Guid.NewGuid():N}@test.dataip.cn", $"examiner.{Guid.NewGuid():N}@test.dataip.cn");
        var examinerApi = await platform.ExaminerAsync("4400", examiner);
        await platform.ExaminerAsync("1100", otherExaminer);
        await examinerApi.PostJsonAsync($"/api/v1/applications/{id}/examination/start").OkAsync();
        await examinerApi.PostJsonAsync($"/api/v1/applications/{id}/examination/request-correction", new { reason = "请补充数据来源证明。" }).OkAsync();
        var ownerPages = await platform.SignedInAsync(owner);

        var list = await ownerPages.GetStringAsync("/applications");
        var page = await ownerPages.GetStringAsync($"/applications/{id}");
        var english = await ownerPages.GetStringAsync($"/applications/{id}?culture=en");
        var examinerPage = await (await platform.SignedInAsync(examiner)).GetAsync($"/applications/{id}?culture=zh-CN");
        var strangerPage = await (await platform.SignedInAsync(stranger)).GetAsync($"/applications/{id}");
        var otherBodyPage = await (await platform.SignedInAsync(otherExaminer)).GetAsync($"/applications/{id}");

        Assert.Contains($"href=\"/applications/{id}\"", list);
        Assert.Contains("state-correctionrequested\">待补正</span>", page);
        Assert.Contains("请补充数据来源证明。", page);
        foreach (var (type, zh) in new[] { ("createDraft", "起草申请"), ("submit", "提交申请"), ("startExamination", "开始形式审查"), ("requestCorrection", "要求补正") })
        {
            Assert.Contains($"<tr data-act=\"{type}\">", page);
            Assert.Contains($"<th scope=\"row\">{zh}</th>", page);
        }

        Assert.Contains("<th scope=\"row\">Correction requested</th>", english);
        Assert.Equal(System.Net.HttpStatusCode.OK, examinerPage.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, strangerPage.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, otherBodyPage.StatusCode);
        Assert.Contains("<h1>页面不存在</h1>", await strangerPage.Content.ReadAsStringAsync());
    }

    // The list as a work list on the demo: each row says whose move it waits for (from the lifecycle
    // table) and by when; the viewer's own moves come first (an objection to rule on first); a filter by state.
    [Fact]
    public async Task WorkList_Demo_ViewersOwnMovesFirstWithDeadlinesAndAStateFilter()
    {
        await using var platform = await RegistryFactory.StartAsync(DatabaseProvider.Sqlite, DateTimeOffset.UtcNow, demo: true);
        var examiner = await platform.SignedInAsync(Web.Demo.DemoSeeder.ExaminerEmail("4403"), Web.Demo.DemoSeeder.Password);
        var applicant = await platform.SignedInAsync(Web.Demo.DemoSeeder.Applicants[0].Email, Web.Demo.DemoSeeder.Password);
        var admin = await platform.SignedInAsync(Web.Demo.DemoSeeder.AdministratorEmail, Web.Demo.DemoSeeder.Password);

        var examinerRows = Rows(await examiner.GetStringAsync("/applications"));
        var applicantRows = Rows(await applicant.GetStringAsync("/applications"));
        var filtered = Rows(await admin.GetStringAsync("/applications?state=PublicNotice&body=4400"));
        var everything = await admin.GetStringAsync("/applications");

        Assert.Equal("Examiner", examinerRows[0].Move);
        Assert.Contains("物流园区车辆轨迹数据集", examinerRows[0].Html); // under objection review: an objection to rule on
        Assert.Contains("1 件未决异议", examinerRows[0].Html);
        Assert.True(IsSorted(examinerRows.Select(r => r.Move == "Examiner" ? 0 : 1)), string.Join(", ", examinerRows.Select(r => r.Move)));
        Assert.Equal("Applicant", applicantRows[0].Move); // the correction it owes, with its last day
        Assert.Matches("\\d{4}年\\d{1,2}月\\d{1,2}日", applicantRows[0].Html);
        Assert.Equal("互联网医院问诊数据集", Assert.Single(filtered).Name);
        Assert.Contains("<select id=\"body\" name=\"body\">", everything); // a national administrator filters by body too
    }

    private sealed record Row(string Move, string Name, string Html);

    private static List<Row> Rows(string html) =>
        [.. System.Text.RegularExpressions.Regex.Matches(html, "<tr data-move=\"(\\w+)\">(.*?)</tr>", System.Text.RegularExpressions.RegexOptions.Singleline)
            .Select(m => new Row(m.Groups[1].Value, System.Text.RegularExpressions.Regex.Match(m.Groups[2].Value, "<a href=\"/applications/[^\"]+\">([^<]+)</a>").Groups[1].Value, m.Groups[2].Value))];

    private static bool IsSorted(IEnumerable<int> keys) => keys.Zip(keys.Skip(1)).All(p => p.First <= p.Second);
}
