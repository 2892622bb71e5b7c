using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using DataIp.Data;
using DataIp.Testing;
using DataIp.Web.Tests.Infrastructure;
using DataIp.Web.Tests.Lifecycle;

namespace DataIp.Web.Tests.Api;

/// <summary>Attachments: type-checked by content, stored by id, readable by those who may read the application.</summary>
public sealed class AttachmentTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Upload_SampleCsv_StoredWithHashAndDownloadable(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider);
        var applicant = await platform.ApplicantAsync();
        var other = await platform.ApplicantAsync();
        var id = (await applicant.PostJsonAsync("/api/v1/applications", new { bodyCode = "4400" }).OkAsync()).Str("id");
        var bytes = "grid_id,flow\nA1,12\n网格B,7\n"u8.ToArray();

        var stored = await applicant.PostAsync($"/api/v1/applications/{id}/attachments?kind=sampleData", File(bytes, "../../样例.csv")).OkAsync();
        var download = await applicant.GetAsync($"/api/v1/applications/{id}/attachments/{stored.Str("id")}");
        var acts = await applicant.GetAsync($"/api/v1/applications/{id}/acts").OkAsync();

        Assert.Equal("text/csv", stored.Str("contentType"));
        Assert.Equal("样例.csv", stored.Str("fileName"));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), stored.Str("sha256"));
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("addAttachment", acts[1].Str("type"));
        Assert.Equal(stored.Str("sha256"), acts[1].GetProperty("payload").Str("sha256"));
        await other.GetAsync($"/api/v1/applications/{id}/attachments/{stored.Str("id")}").ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Upload_WrongTypeOrState_RefusedAndNothingRecorded(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider);
        var applicant = await platform.ApplicantAsync();
        var draft = (await applicant.PostJsonAsync("/api/v1/applications", new { bodyCode = "4400" }).OkAsync()).Str("id");
        var submitted = await LifecycleWalkTests.SubmitAsync(applicant, "4400");

        var exe = await applicant.PostAsync($"/api/v1/applications/{draft}/attachments?kind=powerOfAttorney", File("MZ\u0090\0binary"u8.ToArray(), "委托书.pdf"))
            .ProblemAsync(HttpStatusCode.BadRequest);
        var csvAsPower = await applicant.PostAsync($"/api/v1/applications/{draft}/attachments?kind=powerOfAttorney", File("a,b\n1,2\n"u8.ToArray(), "委托书.csv"))
            .ProblemAsync(HttpStatusCode.BadRequest);
        await applicant.PostAsync($"/api/v1/applications/{draft}/attachments?kind=objectionEvidence", File("%PDF-1.4\n"u8.ToArray(), "x.pdf"))
            .ProblemAsync(HttpStatusCode.BadRequest);
        await applicant.PostAsync($"/api/v1/applications/{draft}/attachments?kind=notAKind", File("%PDF-1.4\n"u8.ToArray(), "x.pdf"))
            .ProblemAsync(HttpStatusCode.BadRequest);
        await applicant.PostAsync($"/api/v1/applications/{submitted}/attachments?kind=sampleData", File("a,b\n"u8.ToArray(), "x.csv"))
            .ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(["file"], exe.ErrorFields());
        Assert.Contains("PDF", csvAsPower.Str("detail"), StringComparison.Ordinal);
        Assert.Equal(0, (await applicant.GetAsync($"/api/v1/applications/{draft}/attachments").OkAsync()).GetArrayLength());
        Assert.Equal(1, (await applicant.GetAsync($"/api/v1/applications/{draft}/acts").OkAsync()).GetArrayLength());
    }

    private static MultipartFormDataContent File(byte[] bytes, string name)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { file, "file", name } };
    }
}
