using System.Collections.Concurrent;
using System.Diagnostics;
using DataIp.Data;
using DataIp.Data.TransparencyLog;
using DataIp.Domain.TransparencyLog;
using Microsoft.EntityFrameworkCore;

namespace DataIp.Bench.Appends;

/// <summary>
/// <c>appends</c>: sustained acts per second with durable commits. Workers record acts through
/// <see cref="SampleAct"/> (<see cref="DataIp.Data.Acts.ActWriter"/> and <see cref="LogAppender"/>) in transactions of
/// <c>--batch</c> acts, one commit each; the sequencer's integration
/// (<see cref="LogStore.IntegrateAsync"/>) runs alongside every <c>--sequencer-interval-ms</c> as
/// the web host's LogSequencerJob does, or only after the appends (<c>--sequencer after</c>).
/// </summary>
internal static class AppendBenchmark
{
    /// <summary>Entries per integration transaction: LogSequencer.BatchSize in the web host.</summary>
    private const int SequencerBatch = 10_000;

    public static async Task RunAsync(BenchArguments args, CancellationToken ct)
    {
        var acts = args.Count("acts", 20_000);
        var batch = args.Int("batch", 100);
        var concurrency = args.Int("concurrency", 1);
        var sequencerMode = args.String("sequencer", "concurrent");
        var interval = TimeSpan.FromMilliseconds(args.Int("sequencer-interval-ms", 1000));
        var warmup = args.Count("warmup", Math.Min(1_000, acts), min: 0);
        if (sequencerMode is not ("concurrent" or "after"))
        {
            throw new BenchUsageException($"--sequencer is concurrent or after, not \"{sequencerMode}\".");
        }

        await using var database = await BenchDatabase.CreateAsync(args, ct);
        args.RejectUnknown();
        Report.Info($"Fresh {database.Provider} database: {database.Durability}");
        if (!database.IsDurable)
        {
            throw new BenchUsageException($"Refusing to measure appends without durable commits ({database.Durability}).");
        }

        var provider = database.Provider.ToString().ToLowerInvariant();
        var parameters = FormattableString.Invariant($"acts={acts} batch={batch} concurrency={concurrency} sequencer={sequencerMode}");
        await AppendAsync(database, 0, warmup, batch, 1, new PhaseTally(), ct);
        await IntegrateAllAsync(database, ct);
        Report.Info($"Warm-up: {warmup} acts appended and integrated (not timed); load {Report.Load()}");

        var integration = new IntegrationTally();
        using var stopSequencer = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var sequencer = sequencerMode == "concurrent" ? RunSequencerAsync(database, interval, integration, stopSequencer.Token) : Task.CompletedTask;
        var clock = Stopwatch.StartNew();
        var cpu = Environment.CpuUsage.TotalTime;
        var (allocated, paused, gen2) = (GC.GetTotalAllocatedBytes(), GC.GetTotalPauseDuration(), GC.CollectionCount(2));
        var phases = new PhaseTally();
        var latencies = await AppendAsync(database, warmup, acts, batch, concurrency, phases, ct);
        var appendSeconds = clock.Elapsed.TotalSeconds;
        var cpuPerAct = (Environment.CpuUsage.TotalTime - cpu).TotalMicroseconds / acts;
        var allocatedPerAct = (GC.GetTotalAllocatedBytes() - allocated) / 1024.0 / acts;
        var pausePerAct = (GC.GetTotalPauseDuration() - paused).TotalMicroseconds / acts;
        gen2 = GC.CollectionCount(2) - gen2;
        await stopSequencer.CancelAsync();
        await sequencer;
        integration.Add(await IntegrateAllAsync(database, ct));

        Report.Result("appends", provider, parameters, "acts per second", acts / appendSeconds, "acts/s");
        Report.Result("appends", provider, parameters, "benchmark CPU per act", cpuPerAct, "µs");
        Report.Result("appends", provider, parameters, "allocated per act", allocatedPerAct, "KiB");
        Report.Result("appends", provider, parameters, "GC pause per act", pausePerAct, "µs");
        Report.Info(FormattableString.Invariant($"{gen2} gen-2 collections during the appends"));
        if (concurrency == 1)
        {
            // Process CPU by phase; with one worker nothing else runs in the process but the GC,
            // the JIT, the thread pool and (concurrent mode) the sequencer.
            Report.Result("appends", provider, parameters, "CPU per act: record", phases.Record.TotalMicroseconds / acts, "µs");
            Report.Result("appends", provider, parameters, "CPU per act: save", phases.Save.TotalMicroseconds / acts, "µs");
            Report.Result("appends", provider, parameters, "CPU per act: commit", phases.Commit.TotalMicroseconds / acts, "µs");
        }

        Report.Result("appends", provider, parameters, "commit p50", Report.Percentile(latencies, 50), "ms");
        Report.Result("appends", provider, parameters, "commit p99", Report.Percentile(latencies, 99), "ms");
        Report.Result("appends", provider, parameters, "integrated per second", integration.EntriesPerSecond, "entries/s");
        await CheckAsync(database, warmup + acts, ct);
    }

