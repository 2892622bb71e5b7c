using System.Net;
using System.Text;
using DataIp.Data;
using DataIp.Domain.Numbering;
using DataIp.Testing;
using DataIp.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataIp.Web.Tests.Api;

/// <summary>
/// An applicant account names an organisation only as a claim; an administrator verifies it, as
/// an act in the public log, before the account may submit in that name (defect [M6] 8).
/// </summary>
public sealed class AccountVerificationTests
{
    private const string Evidence = "营业执照原件核验 business licence original checked, seal 2025-09-26";

    // Another organisation's code, with its GB 32100 check character.
    private static readonly string OtherCreditCode = "91440300MA5G00010" + UnifiedSocialCreditCode.ComputeCheckCharacter("91440300MA5G00010");

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Submit_UnverifiedAccount_403UntilAnAdministratorVerifies(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider);
        var applicant = await platform.ApplicantAsync(verified: false);
        var admin = await platform.SignInAsync(RegistryFactory.AdminEmail);
        var me = await applicant.GetAsync("/api/v1/accounts/me").OkAsync();
        var draft = await applicant.PostJsonAsync("/api/v1/applications", new { bodyCode = "4400", content = TestContent.Complete() }).OkAsync();

        var refused = await applicant.PostJsonAsync($"/api/v1/applications/{draft.Str("id")}/submit").ProblemAsync(HttpStatusCode.Forbidden);
        var pending = await admin.GetAsync("/api/v1/accounts?identityVerification=claimed").OkAsync();
        await admin.PostJsonAsync($"/api/v1/accounts/{me.Str("id")}/verification", new { evidence = Evidence, decision = "verified" }).OkAsync();
        var submitted = await applicant.PostJsonAsync($"/api/v1/applications/{draft.Str("id")}/submit").OkAsync();

        Assert.Equal("claimed", me.Str("identityVerification"));
        Assert.Equal("Organisation binding not verified", refused.Str("title"));
        Assert.Contains("administrator", refused.Str("detail"), StringComparison.Ordinal);
        Assert.Contains(pending.GetProperty("accounts").EnumerateArray(), a => a.Str("id") == me.Str("id"));
        Assert.Equal("submitted", submitted.Str("state"));
        Assert.Equal("verified", (await applicant.GetAsync("/api/v1/accounts/me").OkAsync()).Str("identityVerification"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Verification_Recorded_AsAnActWhoseLogEntryHoldsNoEvidence(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider);

        await platform.ApplicantAsync();

        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var act = await db.Acts.SingleAsync(a => a.Type == "verifyAccount");
        var entry = await db.LogEntries.SingleAsync(e => e.ActId == act.Id);
        var logged = Encoding.UTF8.GetString(entry.Entry);
        Assert.Equal(("administrator", "National administrator"), (act.ActorRole, act.ActorName));
        Assert.Contains("\"decision\":\"verified\"", logged, StringComparison.Ordinal);
        Assert.Contains(TestContent.CreditCode, logged, StringComparison.Ordinal);
        Assert.Contains("evidence", logged, StringComparison.Ordinal);
        Assert.DoesNotContain("营业执照", logged, StringComparison.Ordinal);
        Assert.DoesNotContain("@test.dataip.cn", logged, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Verification_BadInputOrOtherRegion_4xxNamingTheField(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider);
        var applicant = await platform.ApplicantAsync(verified: false); // region 440300, Shenzhen
        var id = (await applicant.GetAsync("/api/v1/accounts/me").OkAsync()).Str("id");
        var admin = await platform.SignInAsync(RegistryFactory.AdminEmail);
        var beijing = await BodyAdministratorAsync(platform, admin, "1100");
        var guangdong = await BodyAdministratorAsync(platform, admin, "4400");
        var url = $"/api/v1/accounts/{id}/verification";

        var noEvidence = await admin.PostJsonAsync(url, new { decision = "verified" }).ProblemAsync(HttpStatusCode.BadRequest);
        var claimed = await admin.PostJsonAsync(url, new { evidence = Evidence, decision = "claimed" }).ProblemAsync(HttpStatusCode.BadRequest);
        var noReason = await admin.PostJsonAsync(url, new { evidence = Evidence, decision = "refused" }).ProblemAsync(HttpStatusCode.BadRequest);
        await beijing.PostJsonAsync(url, new { evidence = Evidence, decision = "verified" }).ProblemAsync(HttpStatusCode.NotFound);
        await admin.PostJsonAsync($"/api/v1/accounts/{Guid.NewGuid()}/verification", new { evidence = Evidence, decision = "verified" }).ProblemAsync(HttpStatusCode.NotFound);
        await applicant.PostJsonAsync(url, new { evidence = Evidence, decision = "verified" }).ProblemAsync(HttpStatusCode.Forbidden);
        await guangdong.PostJsonAsync(url, new { evidence = Evidence, decision = "verified" }).OkAsync();
        await guangdong.PostJsonAsync(url, new { evidence = Evidence, decision = "verified" }).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(["evidence"], noEvidence.ErrorFields());
        Assert.Equal(["decision"], claimed.ErrorFields());
        Assert.Equal(["reason"], noReason.ErrorFields());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Submit_RefusedOrInAnotherOrganisationsName_403(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider);
        var admin = await platform.SignInAsync(RegistryFactory.AdminEmail);
        var refusedApplicant = await platform.ApplicantAsync(verified: false);
        var refusedId = (await refusedApplicant.GetAsync("/api/v1/accounts/me").OkAsync()).Str("id");
        await admin.PostJsonAsync($"/api/v1/accounts/{refusedId}/verification", new { evidence = Evidence, decision = "refused", reason = "营业执照名称不符" }).OkAsync();
        var verified = await platform.ApplicantAsync();
        var otherContent = TestContent.Complete() with { Applicant = TestContent.Complete().Applicant! with { CreditCode = OtherCreditCode } };

        var refused = await SubmitAsync(refusedApplicant, TestContent.Complete()).ProblemAsync(HttpStatusCode.Forbidden);
        var foreign = await SubmitAsync(verified, otherContent).ProblemAsync(HttpStatusCode.Forbidden);

        Assert.Contains("refused", refused.Str("detail"), StringComparison.Ordinal);
        Assert.Contains(TestContent.CreditCode, foreign.Str("detail"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Submit_TwoVerifiedAccountsOfOneOrganisation_BothMay(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider);
        var first = await platform.ApplicantAsync();
        var colleague = await platform.ApplicantAsync();

        await SubmitAsync(first, TestContent.Complete()).OkAsync();
        await SubmitAsync(colleague, TestContent.Complete()).OkAsync();
    }

    private static async Task<HttpResponseMessage> SubmitAsync(HttpClient applicant, object content)
    {
        var draft = await applicant.PostJsonAsync("/api/v1/applications", new { bodyCode = "4400", content }).OkAsync();
        return await applicant.PostJsonAsync($"/api/v1/applications/{draft.Str("id")}/submit");
    }

    private static async Task<HttpClient> BodyAdministratorAsync(RegistryFactory platform, HttpClient admin, string bodyCode)
    {
        var email = $"admin.{bodyCode}.{Guid.NewGuid():N}@test.dataip.cn";
        await admin.PostJsonAsync("/api/v1/accounts/staff", new { email, password = RegistryFactory.Password, displayName = "管理员 " + bodyCode, role = "administrator", bodyCode }).OkAsync();
        return await platform.SignInAsync(email);
    }
}
