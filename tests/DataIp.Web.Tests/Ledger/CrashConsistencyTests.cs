using System.Security.Cryptography;
using DataIp.Cli.Commands;
using DataIp.Data;
using DataIp.Data.TransparencyLog;
using DataIp.Domain.TransparencyLog;
using DataIp.Testing;
using DataIp.Web.Features.Acts;
using DataIp.Web.Features.Applications;
using DataIp.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace DataIp.Web.Tests.Ledger;

/// <summary>
/// A crash at any write step the log takes leaves nothing half-written, loses nothing
/// acknowledged, and the log recovers to a state consistent with every checkpoint already
/// published (M2 scope item 7). The steps are those of one cycle (an act creating a draft, an act
/// submitting it, a publish): in each act's transaction the reservation of log indices, the act
/// and entry inserts (hand-written: SQLite's C API, PostgreSQL's unnest), EF's save of the rest and
/// the commit; in the sequencer the node inserts, the integrated size, its commit and the signed
/// checkpoint. Each is failed in turn (<see cref="FaultInjector"/>).
/// </summary>
public sealed class CrashConsistencyTests
{
    // The steps the log really takes, each of which must have been failed once.
    private static readonly string[] LogSteps =
    [
        "log: ReserveIndices", "log: InsertActs", "log: InsertEntries", "INSERT INTO \"Applications\"", "COMMIT",
        "log: InsertNodes", "UPDATE \"LogStates\" SET", "INSERT INTO \"LogCheckpoints\"",
    ];

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task EveryWriteStep_FailsOnCue_NothingHalfWrittenAndTheLogRecovers(DatabaseProvider provider)
    {
        var faults = new FaultInjector();
        await using var platform = await RegistryFactory.StartAsync(provider, configure: b => b.ConfigureServices(s => s.AddSingleton<IInterceptor>(faults)));
        var state = Path.Combine(platform.DataDirectory, "verify-state.json");
        var party = await PartyAsync(platform, await platform.ApplicantAsync());
        await platform.PublishLogAsync();
        var acknowledged = await ActIdsAsync(platform);

        // A dry run names the write steps of one cycle; then each fails once, the cycle after it
        // succeeds, and the whole log is checked after both.
        var first = faults.Steps;
        await CycleAsync(platform, party, acknowledged);
        var cycle = faults.NamesFrom(first);
        Assert.All(LogSteps.Append("log: DrawActSequences").Where(s => provider == DatabaseProvider.Postgres || !s.EndsWith("Sequences", StringComparison.Ordinal)),
            step => Assert.Contains(step, cycle));
        await CheckAsync(platform, acknowledged, state, "after the dry run", published: true);

        // The n-th occurrence of each step name in the cycle, failed in turn. Only the number of
        // node inserts varies from cycle to cycle (on SQLite one step per node): a later one may
        // not come, but the first of each step always does.
        var failed = new HashSet<string>();
        var targets = cycle.Select((name, i) => (Name: name, Occurrence: cycle.Take(i + 1).Count(n => n == name))).ToList();
        foreach (var (name, occurrence) in targets)
        {
            var when = $"after a failure at the {occurrence}. {name} of the cycle";
            faults.FailOnce(name, occurrence);
            var failure = await Record.ExceptionAsync(() => CycleAsync(platform, party, acknowledged));
            faults.Disarm();
            if (failure is null)
            {
                Assert.True(occurrence > 1, $"{when}: the step did not come");
                await CheckAsync(platform, acknowledged, state, when + " that did not come", published: true);
                continue;
            }

            Assert.True(IsInjected(failure), $"{when}: expected the injected failure, got {failure}");
            failed.Add(faults.Failed!);
            await CheckAsync(platform, acknowledged, state, when, published: false);

            // Recovery: the next acts and the next publish succeed, and the log is whole.
            await CycleAsync(platform, party, acknowledged);
            await CheckAsync(platform, acknowledged, state, when + ", then a clean cycle", published: true);
        }

        Assert.All(LogSteps, step => Assert.Contains(step, failed));
    }

    private static bool IsInjected(Exception? e) => e is not null && (e is InjectedFaultException || IsInjected(e.InnerException));

    // An act is acknowledged when its service call returns it; only then is its id recorded.
    private static async Task CycleAsync(RegistryFactory platform, ActingParty party, HashSet<Guid> acknowledged)
    {
        await using (var scope = platform.Scope())
        {
            var drafts = scope.ServiceProvider.GetRequiredService<DraftService>();
            var created = await drafts.CreateAsync(party, "4400", TestContent.Complete(), CancellationToken.None);
            Assert.True(created.Succeeded, created.Detail);
            acknowledged.Add(created.Act!.Id);
            var submitted = await scope.ServiceProvider.GetRequiredService<ActPipeline>().RunAsync(created.Application!.Id, party, new Submit(), null, CancellationToken.None);
            Assert.True(submitted.Succeeded, submitted.Detail);
            acknowledged.Add(submitted.Act!.Id);
        }

        await platform.PublishLogAsync();
    }

