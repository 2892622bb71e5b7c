using System.Net;
using System.Text;
using DataIp.Data;
using DataIp.Domain.Fingerprinting;
using DataIp.Domain.Registration;
using DataIp.Testing;
using DataIp.Web.Tests.Certificates;
using DataIp.Web.Tests.Infrastructure;
using DataIp.Web.Tests.Rights;

namespace DataIp.Web.Tests.Api;

/// <summary>
/// Issue M6, defect 9: hostile JSON (a charset nobody speaks, lone surrogates, control characters,
/// chunked bodies past the limit), dates at the ends of the calendar and control characters in the
/// path each answer a 4xx problem naming what was wrong, never a 500, and store nothing.
/// </summary>
public sealed class HostileInputTests
{
    private const string Draft = "{\"bodyCode\": \"4400\"}";

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Json_CharsetNotUtf8_415NamingContentTypeAndNothingStored(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider);
        var applicant = await platform.ApplicantAsync();

        foreach (var type in new[] { "application/json; charset=klingon", "application/json; charset=utf-16", "application/json; charset=iso-8859-1", "application/json; charset=" })
        {
            await applicant.PostAsync("/api/v1/applications", HostileBodies.Json(Draft, type)).NamingAsync(HttpStatusCode.UnsupportedMediaType, "Content-Type", type);
        }

        Assert.Equal(0, (await applicant.GetAsync("/api/v1/applications").OkAsync()).GetArrayLength());
        foreach (var type in new[] { "application/json; charset=utf-8", "application/json; charset=\"UTF-8\"", "application/json" })
        {
            await applicant.PostAsync("/api/v1/applications", HostileBodies.Json(Draft, type)).OkAsync();
        }

