using System.Net;
using DataIp.Data;
using DataIp.Testing;
using DataIp.Web.Tests.Infrastructure;
using DataIp.Web.Tests.Lifecycle;

namespace DataIp.Web.Tests.Api;

/// <summary>
/// Authorization is a relation, not a role: each act tried by a stranger of the same role (another
/// applicant, another body's examiner) next to the rightful party.
/// </summary>
public sealed class RelationTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Withdraw_AnotherApplicantDuringNoticeAndObjectionReview_RefusedAndNothingWritten(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider);
        var owner = await platform.ApplicantAsync();
        var stranger = await platform.ApplicantAsync();
        var examiner = await platform.ExaminerAsync("4400");
        var id = await ToNoticeAsync(owner, examiner, "4400");
        var number = (await owner.GetAsync($"/api/v1/applications/{id}").OkAsync()).Str("applicationNumber");

        await stranger.PostJsonAsync($"/api/v1/applications/{id}/withdraw", new { reason = "不想要了" }).ProblemAsync(HttpStatusCode.Forbidden);
        await LifecycleWalkTests.FileObjectionAsync(platform, number).OkAsync();
        var acts = await ActCountAsync(owner, id);
        await stranger.PostJsonAsync($"/api/v1/applications/{id}/withdraw", new { reason = "不想要了" }).ProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal("objectionReview", (await owner.GetAsync($"/api/v1/applications/{id}").OkAsync()).Str("state"));
        Assert.Equal(acts, await ActCountAsync(owner, id));
        var withdrawn = await owner.PostJsonAsync($"/api/v1/applications/{id}/withdraw", new { reason = "主动撤回" }).OkAsync();
        Assert.Equal("withdrawn", withdrawn.Str("state"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ObjectionRulingAndRegistration_ExaminerOfAnotherBody_Refused(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider);
        var applicant = await platform.ApplicantAsync();
        var shenzhen = await platform.ExaminerAsync("4403");
        var guangdong = await platform.ExaminerAsync("4400");
        var id = await ToNoticeAsync(applicant, shenzhen, "4403");
        var number = (await applicant.GetAsync($"/api/v1/applications/{id}").OkAsync()).Str("applicationNumber");
        await LifecycleWalkTests.FileObjectionAsync(platform, number).OkAsync();
        var objection = (await shenzhen.GetAsync($"/api/v1/applications/{id}/objections").OkAsync())[0].Str("id");
        var acts = await ActCountAsync(applicant, id);

        await guangdong.PostJsonAsync($"/api/v1/objections/{objection}/uphold", new { reason = "异议成立" }).ProblemAsync(HttpStatusCode.Forbidden);
        await guangdong.PostJsonAsync($"/api/v1/objections/{objection}/dismiss", new { reason = "异议不成立" }).ProblemAsync(HttpStatusCode.Forbidden);
        await guangdong.GetAsync($"/api/v1/applications/{id}/objections").ProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(acts, await ActCountAsync(applicant, id));
        Assert.Equal("objectionReview", (await applicant.GetAsync($"/api/v1/applications/{id}").OkAsync()).Str("state"));
        await shenzhen.PostJsonAsync($"/api/v1/objections/{objection}/dismiss", new { reason = "异议不成立" }).OkAsync();
        await platform.SetTimeAsync(LifecycleWalkTests.At(2025, 10, 20, 9));
        await guangdong.PostJsonAsync($"/api/v1/applications/{id}/register").ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("registered", (await shenzhen.PostJsonAsync($"/api/v1/applications/{id}/register").OkAsync()).Str("state"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Acts_ObjectorsContact_ShownToTheBodysExaminersOnly(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider);
        var applicant = await platform.ApplicantAsync();
        var examiner = await platform.ExaminerAsync("4400");
        var id = await ToNoticeAsync(applicant, examiner, "4400");
        var number = (await applicant.GetAsync($"/api/v1/applications/{id}").OkAsync()).Str("applicationNumber");

        await LifecycleWalkTests.FileObjectionAsync(platform, number).OkAsync();
        var seenByApplicant = await FileObjectionPayloadAsync(applicant, id);
        var seenByExaminer = await FileObjectionPayloadAsync(examiner, id);

        Assert.Equal("赵六", seenByApplicant.Str("objectorName"));
        Assert.False(seenByApplicant.TryGetProperty("objectorContact", out _), seenByApplicant.ToString());
        Assert.DoesNotContain("zhao@example.cn", (await applicant.GetAsync($"/api/v1/applications/{id}/acts").OkAsync()).ToString(), StringComparison.Ordinal);
        Assert.Equal("zhao@example.cn", seenByExaminer.Str("objectorContact"));
    }

    private static async Task<string> ToNoticeAsync(HttpClient applicant, HttpClient examiner, string bodyCode)
    {
        var id = await LifecycleWalkTests.SubmitAsync(applicant, bodyCode);
        await examiner.PostJsonAsync($"/api/v1/applications/{id}/examination/start").OkAsync();
        var passed = await examiner.PostJsonAsync($"/api/v1/applications/{id}/examination/pass").OkAsync();
        Assert.Equal("publicNotice", passed.Str("state"));
        return id;
    }

    private static async Task<int> ActCountAsync(HttpClient reader, string id) =>
        (await reader.GetAsync($"/api/v1/applications/{id}/acts").OkAsync()).GetArrayLength();

    private static async Task<System.Text.Json.JsonElement> FileObjectionPayloadAsync(HttpClient reader, string id) =>
        (await reader.GetAsync($"/api/v1/applications/{id}/acts").OkAsync()).EnumerateArray()
            .Single(a => a.Str("type") == "fileObjection").GetProperty("payload");
}
