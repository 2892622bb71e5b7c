using System.Buffers;
using DataIp.Domain.TransparencyLog;
using Microsoft.Win32.SafeHandles;

namespace DataIp.Domain.Fingerprinting;

/// <summary>
/// One fixed-size chunk to hash (docs/fingerprint-format.md §2.4): read with a positional read
/// into a pooled buffer just after a 0x00 byte, so that one-shot H hashes the leaf without a copy;
/// the 31 bytes after the chunk are read too, for the content-defined candidates near its end.
/// After <see cref="Run"/>: the leaf hash, the candidates and their g(s). Memory: one buffer of
/// chunk size + 32 while running, returned at the end.
/// </summary>
internal sealed class FileChunkJob(SafeFileHandle handle, string path, long fileSize, long offset, int length, bool keepData)
{
    public Hash LeafHash { get; private set; }

    /// <summary>Candidate positions in the file, ascending.</summary>
    public List<long> Candidates { get; } = [];

    /// <summary>g(s) of each candidate, and of position 0 first when the chunk starts the file.</summary>
    public List<ulong> Features { get; } = [];

    /// <summary>The chunk's bytes, when asked to keep them (a chunk proof).</summary>
    public byte[]? Data { get; private set; }

    public void Run(FingerprintHash hash)
    {
        var lookahead = (int)Math.Min(ContentChunks.Lookahead, fileSize - offset - length);
        var total = length + lookahead;
        var buffer = ArrayPool<byte>.Shared.Rent(total + 1);
        try
        {
            buffer[0] = FingerprintHash.LeafPrefix;
            ReadExactly(buffer.AsSpan(1, total));
            LeafHash = hash.HashPrefixed(buffer.AsSpan(0, length + 1));
            var data = buffer.AsSpan(1, total);
            if (offset == 0)
            {
                Features.Add(ContentChunks.Feature(data));
            }

            ContentChunks.FindCandidates(data, length, offset, Candidates);
            foreach (var candidate in Candidates)
            {
                Features.Add(ContentChunks.Feature(data[(int)(candidate - offset)..]));
            }

            if (keepData)
            {
                Data = data[..length].ToArray();
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
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
