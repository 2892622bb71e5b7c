using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataIp.Crypto;
using DataIp.Crypto.Credentials;
using DataIp.Data;
using DataIp.Data.Accounts;
using DataIp.Testing;
using DataIp.Web.Features.Acts;
using DataIp.Web.Features.Applications;
using DataIp.Web.Features.Certificates;
using DataIp.Web.Features.Evidence;
using DataIp.Web.Features.Examination;
using DataIp.Web.Infrastructure;
using DataIp.Web.Tests.Infrastructure;
using DataIp.Web.Tests.Lifecycle;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace DataIp.Web.Tests.Certificates;

/// <summary>
/// Issue M4 over HTTP on SQLite and PostgreSQL: a registration issues a certificate whose
/// credential verifies against the published DID document, whose issuance act is proven in the
/// log, whose PDF embeds the same credential, and whose status follows revocation and expiry.
/// </summary>
public sealed class CertificateIssuanceTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Register_IssuesCertificate_CredentialSignedAndProvenInTheLog(DatabaseProvider provider)
    {
        await using var platform = await StartAsync(provider);
        var (applicant, _, id) = await RegisterAsync(platform);
        var application = await applicant.GetAsync($"/api/v1/applications/{id}").OkAsync();
        var number = application.Str("certificateNumber");
        var anyone = platform.CreateClient();

        var status = await anyone.GetAsync($"/api/v1/certificates/{number}").OkAsync();
        Assert.Equal("valid", status.Str("status"));
        Assert.Equal(application.Str("registrationNumber"), status.Str("registrationNumber"));
        Assert.Equal(TestContent.ApplicantName, status.GetProperty("holders")[0].GetString());
        Assert.Equal("4400", status.GetProperty("registrationBody").Str("code"));
        Assert.Equal(application.Str("validUntil"), status.Str("validUntil"));
        Assert.Equal($"http://127.0.0.1:5080/verify/{number}", status.GetProperty("links").Str("verification"));

        // Before a checkpoint covers the issuance act the credential travels without its proof.
        var early = await EnvelopeAsync(anyone, number);
        Assert.Null(early["tlogProof"]);
        await platform.PublishLogAsync();
        var envelope = await EnvelopeAsync(anyone, number);
        var credential = envelope["credential"]!.AsObject();
        var did = JsonNode.Parse(await anyone.GetStringAsync("/.well-known/did.json"))!.AsObject();
        Assert.True(IssuerDocument.TryReadVerificationMethods(did, out var methods, out var error), error);
        var verified = CredentialVerifier.Verify(credential, [.. methods!]);
        Assert.True(verified.IsValid, verified.Message);
        Assert.Equal(2, verified.Proofs.Count);

        var subject = credential["credentialSubject"]!.AsObject();
        Assert.Equal(number, (string)subject["certificateNumber"]!);
        Assert.Equal(application.Str("dataName"), (string)subject["dataName"]!);
        var issuanceAct = subject["issuanceAct"]!.AsObject();
        Assert.True(TlogProof.TryParse((string)envelope["tlogProof"]!, out var proof, out var parseError), parseError);
        Assert.Equal((long)issuanceAct["index"]!, proof!.Index);
        var leafHash = SHA256.HashData([0, .. proof.Extra!]);
        Assert.Equal((string)issuanceAct["leafHash"]!, Convert.ToBase64String(leafHash));
        using var entry = JsonDocument.Parse(proof.Extra!);
        Assert.Contains(number, entry.RootElement.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("issueCertificate", entry.RootElement.GetRawText(), StringComparison.Ordinal);

        // The DID document read as dataip verify reads it: its log's keys, named after the origin.
        Assert.True(IssuerVerifierKeys.TryReadDidDocument(System.Text.Encoding.UTF8.GetBytes(did.ToJsonString()), out var issuer, out var didError), didError);
        var inLog = proof.Verify(leafHash, issuer.Log!);
        Assert.True(inLog.IsValid, inLog.Message);
        Assert.Equal((string)issuanceAct["log"]!, issuer.Log!.Origin);
        Assert.Equal([NoteKeyAlgorithm.Ed25519, NoteKeyAlgorithm.Sm2], issuer.Log.Keys.Select(k => k.Algorithm));

        // The proof is against the first checkpoint that covers the act: later checkpoints do not change it.
        await applicant.PostJsonAsync("/api/v1/applications", new { bodyCode = "4400", content = TestContent.Complete() }).OkAsync();
        var later = await platform.PublishLogAsync();
        Assert.True(later.TreeSize > proof.Index + 1);
        Assert.Equal((string)envelope["tlogProof"]!, (string)(await EnvelopeAsync(anyone, number))["tlogProof"]!);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Revoke_ByExaminerWithReasons_StatusRevokedForEveryone(DatabaseProvider provider)
    {
        await using var platform = await StartAsync(provider);
        var (applicant, examiner, id) = await RegisterAsync(platform);
        var number = (await applicant.GetAsync($"/api/v1/applications/{id}").OkAsync()).Str("certificateNumber");

        var noReason = await examiner.PostJsonAsync($"/api/v1/applications/{id}/revoke", new { reason = " " }).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("reason", noReason.ErrorFields());
        Assert.NotEqual(HttpStatusCode.OK, (await applicant.PostJsonAsync($"/api/v1/applications/{id}/revoke", new { reason = "自行撤销" })).StatusCode);
        Assert.Equal("valid", (await platform.CreateClient().GetAsync($"/api/v1/certificates/{number}").OkAsync()).Str("status"));

        var revoked = await examiner.PostJsonAsync($"/api/v1/applications/{id}/revoke", new { reason = "登记后查明申请材料虚假。Fraud found after registration." }).OkAsync();
        Assert.Equal("revoked", revoked.Str("state"));
        var status = await platform.CreateClient().GetAsync($"/api/v1/certificates/{number}").OkAsync();
        Assert.Equal("revoked", status.Str("status"));
        Assert.Equal("登记后查明申请材料虚假。Fraud found after registration.", status.Str("statusReason"));
        await examiner.PostJsonAsync($"/api/v1/applications/{id}/revoke", new { reason = "again" }).ProblemAsync(HttpStatusCode.Conflict);

        // The revocation is a public act in the log, with its reasons.
        var acts = await examiner.GetAsync($"/api/v1/applications/{id}/acts").OkAsync();
        Assert.Contains(acts.EnumerateArray(), a => a.Str("type") == "revoke");
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Reissue_NewNumberForTheSameRegistration_EarlierSuperseded(DatabaseProvider provider)
    {
        await using var platform = await StartAsync(provider);
        var (applicant, examiner, id) = await RegisterAsync(platform);
        var registered = await applicant.GetAsync($"/api/v1/applications/{id}").OkAsync();
        var first = registered.Str("certificateNumber");

        var noReason = await examiner.PostJsonAsync($"/api/v1/applications/{id}/certificates/reissue", new { reason = "" }).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("reason", noReason.ErrorFields());
        var reissued = await examiner.PostJsonAsync($"/api/v1/applications/{id}/certificates/reissue", new { reason = "证书遗失，申请补发。" }).OkAsync();
        Assert.Equal("registered", reissued.Str("state"));
        var second = reissued.Str("certificateNumber");
        Assert.NotEqual(first, second);
        Assert.Equal(registered.Str("registrationNumber"), reissued.Str("registrationNumber"));

        var anyone = platform.CreateClient();
        var old = await anyone.GetAsync($"/api/v1/certificates/{first}").OkAsync();
        Assert.Equal("superseded", old.Str("status"));
        Assert.Equal(second, old.Str("supersededBy"));
        var current = await anyone.GetAsync($"/api/v1/certificates/{second}").OkAsync();
        Assert.Equal("valid", current.Str("status"));
        Assert.Equal(first, current.Str("supersedes"));
        Assert.True(current.GetProperty("issuanceLogIndex").GetInt64() > old.GetProperty("issuanceLogIndex").GetInt64());

        await platform.PublishLogAsync();
        var did = JsonNode.Parse(await anyone.GetStringAsync("/.well-known/did.json"))!.AsObject();
        Assert.True(IssuerDocument.TryReadVerificationMethods(did, out var methods, out _));
        var credential = (await EnvelopeAsync(anyone, second))["credential"]!.AsObject();
        Assert.True(CredentialVerifier.Verify(credential, [.. methods!]).IsValid);
        Assert.Equal(first, (string)credential["credentialSubject"]!["supersedes"]!);
        Assert.True(CredentialVerifier.Verify((await EnvelopeAsync(anyone, first))["credential"]!.AsObject(), [.. methods!]).IsValid);

        // Revocation reaches every certificate of the registration.
        await examiner.PostJsonAsync($"/api/v1/applications/{id}/revoke", new { reason = "异议成立。" }).OkAsync();
        Assert.Equal("revoked", (await anyone.GetAsync($"/api/v1/certificates/{first}").OkAsync()).Str("status"));
        Assert.Equal("revoked", (await anyone.GetAsync($"/api/v1/certificates/{second}").OkAsync()).Str("status"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task StatusCheck_FromMemory_FollowsThisNodesActsAtOnceAndOtherNodesOnRefresh(DatabaseProvider provider)
    {
        await using var platform = await StartAsync(provider);
        var (applicant, examiner, id) = await RegisterAsync(platform);
        var first = (await applicant.GetAsync($"/api/v1/applications/{id}").OkAsync()).Str("certificateNumber");
        var anyone = platform.CreateClient();
        var index = platform.Services.GetRequiredService<CertificateStatusIndex>();
        await index.LoadAsync(CancellationToken.None);
        Assert.Equal("valid", index.Find(first)!.Status);
        var lean = await anyone.GetAsync($"/api/v1/certificates/{first}/status").OkAsync();
        Assert.Equal("valid", lean.Str("status"));
        Assert.Equal((await anyone.GetAsync($"/api/v1/certificates/{first}").OkAsync()).Str("validUntil"), lean.Str("validUntil"));
        Assert.Contains("certificateNumber", (await anyone.GetAsync("/api/v1/certificates/123/status").ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        await anyone.GetAsync("/api/v1/certificates/20251144000000999/status").ProblemAsync(HttpStatusCode.NotFound);

        // This node's act shows in the answer to the act.
        var second = (await examiner.PostJsonAsync($"/api/v1/applications/{id}/certificates/reissue", new { reason = "换发。" }).OkAsync()).Str("certificateNumber");
        var superseded = await anyone.GetAsync($"/api/v1/certificates/{first}/status").OkAsync();
        Assert.Equal("superseded", superseded.Str("status"));
        Assert.Equal(second, superseded.Str("supersededBy"));
        Assert.Equal("valid", index.Find(second)!.Status);

        // Another node sharing the database revokes: this node's index learns it on its next refresh.
        await using (var scope = platform.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            var otherNode = new ActPipeline(db, platform.Clock, new CalendarService(db), new EvidenceService(db, new EvidenceOptions()),
                scope.ServiceProvider.GetRequiredService<CertificateIssuer>(), new DataIp.Web.Features.Notifications.Notifier(db));
            var bodyId = (await db.Applications.SingleAsync(a => a.Id == Guid.Parse(id))).BodyId;
            var outcome = await otherNode.RunAsync(Guid.Parse(id), new ActingParty(Guid.NewGuid(), AccountRole.Examiner, bodyId, "审查员"), new Revoke(), "撤销。", CancellationToken.None);
            Assert.True(outcome.Succeeded, outcome.Detail);
        }

        Assert.Equal("valid", index.Find(second)!.Status);
        await index.RefreshAsync(CancellationToken.None);
        var revoked = await anyone.GetAsync($"/api/v1/certificates/{second}/status").OkAsync();
        Assert.Equal("revoked", revoked.Str("status"));
        Assert.Equal("撤销。", revoked.Str("statusReason"));
        Assert.Equal("revoked", index.Find(first)!.Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Status_AfterValidUntil_Expired(DatabaseProvider provider)
    {
        await using var platform = await StartAsync(provider);
        var (applicant, _, id) = await RegisterAsync(platform);
        var application = await applicant.GetAsync($"/api/v1/applications/{id}").OkAsync();
        var validUntil = DateOnly.Parse(application.Str("validUntil"), System.Globalization.CultureInfo.InvariantCulture);

        await platform.SetTimeAsync(new DateTimeOffset(validUntil.ToDateTime(new TimeOnly(23, 59)), TimeSpan.FromHours(8)));
        Assert.Equal("valid", (await platform.CreateClient().GetAsync($"/api/v1/certificates/{application.Str("certificateNumber")}").OkAsync()).Str("status"));
        await platform.SetTimeAsync(new DateTimeOffset(validUntil.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)));
        Assert.Equal("expired", (await platform.CreateClient().GetAsync($"/api/v1/certificates/{application.Str("certificateNumber")}").OkAsync()).Str("status"));
    }

    [Fact]
    public async Task Backfill_CertificateFromBeforeCredentials_SignedFromItsIssuanceAct()
    {
        await using var platform = await StartAsync(DatabaseProvider.Sqlite);
        var (applicant, _, id) = await RegisterAsync(platform);
        var number = (await applicant.GetAsync($"/api/v1/applications/{id}").OkAsync()).Str("certificateNumber");
        await platform.PublishLogAsync();
        var issued = JsonNode.Parse((await EnvelopeAsync(platform.CreateClient(), number))["credential"]!.ToJsonString())!;

        await using (var scope = platform.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            await db.Certificates.Where(c => c.CertificateNumber == number)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.Credential, (string?)null).SetProperty(c => c.IssuanceLogIndex, (long?)null));
            await platform.CreateClient().GetAsync($"/api/v1/certificates/{number}").ProblemAsync(HttpStatusCode.NotFound);
            Assert.Equal(1, await CertificateBackfill.RunAsync(db, scope.ServiceProvider.GetRequiredService<CertificateIssuer>(), NullLogger.Instance, CancellationToken.None));
            Assert.Equal(0, await CertificateBackfill.RunAsync(db, scope.ServiceProvider.GetRequiredService<CertificateIssuer>(), NullLogger.Instance, CancellationToken.None));
        }

        var envelope = await EnvelopeAsync(platform.CreateClient(), number);
        var did = JsonNode.Parse(await platform.CreateClient().GetStringAsync("/.well-known/did.json"))!.AsObject();
        Assert.True(IssuerDocument.TryReadVerificationMethods(did, out var methods, out _));
        Assert.True(CredentialVerifier.Verify(envelope["credential"]!.AsObject(), [.. methods!]).IsValid);
        Assert.True(JsonNode.DeepEquals(issued["credentialSubject"], envelope["credential"]!["credentialSubject"]));
        Assert.NotNull(envelope["tlogProof"]);
    }

    [Fact]
    public async Task Lookup_MalformedOrUnknownNumber_ProblemNot500()
    {
        await using var platform = await StartAsync(DatabaseProvider.Sqlite);
        var anyone = platform.CreateClient();
        foreach (var path in new[] { "", "/pdf", "/credential" })
        {
            var malformed = await anyone.GetAsync($"/api/v1/certificates/12345{path}").ProblemAsync(HttpStatusCode.BadRequest);
            Assert.Contains("certificateNumber", malformed.ErrorFields());
            await anyone.GetAsync($"/api/v1/certificates/20251144000000999{path}").ProblemAsync(HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task Pdf_EmbedsTheServedCredential_AndNeedsTheBodysSeal()
    {
        PdfTools.RequireOrSkip("pdfdetach", "pdftotext", "pdftoppm", "zbarimg", "pdffonts");
        var seal = Path.Combine(Path.GetTempPath(), $"seal-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(seal, TestPng.SolidRgba(64, 64, 200, 0, 0, 255));
        try
        {
            await using var platform = await RegistryFactory.StartAsync(DatabaseProvider.Sqlite, LifecycleWalkTests.At(2025, 9, 1, 9),
                configure: b => b.UseSetting("DataIp:Certificates:Seals:4400", seal));
            var (applicant, _, id) = await RegisterAsync(platform);
            var number = (await applicant.GetAsync($"/api/v1/applications/{id}").OkAsync()).Str("certificateNumber");
            await platform.PublishLogAsync();
            var anyone = platform.CreateClient();

            var response = await anyone.GetAsync($"/api/v1/certificates/{number}/pdf");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
            var directory = Directory.CreateTempSubdirectory("dataip-cert-").FullName;
            var pdf = Path.Combine(directory, "certificate.pdf");
            await File.WriteAllBytesAsync(pdf, await response.Content.ReadAsByteArrayAsync());

            PdfTools.Ok("pdfdetach", "-saveall", "-o", directory, pdf);
            var embedded = await File.ReadAllTextAsync(Path.Combine(directory, "credential.json"));
            Assert.Equal(await anyone.GetStringAsync($"/api/v1/certificates/{number}/credential"), embedded);
            var text = PdfTools.Ok("pdftotext", "-layout", pdf, "-");
            Assert.Contains(number, text, StringComparison.Ordinal);
            Assert.Contains(TestContent.ApplicantName, text, StringComparison.Ordinal);
            var fonts = PdfTools.Ok("pdffonts", pdf).Split('\n').Skip(2).Where(l => l.Length > 0)
                .Select(r => System.Text.RegularExpressions.Regex.Match(r, @"^(\S+)\s.*\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$")).ToList();
            Assert.NotEmpty(fonts);
            Assert.All(fonts, f => Assert.True(f.Success && f.Groups[2].Value == "yes", $"not embedded: {f.Value}"));
            // The QR code opens this certificate's verification page.
            PdfTools.Ok("pdftoppm", "-r", "150", "-png", "-singlefile", pdf, Path.Combine(directory, "page"));
            var decoded = PdfTools.Ok("zbarimg", "--raw", "-q", Path.Combine(directory, "page.png")).TrimEnd('\n');
            Assert.Equal((await anyone.GetAsync($"/api/v1/certificates/{number}").OkAsync()).GetProperty("links").Str("verification"), decoded);
            Assert.EndsWith("/verify/" + number, decoded, StringComparison.Ordinal);
            Directory.Delete(directory, recursive: true);

            // A body with no seal configured gets no PDF (and no fake seal) outside the demo.
            await using var unsealed = await StartAsync(DatabaseProvider.Sqlite, placeholder: false);
            var (otherApplicant, _, otherId) = await RegisterAsync(unsealed);
            var other = (await otherApplicant.GetAsync($"/api/v1/applications/{otherId}").OkAsync()).Str("certificateNumber");
            var refused = await unsealed.CreateClient().GetAsync($"/api/v1/certificates/{other}/pdf").ProblemAsync(HttpStatusCode.ServiceUnavailable);
            Assert.Contains("DataIp:Certificates:Seals:4400", refused.Str("detail"), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(seal);
        }
    }

    internal static Task<RegistryFactory> StartAsync(DatabaseProvider provider, bool placeholder = true) =>
        RegistryFactory.StartAsync(provider, LifecycleWalkTests.At(2025, 9, 1, 9),
            configure: placeholder ? b => b.UseSetting("DataIp:Certificates:PlaceholderSeal", "true") : null);

    /// <summary>An application of body 4400 taken through to registration (clock then on 2025-09-30).</summary>
    internal static async Task<(HttpClient Applicant, HttpClient Examiner, string Id)> RegisterAsync(RegistryFactory platform)
    {
        var applicant = await platform.ApplicantAsync();
        var examiner = await platform.ExaminerAsync("4400");
        var draft = await applicant.PostJsonAsync("/api/v1/applications", new { bodyCode = "4400", content = TestContent.Complete() }).OkAsync();
        var id = draft.Str("id");
        await applicant.PostJsonAsync($"/api/v1/applications/{id}/submit").OkAsync();
        await examiner.PostJsonAsync($"/api/v1/applications/{id}/examination/start").OkAsync();
        await examiner.PostJsonAsync($"/api/v1/applications/{id}/examination/pass").OkAsync();
        await platform.SetTimeAsync(LifecycleWalkTests.At(2025, 9, 30, 9));
        Assert.Equal(1, await platform.SweepAsync());
        return (applicant, examiner, id);
    }

    private static async Task<JsonObject> EnvelopeAsync(HttpClient client, string number)
    {
        var response = await client.GetAsync($"/api/v1/certificates/{number}/credential");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()))!.AsObject();
    }
}