        Assert.Equal(3, (await applicant.GetAsync("/api/v1/applications").OkAsync()).GetArrayLength());
    }

    public static TheoryData<string, string> BadText => new()
    {
        { "{\"bodyCode\": \"44\\u000000\"}", "bodyCode" },
        { "{\"bodyCode\": \"4400\", \"content\": {\"dataObject\": {\"dataName\": \"\\ud800\"}}}", "content.dataObject.dataName" },
        { "{\"bodyCode\": \"4400\", \"content\": {\"dataObject\": {\"dataName\": \"数据\\udc00集\"}}}", "content.dataObject.dataName" },
        { "{\"bodyCode\": \"4400\", \"content\": {\"dataObject\": {\"dataName\": \"城市\\n数据集\"}}}", "content.dataObject.dataName" },
        { "{\"bodyCode\": \"4400\", \"content\": {\"dataObject\": {\"productSummary\": \"摘要\\u0085\"}}}", "content.dataObject.productSummary" },
        { "{\"bodyCode\": \"4400\", \"content\": {\"dataObject\": {\"productSummary\": \"摘要\\u001b[31m\"}}}", "content.dataObject.productSummary" },
        { "{\"bodyCode\": \"4400\", \"content\": {\"dataObject\": {\"applicationScenarios\": [\"交通\", \"\\uffff\"]}}}", "content.dataObject.applicationScenarios[1]" },
        { "{\"bodyCode\": \"4400\", \"content\": {\"applicant\": {\"name\": \"某公司\\ufffe\"}}}", "content.applicant.name" },
    };

    [Theory]
    [MemberData(nameof(BadText))]
    public async Task CreateDraft_ControlCharacterSurrogateOrNoncharacter_400NamingThePath(string body, string field)
    {
        await using var platform = await RegistryFactory.StartAsync(DatabaseProvider.Sqlite);
        var applicant = await platform.ApplicantAsync();

        await applicant.PostAsync("/api/v1/applications", HostileBodies.Json(body)).NamingAsync(HttpStatusCode.BadRequest, field, body);

        Assert.Equal(0, (await applicant.GetAsync("/api/v1/applications").OkAsync()).GetArrayLength());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task CreateDraft_TextWithLineBreaksTabsAndSurrogatePairs_StoredAsSent(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider);
        var applicant = await platform.ApplicantAsync();
        const string summary = "第一行\r\n第二行\t制表 𠀀 \ud83d\ude00";

        var draft = await applicant.PostJsonAsync("/api/v1/applications", new
        {
            bodyCode = "4400",
            content = TestContent.Complete() with { DataObject = TestContent.Complete().DataObject! with { ProductSummary = summary } },
        }).OkAsync();

        var stored = await applicant.GetAsync($"/api/v1/applications/{draft.Str("id")}").OkAsync();
        Assert.Equal(summary, stored.GetProperty("content").GetProperty("dataObject").Str("productSummary"));
    }

    [Fact]
    public async Task EvidenceCheck_LoneSurrogatesOrWrongMediaType_4xxNamingTheField()
    {
        await using var platform = await RegistryFactory.StartAsync(DatabaseProvider.Sqlite);
        var anyone = platform.CreateClient();
        var proof = RowProof();
        const string url = "/api/v1/registrations/2025440000000001/evidence/check";

        await anyone.PostAsync(url, HostileBodies.Json("{\"format\": \"\\ud800\"}")).NamingAsync(HttpStatusCode.BadRequest, "format", "format");
        await anyone.PostAsync(url, HostileBodies.Json(proof.Replace("\"sha256\"", "\"\\udfff\"", StringComparison.Ordinal)))
            .NamingAsync(HttpStatusCode.BadRequest, "hashAlgorithm", "hashAlgorithm");
        await anyone.PostAsync(url, HostileBodies.Json(proof.Replace("杭州", "\\ud800", StringComparison.Ordinal)))
            .NamingAsync(HttpStatusCode.BadRequest, "row.data", "row data");
        await anyone.PostAsync(url, HostileBodies.Json(proof, "application/json; charset=klingon")).NamingAsync(HttpStatusCode.UnsupportedMediaType, "Content-Type", "charset");
        await anyone.PostAsync(url, HostileBodies.Multipart(("proof", proof))).NamingAsync(HttpStatusCode.UnsupportedMediaType, "Content-Type", "multipart");
        await anyone.PostAsync(url, HostileBodies.Json(proof)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Json_ChunkedBodyOverTheLimit_413AndNothingStored()
    {
        await using var platform = await RegistryFactory.StartAsync(DatabaseProvider.Sqlite);
        var applicant = await platform.ApplicantAsync();
        using var unbuffered = HostileBodies.Unbuffered(platform, applicant);
        var id = (await unbuffered.PostAsync("/api/v1/applications", HostileBodies.Chunked(Encoding.UTF8.GetBytes(Draft))).OkAsync()).Str("id");

        await unbuffered.PostAsync("/api/v1/applications", HostileBodies.Chunked(HostileBodies.LargeJson("bodyCode", 8 << 20))).ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        await unbuffered.PostAsync($"/api/v1/applications/{id}/withdraw", HostileBodies.Chunked(HostileBodies.LargeJson("reason", 2 << 20)))
            .ProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal(1, (await applicant.GetAsync("/api/v1/applications").OkAsync()).GetArrayLength());
        Assert.Equal("draft", (await applicant.GetAsync($"/api/v1/applications/{id}").OkAsync()).Str("state"));
    }

    // What status?at= answers at the ends of DateOnly and DateTimeOffset: an answer (200, or 404
    // before the registration), or 400 naming at when the instant or its day in China cannot be
    // represented.
    private static readonly (string At, int Status)[] EndsOfTheCalendar =
    [
        ("9999-12-31", 200),
        ("0001-01-01", 404),
        ("9999-12-31T23:59:59+08:00", 200),
        ("9999-12-31T23:59:59.9999999+08:00", 200),
        ("9999-12-31T23:59:59+14:00", 200),
        ("9999-12-31T15:59:59Z", 200),
        ("9999-12-31T16:00:00Z", 400),
        ("9999-12-31T23:59:59Z", 400),
        ("9999-12-31T23:59:59-14:00", 400),
        ("0001-01-01T00:00:00+14:00", 400),
        ("0001-01-01T00:00:00Z", 404),
        ("0001-01-01T00:00:00-14:00", 404),
        ("10000-01-01", 400),
        ("0000-12-31", 400),
    ];

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Status_AtTheEndsOfTheCalendar_AnAnswerOr400NamingAt(DatabaseProvider provider)
    {
        await using var platform = await CertificateIssuanceTests.StartAsync(provider);
        var (holder, _, id) = await CertificateIssuanceTests.RegisterAsync(platform);
        var number = await RightsTests.RegistrationNumberAsync(holder, id);
        var anyone = platform.CreateClient();

        foreach (var (at, status) in EndsOfTheCalendar)
        {
            var response = anyone.GetAsync($"/api/v1/registrations/{number}/status?at={Uri.EscapeDataString(at)}");
            var answer = status == 200 ? await response.OkAsync() : await response.ProblemAsync((HttpStatusCode)status);

            Assert.True(status != 400 || answer.ErrorFields().Contains("at"), $"at={at}: {answer}");
        }
    }

    // %00 cannot be sent through the test server (its client refuses the URI) and Kestrel refuses
    // it itself: HostileKestrelTests covers it on a socket.
    [Theory]
    [InlineData("%01")]
    [InlineData("%0A")]
    [InlineData("%0D")]
    [InlineData("%1B")]
    [InlineData("%7F")]
    [InlineData("%C2%85")]
    [InlineData("%EF%BF%BF")]
    public async Task Path_ControlCharacter_400ProblemNamingThePath(string escaped)
    {
        await using var platform = await RegistryFactory.StartAsync(DatabaseProvider.Sqlite);
        var applicant = await platform.ApplicantAsync();

        await platform.CreateClient().GetAsync($"/api/v1/notices/SQ{escaped}44002025000001").NamingAsync(HttpStatusCode.BadRequest, "path", escaped);
        await applicant.PostAsync($"/api/v1/applications/{escaped}", HostileBodies.Json(Draft)).NamingAsync(HttpStatusCode.BadRequest, "path", escaped);
        await platform.CreateClient().GetAsync($"/verify/{escaped}").NamingAsync(HttpStatusCode.BadRequest, "path", escaped);
    }

    [Fact]
    public async Task Pages_HostileBodies_4xxNeverServerError()
    {
        await using var platform = await RegistryFactory.StartAsync(DatabaseProvider.Sqlite);
        var browser = platform.CreateClient();
        var failures = new List<string>();

        foreach (var page in new[] { "/verify", "/account/sign-in" })
        {
            var bodies = HostileBodies.BrokenMultiparts(("file", "x")).Concat(HostileBodies.PartlessMultiparts())
                .Append(("a klingon charset", () => HostileBodies.Json("email=a", "application/x-www-form-urlencoded; charset=klingon")));
            foreach (var (what, body) in bodies)
            {
                using var response = await browser.PostAsync(page, body());
                if ((int)response.StatusCode is < 400 or >= 500)
                {
                    failures.Add($"{page} with {what}: {(int)response.StatusCode}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    // A row proof of a small CSV, as `dataip prove --row 1` writes it.
    private static string RowProof()
    {
        var directory = Directory.CreateTempSubdirectory("dataip-hostile-").FullName;
        try
        {
            var data = Path.Combine(directory, "cities.csv");
            File.WriteAllText(data, "city,count\r\n杭州,7\r\n宁波,12\r\n");
            var manifest = Fingerprinter.FingerprintRows(data, new RowsOptions(FingerprintAlgorithm.Sha256, RowFormat.Csv), TimeProvider.System, "dataip test");
            return FingerprintJson.WriteProof(FingerprintProver.ProveRow(data, manifest, 1));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
