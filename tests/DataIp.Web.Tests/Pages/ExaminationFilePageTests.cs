using System.Net;
using DataIp.Data;
using DataIp.Testing;
using DataIp.Web.Tests.Infrastructure;

namespace DataIp.Web.Tests.Pages;

/// <summary>
/// The application's page shows the examiner the file beside the decision: the whole content, the attachments (each
/// downloadable with the sign-in cookie, by whoever may read the application, and by nobody else),
/// the fingerprint, the overlaps and a checklist read from the record, formal points first and
/// substantive ones where the body examines substance (Shanghai, 3100). The applicant sees its
/// attachments and evidence, not the examiner's checklist or overlaps.
/// </summary>
public sealed class ExaminationFilePageTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ApplicationPage_ExaminerSeesFileAndChecklist_AttachmentOnlyForItsReaders(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider);
        var applicantEmail = $"applicant.{Guid.NewGuid():N}@test.dataip.cn";
        var applicantApi = await platform.ApplicantAsync(applicantEmail);
        var content = TestContent.Complete();
        var id = (await applicantApi.PostJsonAsync("/api/v1/applications", new { bodyCode = "3100", content }).OkAsync()).Str("id");
        using var form = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.4\n%授权协议\n"u8.ToArray()), "file", "数据授权协议.pdf" } };
        var attachment = (await (await applicantApi.PostAsync($"/api/v1/applications/{id}/attachments?kind=proofOfSource", form)).Content.ReadAsStringAsync());
        var attachmentId = System.Text.Json.JsonDocument.Parse(attachment).RootElement.Str("id");
        content = content with { DataObject = content.DataObject! with { SourceProofAttachmentIds = [Guid.Parse(attachmentId)] } };
        await applicantApi.PutJsonAsync($"/api/v1/applications/{id}/content", new { content }).OkAsync();
        await applicantApi.PostJsonAsync($"/api/v1/applications/{id}/submit").OkAsync();
        var examinerEmail = $"examiner.{Guid.NewGuid():N}@test.dataip.cn";
        await platform.ExaminerAsync("3100", examinerEmail);
        var otherExaminerEmail = $"examiner.{Guid.NewGuid():N}@test.dataip.cn";
        await platform.ExaminerAsync("4400", otherExaminerEmail);
        var strangerEmail = $"applicant.{Guid.NewGuid():N}@test.dataip.cn";
        await platform.ApplicantAsync(strangerEmail);
        var examiner = await platform.SignedInAsync(examinerEmail);
        var applicant = await platform.SignedInAsync(applicantEmail);
        var download = $"/applications/{id}/attachments/{attachmentId}";

        var examinerPage = WebUtility.HtmlDecode(await examiner.GetStringAsync($"/applications/{id}"));
        var applicantPage = WebUtility.HtmlDecode(await applicant.GetStringAsync($"/applications/{id}"));
        var englishPage = WebUtility.HtmlDecode(await examiner.GetStringAsync($"/applications/{id}?culture=en"));
        using var byExaminer = await examiner.GetAsync(download);
        using var byApplicant = await applicant.GetAsync(download);
        using var byStranger = await (await platform.SignedInAsync(strangerEmail)).GetAsync(download);
        using var byOtherBody = await (await platform.SignedInAsync(otherExaminerEmail)).GetAsync(download);
        using var byAnonymous = await platform.CookieClient().GetAsync(download);

        Assert.Contains("<h2 id=\"content-heading\">申请内容</h2>", examinerPage); // the whole content, beside the checklist
        Assert.Contains(content.DataObject!.ProcessingRules!, examinerPage);
        Assert.Contains("数据授权协议.pdf", examinerPage[examinerPage.IndexOf("content-heading", StringComparison.Ordinal)..]);
        Assert.Contains($"href=\"{download}\"", examinerPage);
        Assert.Contains("数据授权协议.pdf", examinerPage);
        Assert.Contains(content.Evidence!.Fingerprint!.Root!, examinerPage);
        Assert.Contains("<h2 id=\"checklist-heading\">审查要点</h2>", examinerPage);
        Assert.Contains("<h3>形式审查</h3>", examinerPage);
        Assert.Contains("<h3>实质审查</h3>", examinerPage); // Shanghai examines substance
        Assert.Matches("data-check=\"Identity\"><a href=\"#summary-heading\">申请人身份已核验</a> <strong class=\"state state-registered\">符合</strong>", examinerPage);
        Assert.Matches("data-check=\"SourceProof\">.*<strong class=\"state state-registered\">符合</strong>", examinerPage);
        Assert.Matches("data-check=\"Overlaps\">.*<strong class=\"state state-registered\">符合</strong>", examinerPage);
        Assert.Contains("未发现与其他数据集重叠。", examinerPage);
        Assert.Contains("<h3>Formal examination</h3>", englishPage);
        Assert.Contains($"href=\"{download}\"", applicantPage);
        Assert.DoesNotContain("checklist-heading", applicantPage);
        Assert.DoesNotContain("overlaps-heading", applicantPage);
        Assert.Equal(HttpStatusCode.OK, byExaminer.StatusCode);
        Assert.Equal("%PDF-1.4\n%授权协议\n", await byExaminer.Content.ReadAsStringAsync());
        Assert.Equal("attachment", byExaminer.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(HttpStatusCode.OK, byApplicant.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byStranger.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byOtherBody.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, byAnonymous.StatusCode);
    }
}
