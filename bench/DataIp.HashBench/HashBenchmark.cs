using System.Diagnostics;
using System.Security.Cryptography;
using DataIp.Domain.Hashing;

namespace DataIp.HashBench;

/// <summary>
/// Hashes one file in the page cache with each contender, round after round, so that the load
/// other work puts on this shared machine falls on all of them alike. The managed contenders read
/// the file in 1 MiB chunks and hash each chunk, as a dataset fingerprint does; OpenSSL and
/// coreutils hash the whole file as one message, which is the same number of compressions.
/// </summary>
internal static class HashBenchmark
{
    private const int ChunkSize = 1 << 20;
    private const int Lanes = 16;

    public static void Run(Options options)
    {
        var path = Path.Combine(Path.GetTempPath(), $"dataip-hashbench-{Environment.ProcessId}.bin");
        try
        {
            WriteRandomFile(path, options.SizeMib);
            var contenders = Contenders(path).Where(c => options.Only?.Contains(c.Name) ?? true).ToList();
            var bytes = (long)options.SizeMib * ChunkSize;
            foreach (var contender in contenders)
            {
                contender.Measure(); // warm-up: JIT tiers, page cache
            }

            for (var round = 1; round <= options.Rounds; round++)
            {
                foreach (var contender in contenders)
                {
                    var seconds = contender.Measure();
                    Report.Result(round, contender.Name, bytes / seconds / 1e6);
                }
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static IEnumerable<Contender> Contenders(string path)
    {
        yield return new("sm3", () => HashChunks(path, 1, (chunk, hash) => Sm3.HashData(chunk, hash)));
        yield return new("sm3-many", () => HashChunks(path, Lanes, (chunks, hashes) => Sm3.HashMany(chunks, ChunkSize, hashes)));
        yield return new("sha256", () => HashChunks(path, 1, (chunk, hash) => SHA256.HashData(chunk, hash)));
        yield return new("openssl-sm3", () => RunTool("openssl", "dgst", "-sm3", path));
        yield return new("openssl-sha256", () => RunTool("openssl", "dgst", "-sha256", path));
        yield return new("sha256sum", () => RunTool("sha256sum", path));
    }

    private static void WriteRandomFile(string path, int sizeMib)
    {
        var buffer = new byte[ChunkSize];
        using (var file = File.Create(path))
        {
            for (var i = 0; i < sizeMib; i++)
            {
                Random.Shared.NextBytes(buffer);
                file.Write(buffer);
            }
        }

        using var read = File.OpenRead(path);
        while (read.Read(buffer) > 0)
        {
            // Read once so that every contender finds it in the page cache.
        }
    }

    private delegate void HashChunk(ReadOnlySpan<byte> chunks, Span<byte> hashes);

    /// <summary>Reads the file <paramref name="chunksPerRead"/> chunks at a time and hashes them; returns seconds.</summary>
    private static double HashChunks(string path, int chunksPerRead, HashChunk hash)
    {
        var buffer = GC.AllocateUninitializedArray<byte>(chunksPerRead * ChunkSize, pinned: true);
        var hashes = new byte[chunksPerRead * 32];
        using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        var watch = Stopwatch.StartNew();
        long offset = 0;
        int read;
        while ((read = RandomAccess.Read(file, buffer, offset)) > 0)
        {
            offset += read;
            var whole = read - (read % ChunkSize);
            if (whole > 0)
            {
                hash(buffer.AsSpan(0, whole), hashes);
            }
        }

        return watch.Elapsed.TotalSeconds;
    }

    /// <summary>Runs a tool on the file, discarding its output; returns seconds.</summary>
    private static double RunTool(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Couldn't start {program}.");
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var seconds = watch.Elapsed.TotalSeconds;
        return process.ExitCode == 0
            ? seconds
            : throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}.");
    }

    private sealed record Contender(string Name, Func<double> Measure);
}
