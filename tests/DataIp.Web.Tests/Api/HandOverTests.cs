using System.Net;
using DataIp.Data;
using DataIp.Testing;
using DataIp.Web.Tests.Infrastructure;
using DataIp.Web.Tests.Rights;

namespace DataIp.Web.Tests.Api;

/// <summary>
/// An application handed to a colleague (POST /api/v1/applications/{id}/handover): only its
/// applicant hands it, only to another applicant account verified for the same organisation, and
/// the colleague is its applicant from then on (it may submit; the giver no longer sees it). Every
/// colleague who does not qualify gets the same answer, so the form tells nobody which e-mail
/// addresses have accounts; a refusal writes nothing.
/// </summary>
public sealed class HandOverTests
{
    private const string OtherCreditCode = "911100001000000020"; // any other organisation's code

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task HandOver_ToAVerifiedColleague_ColleagueIsTheApplicantAndSubmits(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider);
        var owner = await platform.ApplicantAsync();
        var colleagueEmail = $"colleague.{Guid.NewGuid():N}@test.dataip.cn";
        var colleague = await platform.ApplicantAsync(colleagueEmail);
        var id = (await owner.PostJsonAsync("/api/v1/applications", new { bodyCode = "4400", content = TestContent.Complete() }).OkAsync()).Str("id");

        var handed = await owner.PostJsonAsync($"/api/v1/applications/{id}/handover", new { colleagueEmail = "  " + colleagueEmail.ToUpperInvariant(), reason = "请赵强提交" }).OkAsync();

        Assert.Equal("draft", handed.Str("state"));
        await owner.GetAsync($"/api/v1/applications/{id}").ProblemAsync(HttpStatusCode.NotFound);
        await owner.PostJsonAsync($"/api/v1/applications/{id}/submit").ProblemAsync(HttpStatusCode.NotFound);
        var acts = (await colleague.GetAsync($"/api/v1/applications/{id}/acts").OkAsync()).EnumerateArray().ToList();
        var handOver = acts.Single(a => a.Str("type") == "handOverApplication");
        Assert.Equal("请赵强提交", handOver.Str("reason"));
        Assert.Equal(await AccountIdAsync(colleague), handOver.GetProperty("payload").Str("toAccountId"));
        var notifications = (await colleague.GetAsync("/api/v1/notifications").OkAsync()).EnumerateArray().ToList();
        Assert.Contains(notifications, n => n.Str("kind") == "handOverApplication");
        Assert.Equal("submitted", (await colleague.PostJsonAsync($"/api/v1/applications/{id}/submit").OkAsync()).Str("state"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task HandOver_NoQualifyingColleagueOrNotTheApplicant_RefusedAndNothingWritten(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider);
        var owner = await platform.ApplicantAsync();
        var sameOrganisation = await platform.ApplicantAsync();
        var unverifiedEmail = $"unverified.{Guid.NewGuid():N}@test.dataip.cn";
        await platform.ApplicantAsync(unverifiedEmail, verified: false);
        var otherEmail = $"other.{Guid.NewGuid():N}@test.dataip.cn";
        await platform.CreateClient().PostJsonAsync("/api/v1/accounts", new
        {
            email = otherEmail,
            password = RegistryFactory.Password,
            displayName = "北京另一家数据有限公司",
            registrantType = "enterprise",
            identifier = OtherCreditCode,
            regionCode = "110000",
        }).AcceptedAsync();
        var other = await platform.SignInAsync(otherEmail);
        var admin = await platform.SignInAsync(RegistryFactory.AdminEmail);
        await admin.PostJsonAsync($"/api/v1/accounts/{await AccountIdAsync(other)}/verification", new { evidence = "营业执照 (test)", decision = "verified" }).OkAsync();
        var examiner = await platform.ExaminerAsync("4400");
        var id = (await owner.PostJsonAsync("/api/v1/applications", new { bodyCode = "4400", content = TestContent.Complete() }).OkAsync()).Str("id");
        var before = await ActsAsync(owner, id);

        var unverified = await Refused(owner, id, unverifiedEmail);
        var otherOrganisation = await Refused(owner, id, otherEmail);
        var unknown = await Refused(owner, id, $"nobody.{Guid.NewGuid():N}@test.dataip.cn");
        var staff = await Refused(owner, id, await EmailAsync(examiner));
        var itself = await Refused(owner, id, await EmailAsync(owner));
        var empty = await owner.PostJsonAsync($"/api/v1/applications/{id}/handover", new { colleagueEmail = "" }).ProblemAsync(HttpStatusCode.BadRequest);
        await sameOrganisation.PostJsonAsync($"/api/v1/applications/{id}/handover", new { colleagueEmail = await EmailAsync(sameOrganisation) })
            .ProblemAsync(HttpStatusCode.NotFound);
        await examiner.PostJsonAsync($"/api/v1/applications/{id}/handover", new { colleagueEmail = await EmailAsync(sameOrganisation) })
            .ProblemAsync(HttpStatusCode.Forbidden);
        await platform.CreateClient().PostJsonAsync($"/api/v1/applications/{id}/handover", new { colleagueEmail = await EmailAsync(sameOrganisation) })
            .ProblemAsync(HttpStatusCode.Unauthorized);

        Assert.All(new[] { unverified, otherOrganisation, unknown, staff, itself }, m => Assert.Equal(unknown, m));
        Assert.Equal(["colleagueEmail"], empty.ErrorFields());
        Assert.Equal(before, await ActsAsync(owner, id));

        // Submitted, it is no longer the applicant's to hand over.
        await owner.PostJsonAsync($"/api/v1/applications/{id}/submit").OkAsync();
        await owner.PostJsonAsync($"/api/v1/applications/{id}/handover", new { colleagueEmail = await EmailAsync(sameOrganisation) })
            .ProblemAsync(HttpStatusCode.Conflict);
    }

    private static async Task<string> Refused(HttpClient owner, string id, string email)
    {
        var problem = await owner.PostJsonAsync($"/api/v1/applications/{id}/handover", new { colleagueEmail = email }).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["colleagueEmail"], problem.ErrorFields());
        return problem.GetProperty("errors").GetProperty("colleagueEmail")[0].GetString()!;
    }

    private static async Task<int> ActsAsync(HttpClient owner, string id) =>
        (await owner.GetAsync($"/api/v1/applications/{id}/acts").OkAsync()).GetArrayLength();

    private static async Task<string> EmailAsync(HttpClient client) => (await client.GetAsync("/api/v1/accounts/me").OkAsync()).Str("email");

    private static async Task<string> AccountIdAsync(HttpClient client) => (await client.GetAsync("/api/v1/accounts/me").OkAsync()).Str("id");
}
