using DataIp.Bench;
using DataIp.Bench.Appends;
using DataIp.Bench.Overlap;
using DataIp.Bench.Proofs;

const string Usage =
    """
    Transparency-log benchmarks (docs/performance.md). Run in Release:
      dotnet run -c Release --project bench/DataIp.Bench -- <scenario> [options]

    appends  --provider sqlite|postgres  --acts N  --batch B  --concurrency C
             [--sequencer concurrent|after] [--sequencer-interval-ms 1000] [--warmup N]
      Acts per second with durable commits: transactions of B acts each, C at a time, on a
      fresh database; the sequencer integrates alongside (or after) and is reported apart.

    proofs   --provider sqlite|postgres  --size N  --samples S  [--rounds 3] [--warmup 2000]
             [--entry-bytes 512] [--build direct|integrate] [--integrate-batch 100000] [--seed 1]
      Inclusion proof latency (p50, p99, max in µs) for random indices in a log of N entries.

    overlap  --provider sqlite|postgres  [--sketches 100k] [--queries 700] [--set-size 1000]
             [--threshold-percent 40] [--seed 1]
      The examiner's overlap search among N registered sketches: latency (p50, p99, max in ms)
      and recall per Jaccard similarity 0.3–0.9 of planted targets.

    Common: [--data-dir /tmp] (SQLite), [--connection "Host=…"] or DATAIP_BENCH_POSTGRES
      (a PostgreSQL server; each run creates and drops its own database).
    Counts take k and M suffixes: --size 10M.
    """;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

try
{
    var arguments = BenchArguments.Parse(args);
    Report.Info($"{string.Join(' ', args)}: {Environment.ProcessorCount} processors, load {Report.Load()}");
    switch (arguments.Scenario)
    {
        case "appends":
            await AppendBenchmark.RunAsync(arguments, cancel.Token);
            break;
        case "proofs":
            await ProofBenchmark.RunAsync(arguments, cancel.Token);
            break;
        case "overlap":
            await OverlapBenchmark.RunAsync(arguments, cancel.Token);
            break;
        default:
            throw new BenchUsageException($"Unknown scenario \"{arguments.Scenario}\".");
    }

    return 0;
}
catch (BenchUsageException e)
{
    await Console.Error.WriteLineAsync($"{e.Message}\n\n{Usage}");
    return 2;
}
