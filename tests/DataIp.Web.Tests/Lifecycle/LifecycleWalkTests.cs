using System.Net;
using DataIp.Data;
using DataIp.Domain.Numbering;
using DataIp.Testing;
using DataIp.Web.Tests.Infrastructure;

namespace DataIp.Web.Tests.Lifecycle;

/// <summary>
/// The whole lifecycle over HTTP, on SQLite and on PostgreSQL: the acceptance walks of issue M1.
/// The clock starts on Friday 2025-09-26 10:00 in China.
/// </summary>
public sealed class LifecycleWalkTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Walk_CorrectionObjectionDismissed_Registers(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider, At(2025, 9, 24, 9));
        var applicant = await platform.ApplicantAsync();
        var examiner = await platform.ExaminerAsync("4400");

        var draft = await applicant.PostJsonAsync("/api/v1/applications", new { bodyCode = "4400", content = TestContent.MissingProcessingRules() }).OkAsync();
        var id = draft.Str("id");
        var incomplete = await applicant.PostJsonAsync($"/api/v1/applications/{id}/submit").ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("content.dataObject.processingRules", incomplete.ErrorFields());

        await applicant.PutJsonAsync($"/api/v1/applications/{id}/content", new { content = TestContent.Complete(), version = draft.GetProperty("version").GetInt32() }).OkAsync();
        var submitted = await applicant.PostJsonAsync($"/api/v1/applications/{id}/submit").OkAsync();
        Assert.Equal("submitted", submitted.Str("state"));
        Assert.True(ApplicationNumber.TryParse(submitted.Str("applicationNumber"), out var applicationNumber, out _));
        Assert.Equal("4400", applicationNumber.BodyCode);

        await examiner.PostJsonAsync($"/api/v1/applications/{id}/examination/start").OkAsync();
        var correction = await examiner.PostJsonAsync($"/api/v1/applications/{id}/examination/request-correction", new { reason = "请补充算法规则说明。" }).OkAsync();
        Assert.Equal("correctionRequested", correction.Str("state"));
        // 30 calendar days from Wednesday Sep 24 end on Friday Oct 24, a working day.
        Assert.Equal("2025-10-24", correction.Str("correctionLastDay"));

        await applicant.PostJsonAsync($"/api/v1/applications/{id}/resubmit", new { reason = "已补充。" }).OkAsync();
        await platform.SetTimeAsync(At(2025, 9, 26, 10));
        var notice = await examiner.PostJsonAsync($"/api/v1/applications/{id}/examination/pass").OkAsync();
        Assert.Equal("publicNotice", notice.Str("state"));
        // 10 working days from Friday 2025-09-26: Sep 28 (Sunday, a working day) and Oct 11
        // (Saturday, a working day) count, Oct 1–8 do not; the last day is Thursday Oct 16.
        Assert.Equal("2025-10-16", notice.Str("noticeLastDay"));

        var publicNotice = await platform.CreateClient().GetAsync($"/api/v1/notices/{applicationNumber}").OkAsync();
        Assert.False(publicNotice.GetProperty("content").GetProperty("applicant").TryGetProperty("contact", out _), "contact details are private");

        await platform.SetTimeAsync(At(2025, 9, 29, 15));
        await FileObjectionAsync(platform, applicationNumber.Value).OkAsync();
        var objections = await examiner.GetAsync($"/api/v1/applications/{id}/objections").OkAsync();
        var objectionId = objections[0].Str("id");
        Assert.Equal("objectionReview", (await examiner.GetAsync($"/api/v1/applications/{id}").OkAsync()).Str("state"));

        var dismissed = await examiner.PostJsonAsync($"/api/v1/objections/{objectionId}/dismiss", new { reason = "无证据。" }).OkAsync();
        Assert.Equal("publicNotice", dismissed.Str("state"));

        await platform.SetTimeAsync(At(2025, 10, 16, 23));
        await examiner.PostJsonAsync($"/api/v1/applications/{id}/register").ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(0, await platform.SweepAsync());

        await platform.SetTimeAsync(At(2025, 10, 17, 0, 1));
        Assert.Equal(1, await platform.SweepAsync());
        var registered = await applicant.GetAsync($"/api/v1/applications/{id}").OkAsync();
        Assert.Equal("registered", registered.Str("state"));
        Assert.True(RegistrationNumber.TryParse(registered.Str("registrationNumber"), out var registrationNumber, out var error), error);
        Assert.Equal(2025, registrationNumber.Year);
        Assert.True(CertificateNumber.TryParse(registered.Str("certificateNumber"), out var certificateNumber, out error), error);
        Assert.Equal("4400", certificateNumber.BodyCode);
        Assert.Equal(10, certificateNumber.Month);
        Assert.Equal("2028-10-16", registered.Str("validUntil"));

        var acts = await applicant.GetAsync($"/api/v1/applications/{id}/acts").OkAsync();
        Assert.Equal(
            ["createDraft", "updateContent", "submit", "startExamination", "requestCorrection", "resubmit", "passFormalExamination",
             "fileObjection", "dismissObjection", "register", "issueCertificate"],
            acts.EnumerateArray().Select(a => a.Str("type")).ToArray());
        Assert.All(acts.EnumerateArray(), a => Assert.False(string.IsNullOrEmpty(a.Str("actorRole"))));
        Assert.Equal(registrationNumber.Value, acts[9].GetProperty("payload").Str("registrationNumber"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Walk_ObjectionUpheld_Rejects(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider);
        var applicant = await platform.ApplicantAsync();
        var examiner = await platform.ExaminerAsync("1100");
        var id = await SubmitAsync(applicant, "1100");
        await examiner.PostJsonAsync($"/api/v1/applications/{id}/examination/start").OkAsync();
        var notice = await examiner.PostJsonAsync($"/api/v1/applications/{id}/examination/pass").OkAsync();

        await FileObjectionAsync(platform, notice.Str("applicationNumber")).OkAsync();
        var objectionId = (await examiner.GetAsync($"/api/v1/applications/{id}/objections").OkAsync())[0].Str("id");
        var rejected = await examiner.PostJsonAsync($"/api/v1/objections/{objectionId}/uphold", new { reason = "权属争议成立。" }).OkAsync();

        Assert.Equal("rejected", rejected.Str("state"));
        Assert.Contains("权属争议成立", rejected.Str("decisionReasons"), StringComparison.Ordinal);
        Assert.False(rejected.TryGetProperty("registrationNumber", out _));
        await platform.SetTimeAsync(At(2025, 12, 1, 10));
        Assert.Equal(0, await platform.SweepAsync());
        await examiner.PostJsonAsync($"/api/v1/objections/{objectionId}/dismiss", new { reason = "x" }).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Walk_CorrectionUnanswered_LapsesToWithdrawn(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider);
        var applicant = await platform.ApplicantAsync();
        var examiner = await platform.ExaminerAsync("4403");
        var id = await SubmitAsync(applicant, "4403");
        await examiner.PostJsonAsync($"/api/v1/applications/{id}/examination/start").OkAsync();
        var correction = await examiner.PostJsonAsync($"/api/v1/applications/{id}/examination/request-correction", new { reason = "补充材料。" }).OkAsync();
        var lastDay = DateOnly.Parse(correction.Str("correctionLastDay"), System.Globalization.CultureInfo.InvariantCulture);

        await platform.SetTimeAsync(new DateTimeOffset(lastDay.ToDateTime(new TimeOnly(23, 59)), China));
        Assert.Equal(0, await platform.SweepAsync());
        await platform.SetTimeAsync(new DateTimeOffset(lastDay.AddDays(1).ToDateTime(TimeOnly.MinValue), China));
        var late = await applicant.PostJsonAsync($"/api/v1/applications/{id}/resubmit").ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("deadline", late.Str("detail"), StringComparison.Ordinal);
        Assert.Equal(1, await platform.SweepAsync());

        var withdrawn = await applicant.GetAsync($"/api/v1/applications/{id}").OkAsync();
        Assert.Equal("withdrawn", withdrawn.Str("state"));
        var acts = await applicant.GetAsync($"/api/v1/applications/{id}/acts").OkAsync();
        var lapse = acts.EnumerateArray().Last();
        Assert.Equal("lapseCorrection", lapse.Str("type"));
        Assert.Equal("system", lapse.Str("actorRole"));
    }

    internal static async Task<string> SubmitAsync(HttpClient applicant, string bodyCode)
    {
        var draft = await applicant.PostJsonAsync("/api/v1/applications", new { bodyCode, content = TestContent.Complete() }).OkAsync();
        await applicant.PostJsonAsync($"/api/v1/applications/{draft.Str("id")}/submit").OkAsync();
        return draft.Str("id");
    }

    internal static Task<HttpResponseMessage> FileObjectionAsync(RegistryFactory platform, string applicationNumber)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent("赵六"), "objectorName" },
            { new StringContent("zhao@example.cn"), "objectorContact" },
            { new StringContent("部分数据来源于本公司，权属存在争议。"), "grounds" },
            { new ByteArrayContent("%PDF-1.4\n%test evidence\n"u8.ToArray()), "files", "证据.pdf" },
        };
        return platform.CreateClient().PostAsync($"/api/v1/notices/{applicationNumber}/objections", form);
    }

    internal static DateTimeOffset At(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, China);
}
