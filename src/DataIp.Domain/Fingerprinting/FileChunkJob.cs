using System.Security.Cryptography;
using DataIp.Domain.Registration;
using DataIp.Domain.TransparencyLog;
using Microsoft.Win32.SafeHandles;

namespace DataIp.Domain.Fingerprinting;

/// <summary>
/// A run of consecutive fixed-size chunks of one file (docs/fingerprint-format.md §2.4), read
/// with one positional read into a worker's buffer together with the 31 bytes after them (for the
/// content-defined candidates near the end). After <see cref="Run"/>: the leaf hash of each
/// chunk, the candidates in the run and their g(s). A file with no chunks is a job with none.
/// </summary>
internal sealed class FileChunkJob(SafeFileHandle handle, string path, long fileSize, long offset, int chunkSize, int chunkCount, int length, int? keepChunk)
{
    private static readonly byte[] LeafPrefix = [FingerprintHash.LeafPrefix];

    public int ChunkCount => chunkCount;

    /// <summary>The bytes the run covers.</summary>
    public int Length => length;

    /// <summary>The chunks' leaf hashes, in order.</summary>
    public Hash[] LeafHashes { get; } = new Hash[chunkCount];

    /// <summary>Candidate positions in the file, ascending.</summary>
    public List<long> Candidates { get; } = [];

    /// <summary>g(s) of each candidate, and of position 0 first when the run starts the file.</summary>
    public List<ulong> Features { get; } = [];

    /// <summary>The bytes of the chunk asked to be kept (a chunk proof), or null.</summary>
    public byte[]? Data { get; private set; }

    /// <summary>Set when <see cref="Run"/> has ended, well or not.</summary>
    public ManualResetEventSlim Done { get; } = new();

    /// <summary>What <see cref="Run"/> threw, for the taker to rethrow in order.</summary>
    public Exception? Failure { get; set; }

    /// <summary>The worker buffer size for runs of <paramref name="chunks"/> chunks of <paramref name="chunkSize"/>.</summary>
    public static int BufferSize(int chunkSize, int chunks) => (chunkSize * chunks) + ContentChunks.Lookahead;

    public void Run(FingerprintHash hash, byte[] buffer, IncrementalHash? sha256)
    {
        if (chunkCount == 0)
        {
            return;
        }

        var lookahead = (int)Math.Min(ContentChunks.Lookahead, fileSize - offset - length);
        var data = buffer.AsSpan(0, length + lookahead);
        ReadExactly(data);
        HashChunks(hash, data[..length], sha256);
        if (offset == 0)
        {
            Features.Add(ContentChunks.Feature(data));
        }

        ContentChunks.FindCandidates(data, length, offset, Candidates);
        foreach (var candidate in Candidates)
        {
            Features.Add(ContentChunks.Feature(data[(int)(candidate - offset)..]));
        }

        if (keepChunk is { } kept)
        {
            Data = data.Slice(kept * chunkSize, Math.Min(chunkSize, length - (kept * chunkSize))).ToArray();
        }
    }

    /// <summary>H(0x00 || chunk) of each chunk: SM3 sixteen full chunks at a time in SIMD lanes,
    /// SHA-256 one after another with the worker's context (no copy to put 0x00 in front).</summary>
    private void HashChunks(FingerprintHash hash, ReadOnlySpan<byte> data, IncrementalHash? sha256)
    {
        Span<byte> digests = stackalloc byte[Hash.Size];
        if (hash.Algorithm == FingerprintAlgorithm.Sm3)
        {
            var full = length / chunkSize;
            var many = new byte[full * Hash.Size];
            Hashing.Sm3.HashMany(LeafPrefix, data[..(full * chunkSize)], chunkSize, many);
            for (var i = 0; i < full; i++)
            {
                LeafHashes[i] = Hash.FromBytes(many.AsSpan(i * Hash.Size, Hash.Size));
            }

            if (full < chunkCount)
            {
                Hashing.Sm3.HashData(LeafPrefix, data[(full * chunkSize)..], digests);
                LeafHashes[full] = Hash.FromBytes(digests);
            }

            return;
        }

        for (var i = 0; i < chunkCount; i++)
        {
            var start = i * chunkSize;
            sha256!.AppendData(LeafPrefix);
            sha256.AppendData(data[start..Math.Min(length, start + chunkSize)]);
            sha256.GetHashAndReset(digests);
            LeafHashes[i] = Hash.FromBytes(digests);
        }
    }

    private void ReadExactly(Span<byte> destination)
    {
        var done = 0;
        try
        {
            while (done < destination.Length)
            {
                var read = RandomAccess.Read(handle, destination[done..], offset + done);
                if (read == 0)
                {
                    throw new FingerprintException(FingerprintErrorKind.ChangedWhileReading, path, $"couldn't read {path}: it became shorter while being read (expected {fileSize} bytes).");
                }

                done += read;
            }
        }
        catch (IOException exception)
        {
            throw new FingerprintException(FingerprintErrorKind.Unreadable, path, $"couldn't read {path} at byte {offset + done}: {exception.Message}", inner: exception);
        }
    }
}
