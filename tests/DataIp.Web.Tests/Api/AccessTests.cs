using System.Net;
using DataIp.Data;
using DataIp.Testing;
using DataIp.Web.Tests.Infrastructure;
using DataIp.Web.Tests.Lifecycle;

namespace DataIp.Web.Tests.Api;

/// <summary>Who sees what: drafts and contact details stay with their applicant and the body's examiners.</summary>
public sealed class AccessTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Application_OtherApplicantOrOtherBody_NotFoundAndNotListed(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider);
        var owner = await platform.ApplicantAsync();
        var other = await platform.ApplicantAsync();
        var examiner4400 = await platform.ExaminerAsync("4400");
        var examiner1100 = await platform.ExaminerAsync("1100");
        var draft = (await owner.PostJsonAsync("/api/v1/applications", new { bodyCode = "4400", content = TestContent.Complete() }).OkAsync()).Str("id");
        var submitted = await LifecycleWalkTests.SubmitAsync(owner, "4400");

        foreach (var (caller, id) in new[] { (other, draft), (other, submitted), (examiner4400, draft), (examiner1100, submitted) })
        {
            await caller.GetAsync($"/api/v1/applications/{id}").ProblemAsync(HttpStatusCode.NotFound);
            await caller.GetAsync($"/api/v1/applications/{id}/acts").ProblemAsync(HttpStatusCode.NotFound);
            await caller.GetAsync($"/api/v1/applications/{id}/attachments").ProblemAsync(HttpStatusCode.NotFound);
        }

        await other.PutJsonAsync($"/api/v1/applications/{draft}/content", new { content = TestContent.Complete("篡改") }).ProblemAsync(HttpStatusCode.NotFound);
        await other.PostJsonAsync($"/api/v1/applications/{draft}/submit").ProblemAsync(HttpStatusCode.NotFound);
        await examiner1100.PostJsonAsync($"/api/v1/applications/{submitted}/examination/start").ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, (await other.GetAsync("/api/v1/applications").OkAsync()).GetArrayLength());
        Assert.Equal(0, (await examiner1100.GetAsync("/api/v1/applications").OkAsync()).GetArrayLength());
        var queue = await examiner4400.GetAsync("/api/v1/applications").OkAsync();
        Assert.Equal([submitted], queue.EnumerateArray().Select(a => a.Str("id")));
        var seen = await examiner4400.GetAsync($"/api/v1/applications/{submitted}").OkAsync();
        Assert.Equal("liming@example.cn", seen.GetProperty("content").GetProperty("applicant").GetProperty("contact").Str("email"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task PublicRecord_NoticeAndRegistration_WithoutContactDetails(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider);
        var applicant = await platform.ApplicantAsync();
        var examiner = await platform.ExaminerAsync("4400");
        var id = await LifecycleWalkTests.SubmitAsync(applicant, "4400");
        var anonymous = platform.CreateClient();

        var submitted = await applicant.GetAsync($"/api/v1/applications/{id}").OkAsync();
        await anonymous.GetAsync($"/api/v1/notices/{submitted.Str("applicationNumber")}").ProblemAsync(HttpStatusCode.NotFound);
        await examiner.PostJsonAsync($"/api/v1/applications/{id}/examination/start").OkAsync();
        await examiner.PostJsonAsync($"/api/v1/applications/{id}/examination/pass").OkAsync();
        await platform.SetTimeAsync(LifecycleWalkTests.At(2025, 10, 20, 9));
        Assert.Equal(1, await platform.SweepAsync());
        var registered = await applicant.GetAsync($"/api/v1/applications/{id}").OkAsync();

        var notice = await anonymous.GetAsync($"/api/v1/notices/{registered.Str("applicationNumber")}").OkAsync();
        var record = await anonymous.GetAsync($"/api/v1/registrations/{registered.Str("registrationNumber")}").OkAsync();
        var list = await anonymous.GetAsync("/api/v1/notices").OkAsync();

        foreach (var view in new[] { notice, record })
        {
            var text = view.ToString();
            Assert.DoesNotContain("liming@example.cn", text, StringComparison.Ordinal);
            Assert.DoesNotContain("13800138000", text, StringComparison.Ordinal);
            Assert.Equal(TestContent.ApplicantName, view.GetProperty("content").GetProperty("applicant").Str("name"));
        }

        Assert.Equal("registered", record.Str("state"));
        Assert.Equal(0, list.GetArrayLength()); // no longer under notice
        await anonymous.GetAsync("/api/v1/registrations/2025110000000019").ProblemAsync(HttpStatusCode.NotFound);
    }
}
