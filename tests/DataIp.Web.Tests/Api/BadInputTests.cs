using System.Net;
using System.Text;
using DataIp.Data;
using DataIp.Testing;
using DataIp.Web.Tests.Infrastructure;
using DataIp.Web.Tests.Lifecycle;

namespace DataIp.Web.Tests.Api;

/// <summary>Bad input answers a 4xx problem naming the field; nothing is half-written.</summary>
public sealed class BadInputTests
{
    public static TheoryData<string, string> MalformedDrafts => new()
    {
        { "{\"bodyCode\": \"4400\", ", "body" },
        { "{\"bodyCode\": 4400}", "bodyCode" },
        { "{\"bodyCode\": \"4400\", \"content\": {\"dataObject\": {\"updateFrequency\": \"hourly\"}}}", "content.dataObject.updateFrequency" },
        { "{\"bodyCode\": \"4400\", \"content\": {\"dataObject\": {\"updateFrequency\": 2}}}", "content.dataObject.updateFrequency" },
        { "{\"bodyCode\": \"4400\", \"contnet\": {}}", "contnet" },
        { "{\"bodyCode\": \"4400\", \"content\": {\"dataObject\": {\"scale\": {\"records\": \"many\"}}}}", "content.dataObject.scale.records" },
    };

    [Theory]
    [MemberData(nameof(MalformedDrafts))]
    public async Task CreateDraft_MalformedJson_400NamingTheField(string body, string field)
    {
        await using var platform = await RegistryFactory.StartAsync(DatabaseProvider.Sqlite);
        var applicant = await platform.ApplicantAsync();

        var problem = await applicant.PostAsync("/api/v1/applications", new StringContent(body, Encoding.UTF8, "application/json"))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains(field, problem.ErrorFields());
        var list = await applicant.GetAsync("/api/v1/applications").OkAsync();
        Assert.Equal(0, list.GetArrayLength());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task CreateDraft_InvalidFields_400PerField(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider);
        var applicant = await platform.ApplicantAsync();
        var content = TestContent.Complete() with
        {
            Applicant = TestContent.Complete().Applicant! with { CreditCode = "91350100M000100Y44" },
            DataObject = TestContent.Complete().DataObject! with { IndustryCode = "Z99" },
        };

        var problem = await applicant.PostJsonAsync("/api/v1/applications", new { bodyCode = "4400", content }).ProblemAsync(HttpStatusCode.BadRequest);
        var unknownBody = await applicant.PostJsonAsync("/api/v1/applications", new { bodyCode = "9999" }).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("content.applicant.creditCode", problem.ErrorFields());
        Assert.Contains("content.dataObject.industryCode", problem.ErrorFields());
        Assert.Equal(["bodyCode"], unknownBody.ErrorFields());
    }

