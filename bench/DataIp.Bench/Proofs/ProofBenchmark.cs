using System.Diagnostics;
using DataIp.Data.TransparencyLog;
using DataIp.Domain.TransparencyLog;

namespace DataIp.Bench.Proofs;

/// <summary>
/// <c>proofs</c>: inclusion proof latency in a log of <c>--size</c> entries. Builds the log
/// (<see cref="LogLoader"/>), then times random (index, size) proofs through
/// <see cref="LogStore"/> in <c>--rounds</c> rounds of <c>--samples</c>, after a warm-up; every
/// measured proof is then verified against the root computed while building.
/// </summary>
/// <remarks>
/// Two latencies per proof: <em>proof</em>, the proof itself (<see cref="MerkleProof.InclusionNodes"/>,
/// <see cref="LogStore.GetHashesAsync"/>, <see cref="ProofNodes.Rehash"/>); and <em>endpoint</em>,
/// every read <c>GET /api/v1/log/proofs/inclusion</c> makes (latest checkpoint, proof, leaf, root),
/// without HTTP and JSON. One context serves a round, opening its pooled connection per query as
/// a request's context does.
/// </remarks>
internal static class ProofBenchmark
{
    public static async Task RunAsync(BenchArguments args, CancellationToken ct)
    {
        var size = args.Count("size", 1_000_000);
        var samples = args.Int("samples", 10_000);
        var rounds = args.Int("rounds", 3);
        var warmup = args.Int("warmup", 2_000, min: 0);
        var mode = args.String("build", "direct");
        var integrateBatch = args.Int("integrate-batch", 100_000);
        var random = new Random(args.Int("seed", 1, min: 0));
        SyntheticLog.EntryBytes = args.Int("entry-bytes", 512, min: 0);
        if (mode is not ("direct" or "integrate"))
        {
            throw new BenchUsageException($"--build is direct or integrate, not \"{mode}\".");
        }

        await using var database = await BenchDatabase.CreateAsync(args, ct);
        args.RejectUnknown();
        Report.Info($"Fresh {database.Provider} database: {database.Durability}");
        var root = await LogLoader.LoadAsync(database, size, mode, integrateBatch, ct);
        await MeasureAsync(database, size, warmup, random, ct);
        Report.Info($"Warm-up: {warmup} proofs (not reported)");

        var provider = database.Provider.ToString().ToLowerInvariant();
        var parameters = FormattableString.Invariant($"size={size} samples={samples} entry-bytes={SyntheticLog.EntryBytes} build={mode}");
        for (var round = 1; round <= rounds; round++)
        {
            var (proofs, proofTimes, endpointTimes) = await MeasureAsync(database, size, samples, random, ct);
            Verify(proofs, size, root);
            Report.Info($"Round {round}: {proofs.Count} proofs measured and verified");
            Report.Result("proofs", provider, parameters, "proof p50", Report.Percentile(proofTimes, 50), "µs");
            Report.Result("proofs", provider, parameters, "proof p99", Report.Percentile(proofTimes, 99), "µs");
            Report.Result("proofs", provider, parameters, "proof max", proofTimes[^1], "µs");
            Report.Result("proofs", provider, parameters, "endpoint p50", Report.Percentile(endpointTimes, 50), "µs");
            Report.Result("proofs", provider, parameters, "endpoint p99", Report.Percentile(endpointTimes, 99), "µs");
        }
    }

    private static async Task<(List<(long Index, IReadOnlyList<Hash> Proof)> Proofs, List<double> ProofTimes, List<double> EndpointTimes)> MeasureAsync(
        BenchDatabase database, long size, int samples, Random random, CancellationToken ct)
    {
        await using var db = database.Open();
        var store = new LogStore(db);
        var proofs = new List<(long, IReadOnlyList<Hash>)>(samples);
        var proofTimes = new List<double>(samples);
        var endpointTimes = new List<double>(samples);
        for (var i = 0; i < samples; i++)
        {
            var index = random.NextInt64(size);
            var started = Stopwatch.GetTimestamp();
            _ = await store.LatestCheckpointAsync(ct);
            var beforeProof = Stopwatch.GetTimestamp();
            var nodes = MerkleProof.InclusionNodes((ulong)index, (ulong)size);
            var proof = nodes.Rehash(await store.GetHashesAsync(nodes.Ids, ct));
            var afterProof = Stopwatch.GetTimestamp();
            _ = await store.GetHashesAsync([new NodeId(0, (ulong)index)], ct);
            _ = await store.RootAtAsync(size, ct);
            proofTimes.Add(Stopwatch.GetElapsedTime(beforeProof, afterProof).TotalMicroseconds);
            endpointTimes.Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
            proofs.Add((index, proof));
        }

        proofTimes.Sort();
        endpointTimes.Sort();
        return (proofs, proofTimes, endpointTimes);
    }

    private static void Verify(List<(long Index, IReadOnlyList<Hash> Proof)> proofs, long size, Hash root)
    {
        foreach (var (index, proof) in proofs)
        {
            var check = MerkleProof.VerifyInclusion((ulong)index, (ulong)size, SyntheticLog.LeafHash(index), proof, root);
            if (!check.IsValid)
            {
                throw new InvalidOperationException($"The proof of entry {index} in the tree of {size} does not verify: {check.Message}");
            }
        }
    }
}
