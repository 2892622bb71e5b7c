using System.Globalization;
using DataIp.HashBench;

const string Usage =
    """
    Hash-function throughput against OpenSSL and coreutils (docs/performance.md, "Hash functions").
    Run in Release, or through bench/run-hash-bench.sh:
      dotnet run -c Release --project bench/DataIp.HashBench -- [--size-mib 512] [--rounds 5] [--only a,b]

    Writes a random file of --size-mib MiB (read once, so it sits in the page cache), then in each
    of --rounds rounds measures, one after the other on that file, single-threaded:
      sm3           Sm3.HashData on each 1 MiB chunk read from the file
      sm3-many      Sm3.HashMany on 16 chunks of 1 MiB at a time
      sha256        SHA256.HashData on each 1 MiB chunk
      openssl-sm3   openssl dgst -sm3 FILE         (one message: the whole file)
      openssl-sha256  openssl dgst -sha256 FILE
      sha256sum     sha256sum FILE
    Each result is a RESULT line: name, MB/s (10^6 bytes per second), 1-minute load average.
    """;

try
{
    var options = Options.Parse(args);
    Console.WriteLine(FormattableString.Invariant(
        $"# {Environment.ProcessorCount} processors, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, load {Report.Load()}"));
    HashBenchmark.Run(options);
    return 0;
}
catch (FormatException e)
{
    await Console.Error.WriteLineAsync($"{e.Message}\n\n{Usage}");
    return 2;
}

/// <summary>The command line: --size-mib, --rounds, --only.</summary>
internal sealed record Options(int SizeMib, int Rounds, IReadOnlySet<string>? Only)
{
    public static Options Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                throw new FormatException($"Expected \"--name value\" pairs; \"{args[i]}\" has no value or is not an option.");
            }

            values[args[i][2..]] = args[i + 1];
        }

        var unknown = values.Keys.Except(["size-mib", "rounds", "only"]).ToList();
        if (unknown.Count > 0)
        {
            throw new FormatException($"Unknown option(s): {string.Join(", ", unknown)}.");
        }

        return new Options(
            Positive(values.GetValueOrDefault("size-mib", "512"), "size-mib"),
            Positive(values.GetValueOrDefault("rounds", "5"), "rounds"),
            values.TryGetValue("only", out var only) ? only.Split(',').ToHashSet(StringComparer.Ordinal) : null);
    }

    private static int Positive(string text, string name) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new FormatException($"--{name} must be a positive whole number; got \"{text}\".");
}
