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
}
