using System.Net;
using System.Text;
using DataIp.Data;
using DataIp.Testing;
using DataIp.Web.Tests.Certificates;
using DataIp.Web.Tests.Infrastructure;
using DataIp.Web.Tests.Lifecycle;
using DataIp.Web.Tests.Rights;

namespace DataIp.Web.Tests.Api;

/// <summary>
/// Issue M6, defect 9: broken, empty or wrong multipart bodies to the endpoints that take files
/// (objections, a pledge's release on a court order, attachments) answer a 4xx problem naming the
/// part, the missing field or <c>body</c>, and store no act and no file.
/// </summary>
public sealed class HostileMultipartTests
{
    private static readonly (string, string)[] Objection = [("objectorName", "王五"), ("objectorContact", "w@example.cn"), ("grounds", "理由")];

    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Objection_BrokenEmptyOrBadTextMultipart_400NamingThePartAndNothingStored(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider);
        var applicant = await platform.ApplicantAsync();
        var examiner = await platform.ExaminerAsync("4400");
        var id = await LifecycleWalkTests.SubmitAsync(applicant, "4400");
        await examiner.PostJsonAsync($"/api/v1/applications/{id}/examination/start").OkAsync();
        var number = (await examiner.PostJsonAsync($"/api/v1/applications/{id}/examination/pass").OkAsync()).Str("applicationNumber");
        var anyone = platform.CreateClient();
        var url = $"/api/v1/notices/{number}/objections";
        var (acts, attachments) = (await HostileBodies.ActCountAsync(platform), await HostileBodies.AttachmentCountAsync(platform));

        foreach (var (what, body) in HostileBodies.BrokenMultiparts(Objection))
        {
            await anyone.PostAsync(url, body()).NamingAsync(HttpStatusCode.BadRequest, "body", what);
        }

        var withFile = Encoding.UTF8.GetString(HostileBodies.MultipartBytes(HostileBodies.Boundary, Objection, ("files", "证据.pdf", Pdf)));
        await anyone.PostAsync(url, HostileBodies.Raw(Encoding.UTF8.GetBytes(withFile.Replace("--\r\n", "\r\nBroken header\r\n\r\nx\r\n--" + HostileBodies.Boundary + "--\r\n", StringComparison.Ordinal)),
            $"multipart/form-data; boundary={HostileBodies.Boundary}")).NamingAsync(HttpStatusCode.BadRequest, "body", "a file, then a broken part");
        foreach (var (what, body) in HostileBodies.PartlessMultiparts())
        {
            var empty = await anyone.PostAsync(url, body()).ProblemAsync(HttpStatusCode.BadRequest);
            Assert.True(empty.ErrorFields().Order().SequenceEqual(["grounds", "objectorContact", "objectorName"]), $"{what}: {empty}");
        }

        await anyone.PostAsync(url, HostileBodies.Multipart(("objectorName", "王\0五"), Objection[1], Objection[2])).NamingAsync(HttpStatusCode.BadRequest, "objectorName", "NUL");
        await anyone.PostAsync(url, HostileBodies.Multipart(("objectorName", "王\n五"), Objection[1], Objection[2])).NamingAsync(HttpStatusCode.BadRequest, "objectorName", "LF in a name");
        await anyone.PostAsync(url, HostileBodies.Multipart(Objection[0], Objection[1], ("grounds", "理由\u0085"))).NamingAsync(HttpStatusCode.BadRequest, "grounds", "C1");
        await anyone.PostAsync(url, HostileBodies.Multipart([.. Objection, ("objectorName", "赵六")])).NamingAsync(HttpStatusCode.BadRequest, "objectorName", "twice");
        await anyone.PostAsync(url, HostileBodies.Multipart([.. Objection, ("hacker", "1")])).NamingAsync(HttpStatusCode.BadRequest, "hacker", "unknown field");
        await anyone.PostAsync(url, HostileBodies.Json("{\"objectorName\": \"王五\"}")).NamingAsync(HttpStatusCode.UnsupportedMediaType, "Content-Type", "JSON");