    /// <summary>Appends acts [first, first + count) in transactions of <paramref name="batch"/> acts;
    /// returns each transaction's duration in milliseconds, sorted.</summary>
    private static async Task<List<double>> AppendAsync(
        BenchDatabase database, long first, long count, int batch, int concurrency, PhaseTally phases, CancellationToken ct)
    {
        var next = first;
        var end = first + count;
        var latencies = new ConcurrentBag<double>();
        async Task WorkerAsync()
        {
            for (var start = Interlocked.Add(ref next, batch) - batch; start < end; start = Interlocked.Add(ref next, batch) - batch)
            {
                var clock = Stopwatch.StartNew();
                // A context per transaction, as the web host has one per request.
                await using var db = database.Open();
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var recording = Environment.CpuUsage.TotalTime;
                for (var number = start; number < Math.Min(start + batch, end); number++)
                {
                    await SampleAct.RecordAsync(db, number, ct);
                }

                var saving = Environment.CpuUsage.TotalTime;
                await db.SaveChangesAsync(ct);
                var committing = Environment.CpuUsage.TotalTime;
                await transaction.CommitAsync(ct);
                latencies.Add(clock.Elapsed.TotalMilliseconds);
                phases.Add(saving - recording, committing - saving, Environment.CpuUsage.TotalTime - committing);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(WorkerAsync, ct)));
        return [.. latencies.Order()];
    }

    /// <summary>What LogSequencerJob does, integration only (signing is not measured): every
    /// interval, integrate everything committed.</summary>
    private static async Task RunSequencerAsync(BenchDatabase database, TimeSpan interval, IntegrationTally tally, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                tally.Add(await IntegrateAllAsync(database, CancellationToken.None));
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The appends are done; the caller integrates what is left.
        }
    }

    /// <summary>Integrates every committed entry and checkpoints SQLite's WAL, as LogSequencer.PublishAsync does.</summary>
    private static async Task<(long Entries, TimeSpan Busy)> IntegrateAllAsync(BenchDatabase database, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await using var db = database.Open();
        var store = new LogStore(db);
        var before = await store.IntegratedSizeAsync(ct);
        var committed = await store.CommittedSizeAsync(ct);
        var size = before;
        while (size < committed)
        {
            (size, _) = await store.IntegrateAsync(SequencerBatch, ct);
        }

        // As LogSequencer.PublishAsync: SQLite's WAL is checkpointed here, off the writers' path.
        _ = await SqliteWal.CheckpointAsync(db, ct);

        return (size - before, clock.Elapsed);
    }

    /// <summary>Every act has its entry, all are integrated, and the stored root is the root of
    /// the leaf hashes computed afresh.</summary>
    private static async Task CheckAsync(BenchDatabase database, long expected, CancellationToken ct)
    {
        await using var db = database.Open();
        var store = new LogStore(db);
        var acts = await db.Acts.LongCountAsync(ct);
        var integrated = await store.IntegratedSizeAsync(ct);
        var leaves = await db.LogEntries.AsNoTracking().OrderBy(e => e.Index).Select(e => e.LeafHash).ToListAsync(ct);
        var expectedRoot = MerkleTree.RootHash([.. leaves.Select(l => Hash.FromBytes(l))]);
        var storedRoot = await store.RootAtAsync(integrated, ct);
        if (acts != expected || leaves.Count != expected || integrated != expected || storedRoot != expectedRoot)
        {
            throw new InvalidOperationException(
                $"Check failed: {acts} acts, {leaves.Count} entries, {integrated} integrated (expected {expected}); stored root {storedRoot}, computed {expectedRoot}.");
        }

        var entryBytes = await db.LogEntries.AverageAsync(e => (double)e.Entry.Length, ct);
        Report.Info($"Check passed: {expected} acts, entries and integrated leaves; root {storedRoot}; entries of {entryBytes:F0} bytes on average");
    }

    /// <summary>Process CPU time spent recording acts (ActWriter and LogAppender),
    /// saving them (EF SaveChanges) and committing.</summary>
    private sealed class PhaseTally
    {
        private readonly Lock _lock = new();

        public TimeSpan Record { get; private set; }

        public TimeSpan Save { get; private set; }

        public TimeSpan Commit { get; private set; }

        public void Add(TimeSpan record, TimeSpan save, TimeSpan commit)
        {
            lock (_lock)
            {
                Record += record;
                Save += save;
                Commit += commit;
            }
        }
    }

    private sealed class IntegrationTally
    {
        private long _entries;
        private TimeSpan _busy;

        public double EntriesPerSecond => _entries / _busy.TotalSeconds;

        public void Add((long Entries, TimeSpan Busy) round)
        {
            _entries += round.Entries;
            _busy += round.Busy;
        }
    }
}
