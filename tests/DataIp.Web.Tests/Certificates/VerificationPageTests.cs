using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using DataIp.Data;
using DataIp.Testing;
using DataIp.Web.Pages.Verify;
using DataIp.Web.Tests.Infrastructure;
using DataIp.Web.Tests.Pages;

namespace DataIp.Web.Tests.Certificates;

/// <summary>
/// The verification page /verify/{n} over HTTP on SQLite and PostgreSQL: the record, its status and
/// the server's checks in Chinese and English; the upload of a PDF or a credential, compared with the
/// register; readable 400 and 404 pages for bad numbers and bad files.
/// </summary>
public sealed class VerificationPageTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Page_RegisteredCertificate_ShowsStatusAndChecksOnceACheckpointCoversIt(DatabaseProvider provider)
    {
        await using var platform = await CertificateIssuanceTests.StartAsync(provider);
        var number = await RegisteredCertificateAsync(platform);
        var anyone = platform.CreateClient();

        var early = await PageAsync(anyone, $"/verify/{number}", HttpStatusCode.OK);
        await platform.PublishLogAsync();
        var html = await PageAsync(anyone, $"/verify/{number}", HttpStatusCode.OK);

        Assert.Contains("等待下一个检查点", early, StringComparison.Ordinal);
        Assert.Contains("等待下一个检查点", early, StringComparison.Ordinal);
        Assert.DoesNotContain("等待下一个检查点", html, StringComparison.Ordinal);
        Assert.Contains("data-status=\"valid\">有效</p>", html, StringComparison.Ordinal);
        Assert.Contains(TestContent.ApplicantName, html, StringComparison.Ordinal);
        foreach (var check in new[] { "Signature", "LogProof", "IssuanceAct", "LogInclusion" })
        {
            Assert.Contains($"class=\"check pass\" data-check=\"{check}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("class=\"check pass\" data-proof=\"eddsa-jcs-2022\"", html, StringComparison.Ordinal);
        Assert.Contains("class=\"check pass\" data-proof=\"dataip-sm2sm3-jcs-2026\"", html, StringComparison.Ordinal);
        Assert.Contains("<strong>凭证签名</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("check fail", html, StringComparison.Ordinal);
        Assert.Contains($"/api/v1/certificates/{number}/pdf", html, StringComparison.Ordinal);
        Assert.Contains("/.well-known/did.json", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Page_Revoked_ShowsRevokedWithReason(DatabaseProvider provider)
    {
        await using var platform = await CertificateIssuanceTests.StartAsync(provider);
        var (applicant, examiner, id) = await CertificateIssuanceTests.RegisterAsync(platform);
        var number = (await applicant.GetAsync($"/api/v1/applications/{id}").OkAsync()).Str("certificateNumber");

        await examiner.PostJsonAsync($"/api/v1/applications/{id}/revoke", new { reason = "登记后查明申请材料虚假。Fraud found after registration." }).OkAsync();
        var html = await PageAsync(platform.CreateClient(), $"/verify/{number}", HttpStatusCode.OK);

        Assert.Contains("data-status=\"revoked\">已撤销</p>", html, StringComparison.Ordinal);
        Assert.Contains("登记后查明申请材料虚假。Fraud found after registration.", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Upload_ThePdfPassesATamperedCredentialFailsGarbageIs400(DatabaseProvider provider)
    {
        await using var platform = await CertificateIssuanceTests.StartAsync(provider);
        var number = await RegisteredCertificateAsync(platform);
        await platform.PublishLogAsync();
        var anyone = platform.CreateClient();
        var pdf = await anyone.GetByteArrayAsync($"/api/v1/certificates/{number}/pdf");
        var envelope = JsonNode.Parse(await anyone.GetStringAsync($"/api/v1/certificates/{number}/credential"))!.AsObject();
        envelope["credential"]!["credentialSubject"]!["dataName"] = "另一个数据集";

        var real = await UploadAsync(platform, "/verify", pdf, "certificate.pdf", HttpStatusCode.OK);
        var tampered = await UploadAsync(platform, $"/verify/{number}", Encoding.UTF8.GetBytes(envelope.ToJsonString()), "credential.json", HttpStatusCode.OK);
        var garbage = await UploadAsync(platform, "/verify", "not a certificate"u8.ToArray(), "notes.txt", HttpStatusCode.BadRequest);
        var empty = await UploadAsync(platform, "/verify", [], "empty.pdf", HttpStatusCode.BadRequest);
        var noAttachment = await UploadAsync(platform, "/verify", "%PDF-1.4\n%%EOF\n"u8.ToArray(), "other.pdf", HttpStatusCode.BadRequest);
        var duplicate = await UploadAsync(platform, "/verify", """{"credentialSubject": {"a": 1, "a": 2}, "proof": 1, "proof": 2}"""u8.ToArray(), "dup.json", HttpStatusCode.BadRequest);

        Assert.DoesNotContain("check fail", real, StringComparison.Ordinal);
        Assert.Contains("class=\"check pass\" data-check=\"LogInclusion\"", real, StringComparison.Ordinal);
        Assert.Contains("class=\"check pass\" data-check=\"Same\"", real, StringComparison.Ordinal);
        Assert.Contains("data-status=\"valid\"", real, StringComparison.Ordinal);
        Assert.Contains("class=\"check fail\" data-check=\"Signature\"", tampered, StringComparison.Ordinal);
        Assert.Contains("a field of the credential was altered after signing", tampered, StringComparison.Ordinal);
        Assert.Contains("class=\"check fail\" data-proof=\"eddsa-jcs-2022\"", tampered, StringComparison.Ordinal);
        Assert.Contains("class=\"check fail\" data-proof=\"dataip-sm2sm3-jcs-2026\"", tampered, StringComparison.Ordinal);
        Assert.Contains("credentialSubject.dataName", tampered, StringComparison.Ordinal);
        Assert.Contains(Unreadable, garbage, StringComparison.Ordinal);
        Assert.Contains(Web.Pages.Text.Get(IndexModel.EmptyFile, Web.Pages.Text.Chinese), empty, StringComparison.Ordinal);
        Assert.Contains(Unreadable, noAttachment, StringComparison.Ordinal);
        Assert.Contains(Unreadable, duplicate, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Page_MalformedOrUnknownNumber_ReadablePageWith400Or404(DatabaseProvider provider)
    {
        await using var platform = await CertificateIssuanceTests.StartAsync(provider);
        var anyone = platform.CreateClient();

        var malformed = await PageAsync(anyone, "/verify/12345", HttpStatusCode.BadRequest);
        var unknown = await PageAsync(anyone, "/verify/20251144000000999", HttpStatusCode.NotFound);
        var unknownInEnglish = await PageAsync(anyone, "/verify/20251144000000999?culture=en", HttpStatusCode.NotFound);
        var blank = await PageAsync(anyone, "/verify", HttpStatusCode.OK);

        Assert.Contains("证书编号格式不正确：", malformed, StringComparison.Ordinal);
        Assert.Contains("登记簿上没有证书 20251144000000999。", unknown, StringComparison.Ordinal);
        Assert.Contains("No certificate 20251144000000999 is on the register.", unknownInEnglish, StringComparison.Ordinal);
        Assert.Contains("type=\"file\"", blank, StringComparison.Ordinal);
    }

    // The box on /verify: a typed number (spaces and hyphens as people copy them) opens its page; an empty one is a form error.
    [Fact]
    public async Task NumberBox_TypedNumber_OpensItsPageAndEmptyIsAFormError()
    {
        await using var platform = await CertificateIssuanceTests.StartAsync(DatabaseProvider.Sqlite);
        var number = await RegisteredCertificateAsync(platform);
        var anyone = platform.CookieClient();

        using var typed = await anyone.GetAsync($"/verify?number={Uri.EscapeDataString(" " + number[..4] + " " + number[4..8] + "-" + number[8..] + " ")}");
        var empty = await PageAsync(anyone, "/verify?number=+", HttpStatusCode.BadRequest);
        var page = await PageAsync(anyone, typed.RedirectTarget(), HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.Redirect, typed.StatusCode);
        Assert.Equal($"/verify/{number}", typed.RedirectTarget());
        Assert.Contains($"data-status=\"valid\"", page, StringComparison.Ordinal);
        Assert.Contains($"value=\"{number}\"", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#number\">请填写证书编号。</a>", empty, StringComparison.Ordinal);
        Assert.Contains("<p id=\"number-error\" class=\"field-error\">请填写证书编号。</p>", empty, StringComparison.Ordinal);
        Assert.Contains("<title>错误：证书查验", empty, StringComparison.Ordinal);
    }

    private static async Task<string> RegisteredCertificateAsync(RegistryFactory platform)
    {
        var (applicant, _, id) = await CertificateIssuanceTests.RegisterAsync(platform);
        return (await applicant.GetAsync($"/api/v1/applications/{id}").OkAsync()).Str("certificateNumber");
    }

    private static async Task<string> PageAsync(HttpClient client, string path, HttpStatusCode expected)
    {
        using var response = await client.GetAsync(path);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(response.StatusCode == expected, $"GET {path}: {(int)response.StatusCode}\n{html}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return html;
    }

    // The upload form as a browser posts it: the antiforgery token from a GET, the file as multipart.
    private static async Task<string> UploadAsync(RegistryFactory platform, string path, byte[] content, string fileName, HttpStatusCode expected)
    {
        using var client = platform.CookieClient();
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await SignInForm.AntiforgeryTokenAsync(client, path)), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);

        using var response = await client.PostAsync(path, form);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(response.StatusCode == expected, $"POST {path} ({fileName}): {(int)response.StatusCode}\n{html}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return html;
    }

    // The page's message for an unreadable file, up to the reason it names.
    private static string Unreadable => Web.Pages.Text.Get(IndexModel.Unreadable, Web.Pages.Text.Chinese).Split("{0}")[0];
}
