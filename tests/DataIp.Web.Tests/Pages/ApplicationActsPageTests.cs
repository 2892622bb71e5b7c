using System.Net;
using System.Text.RegularExpressions;
using DataIp.Data;
using DataIp.Testing;
using DataIp.Web.Tests.Infrastructure;
using DataIp.Web.Tests.Lifecycle;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataIp.Web.Tests.Pages;

/// <summary>
/// Acts taken on an application's page (/applications/{id}) run through the same pipeline and use
/// cases as the API, on SQLite and PostgreSQL: each party is offered the acts the lifecycle table
/// gives its relation to the case, a done act ends on a confirmation page that says what happens
/// next and by when, a missing reason or a refusal is a form error in the error summary, and a
/// stranger's post writes nothing.
/// </summary>
public sealed partial class ApplicationActsPageTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Examiner_StartsAndRequestsACorrectionInThePages_ApplicantSeesItsOwnActs(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider);
        var applicantEmail = $"applicant.{Guid.NewGuid():N}@test.dataip.cn";
        var applicantApi = await platform.ApplicantAsync(applicantEmail);
        var id = await LifecycleWalkTests.SubmitAsync(applicantApi, "4400");
        var examinerEmail = $"examiner.{Guid.NewGuid():N}@test.dataip.cn";
        await platform.ExaminerAsync("4400", examinerEmail);
        var examiner = await platform.SignedInAsync(examinerEmail);
        var applicant = await platform.SignedInAsync(applicantEmail);
        var page = $"/applications/{id}";

        var offered = Offered(await examiner.GetStringAsync(page));
        using var started = await PostAsync(examiner, page, "StartExamination");
        var startedDone = await examiner.GetStringAsync(started.RedirectTarget());
        using var missing = await PostAsync(examiner, page, "RequestCorrection", reason: "  ");
        var missingHtml = WebUtility.HtmlDecode(await missing.Content.ReadAsStringAsync());
        using var requested = await PostAsync(examiner, page, "RequestCorrection", reason: "请补充数据来源证明。");
        var requestedDone = await examiner.GetStringAsync(requested.RedirectTarget());
        var view = await applicantApi.GetAsync($"/api/v1/applications/{id}").OkAsync();
        var applicantOffered = Offered(await applicant.GetStringAsync(page));
        var examinerOfferedNow = Offered(await examiner.GetStringAsync(page));

        Assert.Equal(["StartExamination"], offered);
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        Assert.Matches($"^/applications/{id}/done/[0-9a-f-]{{36}}$", started.RedirectTarget());
        Assert.Contains("<h1>开始形式审查</h1>", startedDone);
        Assert.Contains("形式审查已经开始", startedDone);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("<a href=\"#act-RequestCorrection\">请说明申请人需要补正的内容。</a>", missingHtml);
        Assert.Contains("<title>错误：", missingHtml);
        Assert.Equal(HttpStatusCode.Redirect, requested.StatusCode);
        var lastDay = DateOnly.Parse(view.Str("correctionLastDay"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"申请人须在 {lastDay.ToString("yyyy年M月d日", System.Globalization.CultureInfo.InvariantCulture)} 前提交补正", requestedDone);
        Assert.Equal("correctionRequested", view.Str("state"));
        Assert.Equal(["Resubmit", "Withdraw"], applicantOffered);
        Assert.Empty(examinerOfferedNow); // awaiting the applicant: nothing for the examiner to do
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Strangers_PostActsOnSomeoneElsesApplication_RefusedAndNothingWritten(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider);
        var applicantEmail = $"applicant.{Guid.NewGuid():N}@test.dataip.cn";
        var applicantApi = await platform.ApplicantAsync(applicantEmail);
        var id = await LifecycleWalkTests.SubmitAsync(applicantApi, "4400");
        var (otherApplicant, otherExaminer) = ($"other.{Guid.NewGuid():N}@test.dataip.cn", $"examiner.{Guid.NewGuid():N}@test.dataip.cn");
        await platform.ApplicantAsync(otherApplicant);
        await platform.ExaminerAsync("1100", otherExaminer);
        var applicant = await platform.SignedInAsync(applicantEmail);
        var page = $"/applications/{id}";
        var before = await ActsAsync(platform);

        // The applicant posts an examiner's act on its own application: the table refuses it (403), shown as the form's error.
        using var ownButNotAllowed = await PostAsync(applicant, page, "StartExamination");
        var ownHtml = WebUtility.HtmlDecode(await ownButNotAllowed.Content.ReadAsStringAsync());
        // Another body's examiner and another applicant: the application does not exist for them (404), nor its form.
        using var otherBody = await PostAsync(await platform.SignedInAsync(otherExaminer), page, "StartExamination", tokenFrom: "/applications");
        using var otherApplicantWithdraws = await PostAsync(await platform.SignedInAsync(otherApplicant), page, "Withdraw", tokenFrom: "/applications");
        // No token: the antiforgery check answers first.
        using var noToken = await applicant.PostAsync(page, new FormUrlEncodedContent(new Dictionary<string, string> { ["Trigger"] = "Withdraw" }));

        Assert.Equal(HttpStatusCode.Forbidden, ownButNotAllowed.StatusCode);
        Assert.Contains("<a href=\"#act-StartExamination\">未能办理：", ownHtml);
        Assert.Equal(HttpStatusCode.NotFound, otherBody.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherApplicantWithdraws.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Equal(before, await ActsAsync(platform));
        Assert.Equal("submitted", (await applicantApi.GetAsync($"/api/v1/applications/{id}").OkAsync()).Str("state"));
    }

    // The acts a page offers, by the hidden trigger of each form, in order.
    private static List<string> Offered(string html) => [.. Trigger().Matches(html).Select(m => m.Groups[1].Value)];

    // Posts an act's form as a browser would, with the antiforgery token of a page the client may open.
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string trigger, string? reason = null, string? tokenFrom = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await SignInForm.AntiforgeryTokenAsync(client, tokenFrom ?? page),
            ["Trigger"] = trigger,
        };
        if (reason is not null)
        {
            fields["Reason"] = reason;
        }

        return await client.PostAsync(page, new FormUrlEncodedContent(fields));
    }

    private static async Task<int> ActsAsync(RegistryFactory platform)
    {
        await using var scope = platform.Scope();
        return await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Acts.CountAsync();
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"Trigger\" value=\"([A-Za-z]+)\">")]
    private static partial Regex Trigger();
}
