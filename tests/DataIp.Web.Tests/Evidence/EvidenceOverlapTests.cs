using System.Buffers.Binary;
using System.Net;
using System.Text.Json;
using DataIp.Data;
using DataIp.Domain.Fingerprinting;
using DataIp.Domain.Registration;
using DataIp.Testing;
using DataIp.Web.Tests.Infrastructure;
using DataIp.Web.Tests.Lifecycle;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataIp.Web.Tests.Evidence;

/// <summary>
/// Issue M3 scope 4: a submitted manifest's root goes public into the log, examiners see the
/// registered datasets it overlaps with the estimated similarity, and the earlier holder is told
/// when the overlapping application goes to public notice.
/// </summary>
public sealed class EvidenceOverlapTests
{
    private static readonly ulong[] Registered = Sketch(seed: 1, changed: 0);

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Overlaps_SimilarDataset_ReportedToExaminerAndEarlierHolderNotified(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider, LifecycleWalkTests.At(2025, 9, 1, 9));
        var earlier = await platform.ApplicantAsync();
        var later = await platform.ApplicantAsync();
        var examiner = await platform.ExaminerAsync("4400");
        var registeredId = await SubmitAsync(earlier, "4400", Manifest(Registered, "aa"));
        await examiner.PostJsonAsync($"/api/v1/applications/{registeredId}/examination/start").OkAsync();
        await examiner.PostJsonAsync($"/api/v1/applications/{registeredId}/examination/pass").OkAsync();
        await platform.SetTimeAsync(LifecycleWalkTests.At(2025, 9, 30, 9));
        Assert.Equal(1, await platform.SweepAsync());
        var registration = (await earlier.GetAsync($"/api/v1/applications/{registeredId}").OkAsync()).Str("registrationNumber");

        // 40 of 128 values differ: an estimated similarity of 88/128 = 0.6875.
        var similarId = await SubmitAsync(later, "4400", Manifest(Sketch(seed: 1, changed: 40), "bb"));
        var unrelatedId = await SubmitAsync(later, "4400", Manifest(Sketch(seed: 2, changed: 0), "cc"));
        var overlaps = await examiner.GetAsync($"/api/v1/applications/{similarId}/evidence/overlaps").OkAsync();

        var overlap = Assert.Single(overlaps.EnumerateArray(), o => o.Str("applicationId") == registeredId);
        Assert.Equal(registration, overlap.Str("registrationNumber"));
        Assert.Equal("registered", overlap.Str("state"));
        Assert.Equal(0.6875, overlap.GetProperty("similarity").GetDouble());
        Assert.Equal(Root("aa"), overlap.Str("root"));
        Assert.DoesNotContain(overlaps.EnumerateArray(), o => o.Str("applicationId") == unrelatedId);
        Assert.DoesNotContain((await examiner.GetAsync($"/api/v1/applications/{unrelatedId}/evidence/overlaps").OkAsync()).EnumerateArray(),
            o => o.Str("applicationId") == registeredId);
        // Each applicant is told of the acts on its own application (startExamination, …); here only overlap notices count.
        Assert.Empty(await OverlapNoticesAsync(earlier));

        await examiner.PostJsonAsync($"/api/v1/applications/{similarId}/examination/start").OkAsync();
        var notice = await examiner.PostJsonAsync($"/api/v1/applications/{similarId}/examination/pass").OkAsync();