        Assert.Equal((acts, attachments), (await HostileBodies.ActCountAsync(platform), await HostileBodies.AttachmentCountAsync(platform)));
        Assert.Equal(0, (await examiner.GetAsync($"/api/v1/applications/{id}/objections").OkAsync()).GetArrayLength());
        Assert.Equal("publicNotice", (await examiner.GetAsync($"/api/v1/applications/{id}").OkAsync()).Str("state"));
        var grounds = HostileBodies.Multipart(Objection[0], Objection[1], ("grounds", "第一条理由\r\n第二条理由\t（附表）"));
        Assert.Equal(HttpStatusCode.Created, (await anyone.PostAsync(url, grounds)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task PledgeRelease_BrokenMultipartOrAPledgeesMultipart_RefusedAndNothingStored(DatabaseProvider provider)
    {
        await using var platform = await CertificateIssuanceTests.StartAsync(provider);
        var (holder, examiner, id) = await CertificateIssuanceTests.RegisterAsync(platform);
        var number = await RightsTests.RegistrationNumberAsync(holder, id);
        var (bank, bankId) = await RightsTests.PledgeeAsync(platform, "示范银行");
        var pledge = (await holder.PostJsonAsync($"/api/v1/registrations/{number}/pledges", RightsTests.Pledge(bankId)).AcceptedAsync())
            .GetProperty("act").GetProperty("payload").GetProperty("pledge").Str("number");
        await bank.PostJsonAsync($"/api/v1/registrations/{number}/pledges/{pledge}/confirm").OkAsync();
        var url = $"/api/v1/registrations/{number}/pledges/{pledge}/release";
        var (acts, attachments) = (await HostileBodies.ActCountAsync(platform), await HostileBodies.AttachmentCountAsync(platform));
        (string, string)[] order = [("courtOrderNumber", "(2026)粤03民初123号"), ("reason", "法院裁定解除质押。"), ("courtName", "深圳市中级人民法院"), ("courtOrderDate", "2026-01-05")];

        foreach (var (what, body) in HostileBodies.BrokenMultiparts(order))
        {
            await examiner.PostAsync(url, body()).NamingAsync(HttpStatusCode.BadRequest, "body", what);
        }

        foreach (var (what, body) in HostileBodies.PartlessMultiparts())
        {
            await examiner.PostAsync(url, body()).NamingAsync(HttpStatusCode.BadRequest, "courtOrder", what);
        }

        await examiner.PostAsync(url, CourtOrder(("courtOrderNumber", "(2026)\0粤03"), order[1], order[2], order[3])).NamingAsync(HttpStatusCode.BadRequest, "courtOrderNumber", "NUL");
        await examiner.PostAsync(url, CourtOrder(("courtOrderNumber", "(2026)粤03\n民初123号"), order[1], order[2], order[3])).NamingAsync(HttpStatusCode.BadRequest, "courtOrderNumber", "LF");
        await examiner.PostAsync(url, CourtOrder(order[0], ("reason", "\u009b裁定"), order[2], order[3])).NamingAsync(HttpStatusCode.BadRequest, "reason", "C1");
        await bank.PostAsync(url, CourtOrder(order)).NamingAsync(HttpStatusCode.UnsupportedMediaType, "Content-Type", "a pledgee's multipart");
        await bank.PostAsync(url, HostileBodies.Json("{\"reason\": \"还清\"}", "application/json; charset=klingon")).NamingAsync(HttpStatusCode.UnsupportedMediaType, "Content-Type", "charset");
        await bank.PostAsync(url, HostileBodies.Json("{\"reason\": \"还\\u0000清\"}")).NamingAsync(HttpStatusCode.BadRequest, "reason", "NUL in JSON");
        await bank.PostAsync(url, HostileBodies.Json("{\"reason\": \"还清\\ud800\"}")).NamingAsync(HttpStatusCode.BadRequest, "reason", "lone surrogate");

        Assert.Equal((acts, attachments), (await HostileBodies.ActCountAsync(platform), await HostileBodies.AttachmentCountAsync(platform)));
        Assert.Single((await holder.GetAsync($"/api/v1/registrations/{number}/status").OkAsync()).GetProperty("pledges").EnumerateArray());
        await bank.PostAsync(url, HostileBodies.Json("{\"reason\": \"贷款已还清。\\n见还款凭证。\"}")).OkAsync();
        var released = (await bank.GetAsync($"/api/v1/registrations/{number}/rights").OkAsync()).GetProperty("pledges")[0];
        Assert.Equal(("released", "pledgee"), (released.Str("status"), released.Str("releaseBasis")));
        Assert.Equal(attachments, await HostileBodies.AttachmentCountAsync(platform));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Attachment_BrokenEmptyOrJsonBody_4xxNamingThePartAndNothingStored(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider);
        var applicant = await platform.ApplicantAsync();
        var id = (await applicant.PostJsonAsync("/api/v1/applications", new { bodyCode = "4400" }).OkAsync()).Str("id");
        var url = $"/api/v1/applications/{id}/attachments?kind=sampleData";

        foreach (var (what, body) in HostileBodies.BrokenMultiparts(("note", "x")))
        {
            await applicant.PostAsync(url, body()).NamingAsync(HttpStatusCode.BadRequest, "body", what);
        }

        foreach (var (what, body) in HostileBodies.PartlessMultiparts())
        {
            await applicant.PostAsync(url, body()).NamingAsync(HttpStatusCode.BadRequest, "file", what);
        }

        await applicant.PostAsync(url, HostileBodies.Json("{\"file\": \"x\"}")).NamingAsync(HttpStatusCode.UnsupportedMediaType, "Content-Type", "JSON");
        await applicant.PostAsync("/api/v1/applications", HostileBodies.Multipart(("bodyCode", "4400"))).NamingAsync(HttpStatusCode.UnsupportedMediaType, "Content-Type", "multipart to JSON");

        Assert.Equal((0, 0), await HostileBodies.AttachmentCountAsync(platform));
        Assert.Equal(1, (await applicant.GetAsync("/api/v1/applications").OkAsync()).GetArrayLength());
    }

    private static HttpContent CourtOrder(params (string Name, string Value)[] fields) =>
        HostileBodies.Raw(HostileBodies.MultipartBytes(HostileBodies.Boundary, fields, ("courtOrder", "order.pdf", Pdf)), $"multipart/form-data; boundary={HostileBodies.Boundary}");
}