    // Nothing half-written: the acts are exactly the acknowledged ones, each with its entry, gap-free,
    // every application with the act that created it (and submitted it, once it has a number), the
    // log's counter at the number of entries, the stored nodes exactly those of the integrated size,
    // every checkpoint the root of its size. Once published, `dataip log verify` passes on the whole
    // log over HTTP, also against the checkpoint it verified before the failure (its state file).
    private static async Task CheckAsync(RegistryFactory platform, HashSet<Guid> acknowledged, string state, string when, bool published)
    {
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var entries = await db.LogEntries.AsNoTracking().OrderBy(e => e.Index).ToListAsync();
        var acts = await db.Acts.AsNoTracking().OrderBy(a => a.LogIndex).Select(a => new { a.Id, a.LogIndex }).ToListAsync();
        Assert.True(entries.Select(e => e.Index).SequenceEqual(Enumerable.Range(0, entries.Count).Select(i => (long)i)), $"{when}: entry indices have gaps");
        Assert.True(acts.Select(a => (a.Id, a.LogIndex)).SequenceEqual(entries.Select(e => (e.ActId, e.Index))), $"{when}: acts and entries differ");
        Assert.True(acknowledged.SetEquals(acts.Select(a => a.Id)), $"{when}: the stored acts are not the acknowledged ones");
        Assert.Equal(await db.Applications.CountAsync(), await db.Acts.CountAsync(a => a.Type == "createDraft"));
        Assert.Equal(await db.Applications.CountAsync(a => a.ApplicationNumber != null), await db.Acts.CountAsync(a => a.Type == "submit"));
        Assert.Equal(entries.Count, await CounterAsync(db, PendingLogEntries.Scope));
        Assert.Equal(await db.Applications.CountAsync(a => a.ApplicationNumber != null), await ApplicationSerialsAsync(db));
        Assert.All(entries, e => Assert.Equal(SHA256.HashData([0, .. e.Entry]), e.LeafHash));

        var integrated = (await db.LogStates.AsNoTracking().SingleAsync()).IntegratedSize;
        var range = new CompactRange();
        var nodes = new Dictionary<long, byte[]>();
        var roots = new Dictionary<long, byte[]> { [0] = Rfc9162.EmptyRoot.ToArray() };
        foreach (var entry in entries)
        {
            // The nodes that appending entry i completes are stored once i < the integrated size.
            var integratedEntry = entry.Index < integrated;
            range.Append(Hash.FromBytes(entry.LeafHash), (node, hash) =>
            {
                if (node.Level > 0 && integratedEntry)
                {
                    nodes[LogNodeKey.Of(node.Level, (long)node.Index)] = hash.ToArray();
                }
            });
            roots[(long)range.Size] = range.RootHash().ToArray();
        }

        var stored = await db.LogNodes.AsNoTracking().ToDictionaryAsync(n => n.Key, n => n.Hash);
        Assert.True(nodes.Keys.ToHashSet().SetEquals(stored.Keys), $"{when}: the stored nodes are not those of the integrated size {integrated}");
        Assert.All(stored, n => Assert.True(nodes[n.Key].AsSpan().SequenceEqual(n.Value), $"{when}: stored node {n.Key} is wrong"));
        var checkpoints = await db.LogCheckpoints.AsNoTracking().OrderBy(c => c.TreeSize).ToListAsync();
        Assert.All(checkpoints, c => Assert.True(roots[c.TreeSize].AsSpan().SequenceEqual(c.RootHash), $"{when}: checkpoint {c.TreeSize} is not the tree's root"));
        Assert.InRange(checkpoints[^1].TreeSize, 0, integrated);
        if (published)
        {
            Assert.Equal((entries.Count, (long)entries.Count), (integrated, checkpoints[^1].TreeSize));
            await VerifyLogAsync(platform, state, when);
        }
    }

    private static async Task VerifyLogAsync(RegistryFactory platform, string state, string when)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await LogVerifyCommand.RunAsync(
            new LogVerifyOptions("http://localhost", state, null, TimeSpan.FromSeconds(30)), platform.Server.CreateHandler(), TimeProvider.System, output, error, CancellationToken.None);
        Assert.True(exit == 0, $"{when}: dataip log verify exited {exit}: {error}");
    }

    private static async Task<long> CounterAsync(RegistryDbContext db, string scope) =>
        await db.Database.SqlQueryRaw<long>("SELECT \"Value\" AS \"Value\" FROM \"SerialCounters\" WHERE \"Scope\" = {0}", scope).SingleOrDefaultAsync();

    private static async Task<long> ApplicationSerialsAsync(RegistryDbContext db) =>
        (await db.Database.SqlQueryRaw<long>("SELECT \"Value\" AS \"Value\" FROM \"SerialCounters\" WHERE \"Scope\" LIKE 'application:%'").ToListAsync()).Sum();

    private static async Task<HashSet<Guid>> ActIdsAsync(RegistryFactory platform)
    {
        await using var scope = platform.Scope();
        return [.. await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Acts.AsNoTracking().Select(a => a.Id).ToListAsync()];
    }

    private static async Task<ActingParty> PartyAsync(RegistryFactory platform, HttpClient applicant)
    {
        var me = await applicant.GetAsync("/api/v1/accounts/me").OkAsync();
        return new ActingParty(Guid.Parse(me.Str("id")), Data.Accounts.AccountRole.Applicant, null, me.Str("displayName"));
    }
}