        var notification = Assert.Single(await OverlapNoticesAsync(earlier, "?unread=true"));
        Assert.Equal("evidenceOverlap", notification.Str("kind"));
        Assert.Contains(notice.Str("applicationNumber"), notification.Str("subject"), StringComparison.Ordinal);
        Assert.Contains(registration, notification.Str("body"), StringComparison.Ordinal);
        Assert.Contains(notice.Str("noticeLastDay"), notification.Str("body"), StringComparison.Ordinal);
        Assert.Empty(await OverlapNoticesAsync(later));
        await later.PostJsonAsync($"/api/v1/notifications/{notification.Str("id")}/read").ProblemAsync(HttpStatusCode.NotFound);
        var read = await earlier.PostJsonAsync($"/api/v1/notifications/{notification.Str("id")}/read").OkAsync();
        Assert.NotEqual(JsonValueKind.Null, read.GetProperty("readAt").ValueKind);
        Assert.Empty(await OverlapNoticesAsync(earlier, "?unread=true"));
    }

    private static async Task<List<JsonElement>> OverlapNoticesAsync(HttpClient account, string query = "") =>
        [.. (await account.GetAsync("/api/v1/notifications" + query).OkAsync()).EnumerateArray().Where(n => n.Str("kind") == "evidenceOverlap")];

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Submit_Manifest_PutsRootAlgorithmAndTimeInThePublicLogEntry(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider, LifecycleWalkTests.At(2025, 9, 1, 9));
        var applicant = await platform.ApplicantAsync();
        var id = await SubmitAsync(applicant, "4400", Manifest(Registered, "dd"));
        await platform.PublishLogAsync();

        long index;
        await using (var scope = platform.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            index = await db.Acts.Where(a => a.ApplicationId == Guid.Parse(id) && a.Type == "submit").Select(a => a.LogIndex).SingleAsync();
        }

        var entry = await platform.CreateClient().GetAsync($"/api/v1/log/entries/{index}").OkAsync();
        var text = entry.GetRawText();
        Assert.Contains(Root("dd"), text, StringComparison.Ordinal);
        Assert.Contains("\"hashAlgorithm\":\"sha256\"", text.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("2025-09-01", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("version", 2, "content.evidence.fingerprint.version")]
    [InlineData("k", 64, "content.evidence.fingerprint.sketch.k")]
    [InlineData("values", "AAAA", "content.evidence.fingerprint.sketch.values")]
    [InlineData("chunkSize", 5000, "content.evidence.fingerprint.files.chunkSize")]
    public async Task SaveDraft_BadManifest_NamesTheField(string field, object value, string path)
    {
        await using var platform = await RegistryFactory.StartAsync(DatabaseProvider.Sqlite, LifecycleWalkTests.At(2025, 9, 1, 9));
        var applicant = await platform.ApplicantAsync();
        var manifest = Manifest(Registered, "ee");
        manifest = field switch
        {
            "version" => manifest with { Version = (int)value },
            "k" => manifest with { Sketch = manifest.Sketch! with { K = (int)value } },
            "values" => manifest with { Sketch = manifest.Sketch! with { Values = (string)value } },
            _ => manifest with { Files = manifest.Files! with { ChunkSize = (int)value } },
        };

        var problem = await applicant.PostJsonAsync("/api/v1/applications", new { bodyCode = "4400", content = WithFingerprint(manifest) })
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains(path, problem.ErrorFields());
    }

    internal static async Task<string> SubmitAsync(HttpClient applicant, string bodyCode, DataFingerprint fingerprint)
    {
        var draft = await applicant.PostJsonAsync("/api/v1/applications", new { bodyCode, content = WithFingerprint(fingerprint) }).OkAsync();
        await applicant.PostJsonAsync($"/api/v1/applications/{draft.Str("id")}/submit").OkAsync();
        return draft.Str("id");
    }

    private static ApplicationContent WithFingerprint(DataFingerprint fingerprint) =>
        TestContent.Complete() with { Evidence = new EvidenceParticulars { Fingerprint = fingerprint } };

    internal static string Root(string pair) => string.Concat(Enumerable.Repeat(pair, 32));

    /// <summary>A files-mode manifest with the given sketch values.</summary>
    internal static DataFingerprint Manifest(ulong[] values, string rootPair)
    {
        var bytes = new byte[values.Length * 8];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(i * 8), values[i]);
        }

        return new DataFingerprint
        {
            Format = "dataip-fingerprint",
            Version = 1,
            HashAlgorithm = FingerprintAlgorithm.Sha256,
            Mode = FingerprintMode.Files,
            Root = Root(rootPair),
            Size = 250_000_000,
            LeafCount = 3,
            Files = new FingerprintFiles { Count = 3, ChunkSize = 1 << 20, ChunkCount = 240 },
            Sketch = new FingerprintSketch { Algorithm = "minhash-splitmix64", K = 128, Features = "content-chunks", FeatureCount = 24_000, Values = Convert.ToBase64String(bytes) },
            ComputedAt = new DateTimeOffset(2025, 9, 1, 8, 0, 0, TimeSpan.FromHours(8)),
            Tool = "dataip test",
        };
    }

    /// <summary>128 pseudo-random values from <paramref name="seed"/>, the first <paramref name="changed"/> replaced.</summary>
    internal static ulong[] Sketch(int seed, int changed)
    {
        var random = new Random(seed);
        var values = Enumerable.Range(0, 128).Select(_ => (ulong)random.NextInt64()).ToArray();
        var other = new Random(seed + 1000);
        for (var i = 0; i < changed; i++)
        {
            values[i] = (ulong)other.NextInt64();
        }

        return values;
    }
}