    [Fact]
    public async Task Post_OversizeJson_413()
    {
        await using var platform = await RegistryFactory.StartAsync(DatabaseProvider.Sqlite);
        var applicant = await platform.ApplicantAsync();
        var huge = "{\"bodyCode\": \"" + new string('x', 2 * 1024 * 1024) + "\"}";

        await applicant.PostAsync("/api/v1/applications", new StringContent(huge, Encoding.UTF8, "application/json"))
            .ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Act_WrongState_409WithReason(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider);
        var applicant = await platform.ApplicantAsync();
        var examiner = await platform.ExaminerAsync("4400");
        var id = await LifecycleWalkTests.SubmitAsync(applicant, "4400");

        var pass = await examiner.PostJsonAsync($"/api/v1/applications/{id}/examination/pass").ProblemAsync(HttpStatusCode.Conflict);
        var submitAgain = await applicant.PostJsonAsync($"/api/v1/applications/{id}/submit").ProblemAsync(HttpStatusCode.Conflict);
        var noReason = await examiner.PostJsonAsync($"/api/v1/applications/{id}/examination/reject", new { reason = "" });

        Assert.Contains("Submitted", pass.Str("detail"), StringComparison.Ordinal);
        Assert.Contains("Submitted", submitAgain.Str("detail"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, noReason.StatusCode); // reject is not allowed before examination starts
        var acts = await applicant.GetAsync($"/api/v1/applications/{id}/acts").OkAsync();
        Assert.Equal(2, acts.GetArrayLength()); // createDraft, submit: the refusals wrote nothing
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Objection_MissingFieldsOrBadFile_400AndNothingStored(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider);
        var applicant = await platform.ApplicantAsync();
        var examiner = await platform.ExaminerAsync("4400");
        var id = await LifecycleWalkTests.SubmitAsync(applicant, "4400");
        await examiner.PostJsonAsync($"/api/v1/applications/{id}/examination/start").OkAsync();
        var number = (await examiner.PostJsonAsync($"/api/v1/applications/{id}/examination/pass").OkAsync()).Str("applicationNumber");
        var anonymous = platform.CreateClient();

        var empty = await anonymous.PostAsync($"/api/v1/notices/{number}/objections", new MultipartFormDataContent { { new StringContent(""), "grounds" } })
            .ProblemAsync(HttpStatusCode.BadRequest);
        var exe = new MultipartFormDataContent
        {
            { new StringContent("王五"), "objectorName" }, { new StringContent("w@example.cn"), "objectorContact" }, { new StringContent("理由"), "grounds" },
            { new ByteArrayContent("MZ\u0090\0\u0003"u8.ToArray()), "files", "../../evil.exe" },
        };
        var badFile = await anonymous.PostAsync($"/api/v1/notices/{number}/objections", exe).ProblemAsync(HttpStatusCode.BadRequest);

        string[] expected = ["grounds", "objectorContact", "objectorName"];
        Assert.True(expected.SequenceEqual(empty.ErrorFields().Order()), empty.ToString());
        Assert.Equal(["files"], badFile.ErrorFields());
        Assert.Equal(0, (await examiner.GetAsync($"/api/v1/applications/{id}/objections").OkAsync()).GetArrayLength());
        Assert.Equal("publicNotice", (await examiner.GetAsync($"/api/v1/applications/{id}").OkAsync()).Str("state"));
    }

    [Fact]
    public async Task Token_WrongPassword_401Problem()
    {
        await using var platform = await RegistryFactory.StartAsync(DatabaseProvider.Sqlite);

        var problem = await platform.CreateClient().PostJsonAsync("/api/v1/auth/token", new { email = RegistryFactory.AdminEmail, password = "wrong-password-1" })
            .ProblemAsync(HttpStatusCode.Unauthorized);

        Assert.Contains("wrong", problem.Str("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignUp_BadCreditCode_400NamingIdentifier()
    {
        await using var platform = await RegistryFactory.StartAsync(DatabaseProvider.Sqlite);

        var problem = await platform.CreateClient().PostJsonAsync("/api/v1/accounts", new
        {
            email = "x@test.dataip.cn",
            password = RegistryFactory.Password,
            displayName = "某公司",
            registrantType = "enterprise",
            identifier = "91350100M000100Y40",
        }).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["identifier"], problem.ErrorFields());
    }

    [Fact]
    public async Task Query_UnknownOrNumericEnum_400NamingTheParameter()
    {
        await using var platform = await RegistryFactory.StartAsync(DatabaseProvider.Sqlite);
        var applicant = await platform.ApplicantAsync();
        await LifecycleWalkTests.SubmitAsync(applicant, "4400");

        var unknown = await applicant.GetAsync("/api/v1/applications?state=bogus").ProblemAsync(HttpStatusCode.BadRequest);
        var numeric = await applicant.GetAsync("/api/v1/applications?state=1").ProblemAsync(HttpStatusCode.BadRequest);
        var badGuid = await applicant.GetAsync("/api/v1/applications/not-a-guid");
        var submitted = await applicant.GetAsync("/api/v1/applications?state=submitted").OkAsync();

        Assert.Equal(["state"], unknown.ErrorFields());
        Assert.Equal(["state"], numeric.ErrorFields());
        Assert.Equal(HttpStatusCode.NotFound, badGuid.StatusCode);
        Assert.Equal(1, submitted.GetArrayLength());
    }
}
