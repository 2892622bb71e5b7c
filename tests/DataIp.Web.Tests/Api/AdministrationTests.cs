using System.Net;
using DataIp.Data;
using DataIp.Testing;
using DataIp.Web.Tests.Infrastructure;
using DataIp.Web.Tests.Lifecycle;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataIp.Web.Tests.Api;

/// <summary>Bodies, policies and calendars are data an administrator changes; deadlines follow them.</summary>
public sealed class AdministrationTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Body_AddedWithPolicy_UsedForNotices(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider);
        var admin = await platform.SignInAsync(RegistryFactory.AdminEmail);

        var added = await admin.PostJsonAsync("/api/v1/bodies", new
        {
            regionCode = "500000",
            name = "重庆市知识产权局",
            nameEn = "Chongqing Intellectual Property Office",
            policy = new { noticeLength = 5, noticeUnit = "calendarDays", substantiveExamination = true, correctionLength = 15, correctionUnit = "workingDays", validityYears = 5, renewalWindowDays = 60 },
        }).OkAsync();
        await admin.PostJsonAsync("/api/v1/bodies", new { regionCode = "500000", name = "重复" }).ProblemAsync(HttpStatusCode.BadRequest);
        var bad = await admin.PutJsonAsync("/api/v1/bodies/5000/policy", new { noticeLength = 0, noticeUnit = "workingDays", correctionLength = 30, correctionUnit = "calendarDays", validityYears = 3, renewalWindowDays = 90 })
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("5000", added.Str("code"));
        Assert.Equal(["noticeLength"], bad.ErrorFields());

        var applicant = await platform.ApplicantAsync();
        var examiner = await platform.ExaminerAsync("5000");
        var id = await LifecycleWalkTests.SubmitAsync(applicant, "5000");
        await examiner.PostJsonAsync($"/api/v1/applications/{id}/examination/start").OkAsync();
        var substantive = await examiner.PostJsonAsync($"/api/v1/applications/{id}/examination/pass").OkAsync();
        var notice = await examiner.PostJsonAsync($"/api/v1/applications/{id}/examination/pass").OkAsync();

        Assert.Equal("substantiveExamination", substantive.Str("state"));
        // Friday 2025-09-26 + 5 calendar days = Wednesday Oct 1, a holiday: the period ends on the
        // next working day, Thursday Oct 9.
        Assert.Equal("2025-10-09", notice.Str("noticeLastDay"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Deadline_IntoYearWithoutCalendar_RefusedUntilEntered(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider, LifecycleWalkTests.At(2025, 12, 22, 10));
        var admin = await platform.SignInAsync(RegistryFactory.AdminEmail);
        var applicant = await platform.ApplicantAsync();
        var examiner = await platform.ExaminerAsync("4400");
        var id = await LifecycleWalkTests.SubmitAsync(applicant, "4400");
        await examiner.PostJsonAsync($"/api/v1/applications/{id}/examination/start").OkAsync();

        var refused = await examiner.PostJsonAsync($"/api/v1/applications/{id}/examination/pass").ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("2026", refused.Str("detail"), StringComparison.Ordinal);
        Assert.Equal("formalExamination", (await examiner.GetAsync($"/api/v1/applications/{id}").OkAsync()).Str("state"));

        var invalid = await admin.PutJsonAsync("/api/v1/calendars/2026", new
        {
            source = "国务院办公厅关于2026年部分节假日安排的通知",
            days = new[] { new { date = "2026-01-05", kind = "extraWorkingDay", name = "not a weekend" } },
        }).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(invalid.ErrorFields());
        Assert.All(invalid.ErrorFields(), f => Assert.StartsWith("days[0]", f, StringComparison.Ordinal));
        await admin.PutJsonAsync("/api/v1/calendars/2026", new
        {
            source = "国务院办公厅关于2026年部分节假日安排的通知 (test data)",
            days = new[]
            {
                new { date = "2026-01-01", kind = "holiday", name = "元旦" },
                new { date = "2026-01-02", kind = "holiday", name = "元旦" },
                new { date = "2026-01-04", kind = "extraWorkingDay", name = "元旦调休" },
            },
        }).OkAsync();
        await applicant.PutJsonAsync("/api/v1/calendars/2026", new { source = "x", days = Array.Empty<object>() }).ProblemAsync(HttpStatusCode.Forbidden);

        var notice = await examiner.PostJsonAsync($"/api/v1/applications/{id}/examination/pass").OkAsync();
        // Monday Dec 22: Dec 23–26, 29–31 (7), Jan 1–2 off, Jan 4 (Sunday, worked) 8, Jan 5–6: the 10th working day is Jan 6.
        Assert.Equal("2026-01-06", notice.Str("noticeLastDay"));
        Assert.Equal([2025, 2026], (await platform.CreateClient().GetAsync("/api/v1/calendars").OkAsync()).EnumerateArray().Select(y => y.GetInt32()));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Accounts_Created_RecordedAsActsWithoutContactData(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider);

        await platform.ApplicantAsync("self.signup@test.dataip.cn");
        await platform.ExaminerAsync("4400", "new.examiner@test.dataip.cn");

        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var acts = await db.Acts.Where(a => a.Type == "createAccount").OrderBy(a => a.Sequence).ToListAsync();
        Assert.Equal(2, acts.Count);
        Assert.Equal(("applicant", TestContent.ApplicantName), (acts[0].ActorRole, acts[0].ActorName));
        Assert.Equal("administrator", acts[1].ActorRole);
        Assert.Contains("\"bodyCode\":\"4400\"", acts[1].Payload, StringComparison.Ordinal);
        Assert.Contains(TestContent.CreditCode, acts[0].Payload, StringComparison.Ordinal);
        Assert.All(acts, a => Assert.DoesNotContain("@test.dataip.cn", a.Payload, StringComparison.Ordinal));
    }
}
