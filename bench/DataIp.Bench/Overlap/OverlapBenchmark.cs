using System.Diagnostics;
using DataIp.Data.Evidence;

namespace DataIp.Bench.Overlap;

/// <summary>
/// <c>overlap</c>: the examiner's overlap search (<see cref="EvidenceIndex.FindAsync"/>) against
/// many registered sketches, and its recall. The index holds <c>--sketches</c> background sketches
/// plus one planted target per query; each query is the MinHash sketch of a set sharing a chosen
/// Jaccard similarity (0.3 … 0.9) with its target. Reports query latency (p50, p99, max) and, per
/// similarity, the fraction of targets found at the threshold.
/// </summary>
/// <remarks>
/// Background sketches are 128 independent random values: exactly the distribution of MinHash
/// sketches of sets that share nothing with any query, and 100,000 of them cost nothing to make.
/// Targets and queries are real MinHash sketches (docs/fingerprint-format.md §4) of random
/// feature sets of <c>--set-size</c> elements.
/// </remarks>
internal static class OverlapBenchmark
{
    private static readonly double[] Similarities = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

    public static async Task RunAsync(BenchArguments args, CancellationToken ct)
    {
        var count = args.Count("sketches", 100_000);
        var queries = args.Int("queries", 700);
        var setSize = args.Int("set-size", 1_000);
        var threshold = args.Int("threshold-percent", 40, min: 0) / 100.0;
        var random = new Random(args.Int("seed", 1, min: 0));
        await using var database = await BenchDatabase.CreateAsync(args, ct);
        args.RejectUnknown();
        var provider = database.Provider.ToString().ToLowerInvariant();
        var parameters = FormattableString.Invariant($"sketches={count} queries={queries} set-size={setSize} threshold={threshold:0.00}");

        var plan = Plan(queries, setSize, random);
        var clock = Stopwatch.StartNew();
        var owners = await OverlapLoader.CreateOwnersAsync(database, ct);
        await OverlapLoader.LoadAsync(database, owners, count, plan.Select(p => p.Target).ToList(), random, ct);
        Report.Info($"Loaded {count + queries:N0} sketches in {clock.Elapsed.TotalSeconds:0.0} s; load {Report.Load()}");

        // Warm-up: caches and the JIT, not timed.
        await using (var db = database.Open())
        {
            foreach (var (_, query, _) in plan.Take(50))
            {
                await new EvidenceIndex(db).FindAsync(query, null, threshold, ct);
            }
        }

        var latencies = new List<double>();
        var found = Similarities.ToDictionary(s => s, _ => (Found: 0, Total: 0));
        await using (var db = database.Open())
        {
            var index = new EvidenceIndex(db);
            foreach (var (target, query, similarity) in plan)
            {
                var started = Stopwatch.GetTimestamp();
                var matches = await index.FindAsync(query, null, threshold, ct);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                var hit = matches.Any(m => m.ApplicationId == target.ApplicationId);
                found[similarity] = (found[similarity].Found + (hit ? 1 : 0), found[similarity].Total + 1);
            }
        }

        latencies.Sort();
        Report.Result("overlap", provider, parameters, "query p50", Report.Percentile(latencies, 50), "ms");
        Report.Result("overlap", provider, parameters, "query p99", Report.Percentile(latencies, 99), "ms");
        Report.Result("overlap", provider, parameters, "query max", latencies[^1], "ms");
        var atLeastHalf = found.Where(f => f.Key >= 0.5).Select(f => f.Value).ToList();
        Report.Result("overlap", provider, parameters, "recall at J >= 0.5", 100.0 * atLeastHalf.Sum(f => f.Found) / atLeastHalf.Sum(f => f.Total), "%");
        foreach (var (similarity, (hits, total)) in found)
        {
            Report.Result("overlap", provider, parameters, FormattableString.Invariant($"found at J = {similarity:0.0}"), 100.0 * hits / total, "%");
        }
    }

    /// <summary>For each query: a target sketch and a query sketch of sets with the chosen Jaccard similarity.</summary>
    private static List<(PlantedSketch Target, ulong[] Query, double Similarity)> Plan(int queries, int setSize, Random random)
    {
        var plan = new List<(PlantedSketch, ulong[], double)>();
        for (var q = 0; q < queries; q++)
        {
            var similarity = Similarities[q % Similarities.Length];
            // |T| = |Q| = s sharing k: J = k / (2s − k), so k = 2sJ / (1 + J).
            var shared = (int)Math.Round(2 * setSize * similarity / (1 + similarity));
            var target = Features(setSize, random);
            var query = target.Take(shared).Concat(Features(setSize - shared, random)).ToArray();
            plan.Add((new PlantedSketch(Guid.NewGuid(), SpecMinHash.Sketch(target)), SpecMinHash.Sketch(query), similarity));
        }

        return plan;
    }

    private static ulong[] Features(int count, Random random) => [.. Enumerable.Range(0, count).Select(_ => (ulong)random.NextInt64() ^ ((ulong)random.Next() << 63))];
}

/// <summary>A target sketch in the index.</summary>
internal sealed record PlantedSketch(Guid ApplicationId, ulong[] Values);
