using System.Security.Cryptography;
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
/// A crash at any write step leaves a log that recovers to a state consistent with every
/// checkpoint already published, and nothing acknowledged is lost (M2 scope item 7).
/// </summary>
public sealed class CrashConsistencyTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task EveryWriteStep_FailsOnCue_LogStaysConsistentAndAcknowledgedActsStay(DatabaseProvider provider)
    {
        var faults = new FaultInjector();
        await using var platform = await RegistryFactory.StartAsync(provider, configure: b => b.ConfigureServices(s => s.AddSingleton<IInterceptor>(faults)));
        var applicant = await platform.ApplicantAsync();
        var party = await PartyAsync(platform, applicant);
        await platform.PublishLogAsync();
        var acknowledged = new List<Guid>();

        // A dry run counts the write steps of one cycle (draft, submit, publish); then every step fails once.
        var before = faults.Steps;
        await CycleAsync(platform, party, acknowledged);
        var stepsPerCycle = faults.Steps - before;
        Assert.True(stepsPerCycle >= 7, $"only {stepsPerCycle} write steps were seen");

        for (var step = 0; step < stepsPerCycle; step++)
        {
            faults.FailAt = faults.Steps + step;
            var failure = await Record.ExceptionAsync(() => CycleAsync(platform, party, acknowledged));
            Assert.True(IsInjected(failure), $"step {step}: expected the injected failure, got {failure}");
            faults.FailAt = -1;

            await platform.PublishLogAsync(); // recovery: the next run of the sequencer
            await CheckAsync(platform, acknowledged, $"after a failure at step {step} of {stepsPerCycle}");
        }
    }

    private static bool IsInjected(Exception? e) => e is not null && (e is InjectedFaultException || IsInjected(e.InnerException));

    private static async Task CycleAsync(RegistryFactory platform, ActingParty party, List<Guid> acknowledged)
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

    // The whole log re-verified: acts and entries one-to-one and gap-free, leaf hashes, stored
    // subtree hashes, and every published checkpoint consistent with the recomputed tree.
    private static async Task CheckAsync(RegistryFactory platform, List<Guid> acknowledged, string when)
    {
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var entries = await db.LogEntries.AsNoTracking().OrderBy(e => e.Index).ToListAsync();
        var acts = await db.Acts.AsNoTracking().OrderBy(a => a.LogIndex).Select(a => new { a.Id, a.LogIndex }).ToListAsync();
        Assert.True(entries.Select(e => e.Index).SequenceEqual(Enumerable.Range(0, entries.Count).Select(i => (long)i)), $"{when}: entry indices have gaps");
        Assert.True(acts.Select(a => (a.Id, a.LogIndex)).SequenceEqual(entries.Select(e => (e.ActId, e.Index))), $"{when}: acts and entries differ");
        Assert.All(acknowledged, id => Assert.Contains(id, acts.Select(a => a.Id)));
        // Nothing half-written: every application has the act that created it, every submitted one its submit act.
        Assert.Equal(await db.Applications.CountAsync(), await db.Acts.CountAsync(a => a.Type == "createDraft"));
        Assert.Equal(await db.Applications.CountAsync(a => a.ApplicationNumber != null), await db.Acts.CountAsync(a => a.Type == "submit"));
        Assert.All(entries, e => Assert.Equal(SHA256.HashData([0, .. e.Entry]), e.LeafHash));

        var range = new CompactRange();
        var nodes = new Dictionary<long, byte[]>();
        var roots = new Dictionary<long, byte[]> { [0] = Rfc9162.EmptyRoot.ToArray() };
        foreach (var entry in entries)
        {
            range.Append(Hash.FromBytes(entry.LeafHash), (node, hash) => nodes[LogNodeKey.Of(node.Level, (long)node.Index)] = hash.ToArray());
            roots[(long)range.Size] = range.RootHash().ToArray();
        }

        foreach (var stored in await db.LogNodes.AsNoTracking().ToListAsync())
        {
            Assert.True(nodes.TryGetValue(stored.Key, out var expected) && expected.AsSpan().SequenceEqual(stored.Hash), $"{when}: stored node {stored.Key} is wrong");
        }

        var checkpoints = await db.LogCheckpoints.AsNoTracking().OrderBy(c => c.TreeSize).ToListAsync();
        Assert.All(checkpoints, c => Assert.True(roots[c.TreeSize].AsSpan().SequenceEqual(c.RootHash), $"{when}: checkpoint {c.TreeSize} is not the tree's root"));
        Assert.Equal(entries.Count, checkpoints[^1].TreeSize);
        var state = await db.LogStates.AsNoTracking().SingleAsync();
        Assert.Equal(entries.Count, state.IntegratedSize);
    }

    private static async Task<ActingParty> PartyAsync(RegistryFactory platform, HttpClient applicant)
    {
        var me = await applicant.GetAsync("/api/v1/accounts/me").OkAsync();
        return new ActingParty(Guid.Parse(me.Str("id")), Data.Accounts.AccountRole.Applicant, null, me.Str("displayName"));
    }
}
