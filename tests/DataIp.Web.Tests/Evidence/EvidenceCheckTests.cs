using System.Net;
using System.Text;
using System.Text.Json;
using DataIp.Data;
using DataIp.Domain.Fingerprinting;
using DataIp.Domain.Registration;
using DataIp.Testing;
using DataIp.Web.Tests.Infrastructure;
using DataIp.Web.Tests.Lifecycle;

namespace DataIp.Web.Tests.Evidence;

/// <summary>
/// Issue M3 scope 4: a manifest written by the library is taken as it is by the application, and a
/// later row proof is checked against the registered root through the API, on both databases.
/// </summary>
public sealed class EvidenceCheckTests : IDisposable
{
    private const string Csv = "city,count\r\n杭州,7\r\n宁波,12\r\n温州,3\r\n";
    private readonly string _directory = Directory.CreateTempSubdirectory("dataip-evidence-").FullName;

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Check_RowProofOfRegisteredData_ValidAndAlteredOnesNot(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider, LifecycleWalkTests.At(2025, 9, 1, 9));
        var (registrationNumber, manifest, data) = await RegisterAsync(platform);
        var anyone = platform.CreateClient();

        var proof = FingerprintProver.ProveRow(data, manifest, 2);
        var valid = await CheckAsync(anyone, registrationNumber, FingerprintJson.WriteProof(proof)).OkAsync();

        Assert.True(valid.GetProperty("valid").GetBoolean(), valid.GetRawText());
        Assert.Equal("row", valid.Str("kind"));
        Assert.Equal(2, valid.GetProperty("row").GetInt64());
        Assert.Equal(manifest.Root.ToString(), valid.Str("root"));
        Assert.Equal(JsonValueKind.Number, valid.GetProperty("logIndex").ValueKind);

        var altered = FingerprintJson.WriteProof(proof with { Row = proof.Row! with { CanonicalData = Encoding.UTF8.GetBytes("{\"city\":\"宁波\",\"count\":\"13\"}") } });
        var alteredResult = await CheckAsync(anyone, registrationNumber, altered).OkAsync();
        Assert.False(alteredResult.GetProperty("valid").GetBoolean());
        Assert.Equal("leafNotInTree", alteredResult.Str("failure"));

        var otherRoot = FingerprintJson.WriteProof(proof with { Root = Domain.TransparencyLog.Hash.FromHex(new string('a', 64)) });
        Assert.Equal("rootMismatch", (await CheckAsync(anyone, registrationNumber, otherRoot).OkAsync()).Str("failure"));

        await CheckAsync(anyone, "DJ2099000000000001", FingerprintJson.WriteProof(proof)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Check_MalformedProof_NamesTheField()
    {
        await using var platform = await RegistryFactory.StartAsync(DatabaseProvider.Sqlite, LifecycleWalkTests.At(2025, 9, 1, 9));
        var (registrationNumber, manifest, data) = await RegisterAsync(platform);
        var proof = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(FingerprintJson.WriteProof(FingerprintProver.ProveRow(data, manifest, 1)))!;
        proof["version"] = JsonSerializer.SerializeToElement(2);

        var problem = await CheckAsync(platform.CreateClient(), registrationNumber, JsonSerializer.Serialize(proof)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("version", problem.ErrorFields());
        await CheckAsync(platform.CreateClient(), registrationNumber, "{\"format\": ").ProblemAsync(HttpStatusCode.BadRequest);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private async Task<(string RegistrationNumber, FingerprintManifest Manifest, string Data)> RegisterAsync(RegistryFactory platform)
    {
        var data = Path.Combine(_directory, "cities.csv");
        await File.WriteAllTextAsync(data, Csv);
        var manifest = Fingerprinter.FingerprintRows(data, new RowsOptions(FingerprintAlgorithm.Sha256, RowFormat.Csv), TimeProvider.System, "dataip test");
        // The manifest exactly as `dataip fingerprint --out` writes it, pasted into the application.
        var fingerprint = JsonSerializer.Deserialize<DataFingerprint>(FingerprintJson.WriteManifest(manifest), ApplicationContentJson.Options)!;
        var applicant = await platform.ApplicantAsync();
        var examiner = await platform.ExaminerAsync("4400");
        var id = await EvidenceOverlapTests.SubmitAsync(applicant, "4400", fingerprint with { ComputedAt = LifecycleWalkTests.At(2025, 9, 1, 8) });
        await examiner.PostJsonAsync($"/api/v1/applications/{id}/examination/start").OkAsync();
        await examiner.PostJsonAsync($"/api/v1/applications/{id}/examination/pass").OkAsync();
        await platform.SetTimeAsync(LifecycleWalkTests.At(2025, 9, 30, 9));
        Assert.Equal(1, await platform.SweepAsync());
        var registered = await applicant.GetAsync($"/api/v1/applications/{id}").OkAsync();
        return (registered.Str("registrationNumber"), manifest, data);
    }

    private static Task<HttpResponseMessage> CheckAsync(HttpClient client, string registrationNumber, string proof) =>
        client.PostAsync($"/api/v1/registrations/{registrationNumber}/evidence/check", new StringContent(proof, Encoding.UTF8, "application/json"));
}
