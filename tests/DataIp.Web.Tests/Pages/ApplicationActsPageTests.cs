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

    // The demo's objection, ruled on in the pages by the examiner of the application's body; its
    // applicant and another body's examiner see neither the objection nor the objector's contact.
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Examiner_RulesOnTheDemoObjectionInThePages_OthersSeeNeitherItNorTheContact(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider, DateTimeOffset.UtcNow, demo: true);
        Guid id, objection;
        string contact;
        await using (var scope = platform.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            id = await db.Applications.Where(a => a.State == Domain.Registration.ApplicationState.ObjectionReview).Select(a => a.Id).SingleAsync();
            var open = await db.Objections.Where(o => o.ApplicationId == id).SingleAsync();
            (objection, contact) = (open.Id, open.ObjectorContact);
        }

        var examiner = await platform.SignedInAsync(Web.Demo.DemoSeeder.ExaminerEmail("4403"), Web.Demo.DemoSeeder.Password);
        var applicant = await platform.SignedInAsync(Web.Demo.DemoSeeder.Applicants[0].Email, Web.Demo.DemoSeeder.Password);
        var otherBody = await platform.SignedInAsync(Web.Demo.DemoSeeder.ExaminerEmail("4400"), Web.Demo.DemoSeeder.Password);
        var page = $"/applications/{id}";

        var examinerPage = await examiner.GetStringAsync(page);
        var applicantPage = await applicant.GetStringAsync(page);
        using var stranger = await PostAsync(otherBody, page, "DismissObjection", reason: "无证据。", tokenFrom: "/applications", objectionId: objection);
        using var missing = await PostAsync(examiner, page, "DismissObjection", reason: "", objectionId: objection);
        var missingHtml = WebUtility.HtmlDecode(await missing.Content.ReadAsStringAsync());
        using var dismissed = await PostAsync(examiner, page, "DismissObjection", reason: "异议人未提供权属证据。", objectionId: objection);
        var done = await examiner.GetStringAsync(dismissed.RedirectTarget());
        var after = await examiner.GetStringAsync(page);

        Assert.Contains(contact, examinerPage);
        Assert.Equal(["UpholdObjection", "DismissObjection"], Offered(examinerPage));
        Assert.DoesNotContain(contact, applicantPage);
        Assert.DoesNotContain("data-objection=", applicantPage);
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains($"<a href=\"#act-DismissObjection-{objection:N}\">请说明异议不成立的理由。</a>", missingHtml);
        Assert.Equal(HttpStatusCode.Redirect, dismissed.StatusCode);
        Assert.Contains("<h1>异议不成立</h1>", done);
        Assert.Contains("公示继续", done);
        Assert.Contains("state-publicnotice", after);
        Assert.Contains("<dd>异议不成立</dd>", after);
        Assert.Empty(Offered(after)); // the notice runs on: nothing for the examiner until it ends
    }

    // The acts a page offers, by the hidden trigger of each form, in order.
    private static List<string> Offered(string html) => [.. Trigger().Matches(html).Select(m => m.Groups[1].Value)];

    // Posts an act's form as a browser would, with the antiforgery token of a page the client may open.
    private static async Task<HttpResponseMessage> PostAsync(
        HttpClient client, string page, string trigger, string? reason = null, string? tokenFrom = null, Guid? objectionId = null)
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

        if (objectionId is { } objection)
        {
            fields["ObjectionId"] = objection.ToString();
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
