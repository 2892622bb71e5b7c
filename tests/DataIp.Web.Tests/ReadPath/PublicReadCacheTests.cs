using System.Net;
using DataIp.Data;
using DataIp.Data.Acts;
using DataIp.Testing;
using DataIp.Web.Features.Register;
using DataIp.Web.Tests.Certificates;
using DataIp.Web.Tests.Infrastructure;
using DataIp.Web.Tests.Rights;
using Microsoft.AspNetCore.OutputCaching;

namespace DataIp.Web.Tests.ReadPath;

/// <summary>
/// The public reads answered from memory (PublicReads): kept exactly as long as they are true.
/// An act evicts what it changes before its own answer leaves; another node's acts within the
/// poll interval; a signed-in reader is never served a kept answer nor feeds one; the day's turn
/// in China makes new answers.
/// </summary>
public sealed class PublicReadCacheTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Records_KeptUntilAnActChangesThem_NeverForSignedInReaders(DatabaseProvider provider)
    {
        await using var platform = await CertificateIssuanceTests.StartAsync(provider);
        var (holder, examiner, id) = await CertificateIssuanceTests.RegisterAsync(platform);
        var application = await holder.GetAsync($"/api/v1/applications/{id}").OkAsync();
        var (number, certificate) = (application.Str("registrationNumber"), application.Str("certificateNumber"));
        var anyone = platform.CreateClient();
        var other = await platform.ApplicantAsync(); // an account's verification is an act on no application: it evicts everything
        string[] paths = [$"/api/v1/registrations/{number}", $"/api/v1/certificates/{certificate}", "/api/v1/notices"];

        foreach (var path in paths)
        {
            Assert.Null(await AgeAsync(anyone, path)); // made now
            Assert.NotNull(await AgeAsync(anyone, path)); // kept
        }

        // Signed in: never from memory (the holder may see more than the public), never kept for others.
        Assert.Null(await AgeAsync(holder, paths[0]));
        Assert.Null(await AgeAsync(holder, paths[0]));

        // An act on another application leaves this record kept and evicts the whole-register answers.
        await other.PostJsonAsync("/api/v1/applications", new { bodyCode = "4400", content = TestContent.Complete() }).OkAsync();
        Assert.NotNull(await AgeAsync(anyone, paths[0]));
        Assert.NotNull(await AgeAsync(anyone, paths[1]));
        Assert.Null(await AgeAsync(anyone, paths[2]));

        // An act on this registration: its records read the change at once.
        var change = (await holder.PostJsonAsync($"/api/v1/registrations/{number}/changes", new { dataName = "缓存后改名的数据集" }).AcceptedAsync())
            .GetProperty("act").GetProperty("payload").Str("changeId");
        await examiner.PostJsonAsync($"/api/v1/registrations/{number}/changes/{change}/approve").OkAsync();
        Assert.Equal("缓存后改名的数据集", (await anyone.GetAsync(paths[0]).OkAsync()).Str("dataName"));
        var superseded = await anyone.GetAsync(paths[1]).OkAsync();
        Assert.Equal("superseded", superseded.Str("status"));

        // The day turns in China: statuses and notice days may change without an act.
        Assert.NotNull(await AgeAsync(anyone, paths[0]));
        await platform.SetTimeAsync(platform.Clock.GetUtcNow().AddDays(1));
        Assert.Null(await AgeAsync(anyone, paths[0]));
    }

    // Two nodes on one PostgreSQL database: an act on one reaches the other's kept answers by the log.
    [Fact]
    public async Task AnotherNodesAct_EvictsWithinThePollInterval()
    {
        await using var first = await CertificateIssuanceTests.StartAsync(DatabaseProvider.Postgres);
        var (holder, examiner, id) = await CertificateIssuanceTests.RegisterAsync(first);
        var number = (await holder.GetAsync($"/api/v1/applications/{id}").OkAsync()).Str("registrationNumber");
        await using var second = await RegistryFactory.StartAsync(DatabaseProvider.Postgres, first.Clock.GetUtcNow(),
            configure: b => b.UseSetting("DataIp:ConnectionString", first.ConnectionString));
        var reader = second.CreateClient();
        var path = $"/api/v1/registrations/{number}";
        Assert.Null(await AgeAsync(reader, path));
        Assert.NotNull(await AgeAsync(reader, path));

        var change = (await holder.PostJsonAsync($"/api/v1/registrations/{number}/changes", new { dataName = "另一节点改名的数据集" }).AcceptedAsync())
            .GetProperty("act").GetProperty("payload").Str("changeId");
        await examiner.PostJsonAsync($"/api/v1/registrations/{number}/changes/{change}/approve").OkAsync();

        var waited = System.Diagnostics.Stopwatch.StartNew();
        while ((await reader.GetAsync(path).OkAsync()).Str("dataName") != "另一节点改名的数据集")
        {
            Assert.True(waited.Elapsed < PublicReads.PollInterval * 20, $"The second node still answers the old record after {waited.Elapsed}.");
            await Task.Delay(50);
        }
    }

    // An answer whose request began before an eviction may hold what the evicting act changed: it is not kept.
    [Fact]
    public async Task Store_AnswerBegunBeforeAnEviction_NotKept()
    {
        var inner = new RecordingStore();
        using var reads = new PublicReads(inner);
        var store = new GuardedOutputCacheStore(inner, reads);
        var begun = reads.Generation;

        await store.SetAsync("before", [1], [PublicReads.RegisterTag, PublicReads.GenerationTag(begun)], TimeSpan.FromMinutes(1), default);
        await reads.EvictAsync([Guid.NewGuid()], default);
        await store.SetAsync("late", [2], [PublicReads.RegisterTag, PublicReads.GenerationTag(begun)], TimeSpan.FromMinutes(1), default);
        await store.SetAsync("after", [3], [PublicReads.RegisterTag, PublicReads.GenerationTag(reads.Generation)], TimeSpan.FromMinutes(1), default);

        Assert.Equal(["before", "after"], inner.Stored.Select(s => s.Key));
        Assert.All(inner.Stored, s => Assert.Equal([PublicReads.RegisterTag], s.Tags)); // the generation is not a tag of the entry
        Assert.Contains(PublicReads.RegisterTag, inner.Evicted);
    }

    // The log feed evicts for other nodes' acts only: this node evicted for its own as they committed.
    [Fact]
    public async Task LoggedActs_ThisNodesOwnSkipped_OthersEvicted()
    {
        var inner = new RecordingStore();
        using var reads = new PublicReads(inner);
        var (mine, theirs) = (Guid.NewGuid(), Guid.NewGuid());

        await reads.EvictCommittedAsync([new Act { LogIndex = 7, ApplicationId = mine }], default);
        var generation = reads.Generation;
        await reads.EvictLoggedAsync([(7, mine)], default);
        Assert.Equal(generation, reads.Generation);
        await reads.EvictLoggedAsync([(7, mine), (8, theirs), (9, null)], default);

        Assert.Equal(generation + 1, reads.Generation);
        Assert.Contains(PublicReads.ApplicationTag(theirs), inner.Evicted);
        Assert.Contains(PublicReads.EveryTag, inner.Evicted); // an act on no application
    }

    private static async Task<TimeSpan?> AgeAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.Age;
    }

    private sealed class RecordingStore : IOutputCacheStore
    {
        public List<(string Key, string[] Tags)> Stored { get; } = [];

        public List<string> Evicted { get; } = [];

        public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
        {
            Evicted.Add(tag);
            return ValueTask.CompletedTask;
        }

        public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => ValueTask.FromResult<byte[]?>(null);

        public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
        {
            Stored.Add((key, tags ?? []));
            return ValueTask.CompletedTask;
        }
    }
}
