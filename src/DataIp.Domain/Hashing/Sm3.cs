using System.Buffers.Binary;

namespace DataIp.Domain.Hashing;

/// <summary>
/// The SM3 hash function (GB/T 32905-2016), China's commercial cryptography hash: 512-bit blocks,
/// 256-bit digests, Merkle–Damgård with SHA-256's padding. Pure managed code so that the domain
/// (fingerprints, their proofs) needs no cryptography package. Thread-safe: every member is a pure
/// function.
/// </summary>
/// <remarks>
/// <see cref="HashMany(ReadOnlySpan{byte}, ReadOnlySpan{byte}, int, Span{byte})"/> hashes many
/// equal-length messages at once in SIMD lanes (16 with AVX-512), several times faster than one
/// after another; benchmarks and figures in docs/performance.md, "Hash functions".
/// </remarks>
public static class Sm3
{
    /// <summary>The size of an SM3 hash in bytes.</summary>
    public const int HashSize = 32;

    private const int BlockSize = Sm3Compression.BlockSize;

    /// <summary>Computes the SM3 hash of <paramref name="source"/>.</summary>
    /// <param name="source">The bytes to hash.</param>
    /// <returns>The 32-byte hash.</returns>
    public static byte[] HashData(ReadOnlySpan<byte> source)
    {
        var hash = new byte[HashSize];
        HashData(source, hash);
        return hash;
    }

    /// <summary>Computes the SM3 hash of <paramref name="source"/> into <paramref name="destination"/>.</summary>
    /// <param name="source">The bytes to hash.</param>
    /// <param name="destination">Receives the 32-byte hash; at least <see cref="HashSize"/> bytes.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than 32 bytes.</exception>
    public static void HashData(ReadOnlySpan<byte> source, Span<byte> destination) => HashData([], source, destination);

    /// <summary>
    /// Computes the SM3 hash of <paramref name="prefix"/> followed by <paramref name="source"/>
    /// into <paramref name="destination"/>, without copying them together: for RFC 9162 §2.1.1
    /// leaf hashes, SM3(0x00 ‖ data).
    /// </summary>
    /// <param name="prefix">The bytes hashed first; at most 64.</param>
    /// <param name="source">The bytes hashed after <paramref name="prefix"/>.</param>
    /// <param name="destination">Receives the 32-byte hash; at least <see cref="HashSize"/> bytes.</param>
    /// <exception cref="ArgumentException"><paramref name="prefix"/> is longer than 64 bytes, or <paramref name="destination"/> is shorter than 32.</exception>
    public static void HashData(ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> source, Span<byte> destination)
    {
        CheckPrefix(prefix);
        CheckDestination(destination, HashSize);

        Span<uint> state = stackalloc uint[8];
        Sm3Compression.InitialValue.CopyTo(state);
        Span<byte> tail = stackalloc byte[2 * BlockSize];
        var total = (long)prefix.Length + source.Length;
        var consumed = 0;
        if (prefix.Length > 0 && total >= BlockSize)
        {
            // The first block: the prefix and the start of the source.
            consumed = BlockSize - prefix.Length;
            prefix.CopyTo(tail);
            source[..consumed].CopyTo(tail[prefix.Length..]);
            Sm3Compression.Compress(state, tail[..BlockSize]);
            prefix = [];
        }

        var whole = (source.Length - consumed) / BlockSize * BlockSize;
        Sm3Compression.Compress(state, source.Slice(consumed, whole));
        var tailLength = Pad(prefix, source[(consumed + whole)..], total, tail);
        Sm3Compression.Compress(state, tail[..tailLength]);
        for (var i = 0; i < 8; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination[(4 * i)..], state[i]);
        }
    }

    /// <summary>
    /// Computes the SM3 hashes of equal-length messages laid end to end in
    /// <paramref name="messages"/>: message i is <c>messages[(i * messageLength)..((i + 1) * messageLength)]</c>
    /// and its hash goes to <c>destination[(32 * i)..(32 * (i + 1))]</c>. Equivalent to calling
    /// <see cref="HashData(ReadOnlySpan{byte}, Span{byte})"/> on each message, but it hashes 16
    /// messages at once, one per SIMD lane, where the processor has AVX-512 (F and BW);
    /// elsewhere it does exactly that. Single-threaded.
    /// </summary>
    /// <param name="messages">The messages, end to end: a whole number of <paramref name="messageLength"/>-byte messages. All inputs must be the same length: hash a shorter last piece with <see cref="HashData(ReadOnlySpan{byte}, Span{byte})"/>.</param>
    /// <param name="messageLength">The length of every message in bytes; at least 1.</param>
    /// <param name="destination">Receives 32 bytes per message, in order.</param>
    /// <exception cref="ArgumentException">
    /// <paramref name="messageLength"/> is less than 1, <paramref name="messages"/> is not a whole number of messages, or
    /// <paramref name="destination"/> is shorter than 32 bytes per message.
    /// </exception>
    public static void HashMany(ReadOnlySpan<byte> messages, int messageLength, Span<byte> destination) =>
        HashMany([], messages, messageLength, destination);

    /// <summary>
    /// Computes SM3(<paramref name="prefix"/> ‖ message i) for equal-length messages laid end to
    /// end in <paramref name="messages"/>, 16 at a time in SIMD lanes where the processor has
    /// AVX-512 (F and BW), one by one elsewhere; single-threaded. Each hash equals
    /// <see cref="HashData(ReadOnlySpan{byte}, ReadOnlySpan{byte}, Span{byte})"/> of the prefix and
    /// that message. Made for the RFC 9162 leaf hashes of a file's equal-size chunks: prefix 0x00.
    /// </summary>
    /// <param name="prefix">The bytes hashed before every message (e.g. the RFC 9162 leaf prefix 0x00); at most 64, may be empty.</param>
    /// <param name="messages">The messages, end to end: message i is <c>messages[(i * messageLength)..((i + 1) * messageLength)]</c>. All inputs must be the same length: hash a shorter last piece with <see cref="HashData(ReadOnlySpan{byte}, ReadOnlySpan{byte}, Span{byte})"/>.</param>
    /// <param name="messageLength">The length of every message in bytes; at least 1.</param>
    /// <param name="destination">Receives the hashes, 32 bytes per message in order: <c>destination[(32 * i)..(32 * (i + 1))]</c>.</param>
    /// <exception cref="ArgumentException">
    /// <paramref name="prefix"/> is longer than 64 bytes, <paramref name="messageLength"/> is less than 1,
    /// <paramref name="messages"/> is not a whole number of messages, or <paramref name="destination"/>
    /// is shorter than 32 bytes per message.
    /// </exception>
    public static void HashMany(ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> messages, int messageLength, Span<byte> destination)
    {
        CheckPrefix(prefix);
        if (messageLength < 1 || messages.Length % messageLength != 0)
        {
            throw new ArgumentException(
                $"The messages ({messages.Length} bytes) must be a whole number of messages of {messageLength} bytes, and messages at least 1 byte long.",
                nameof(messageLength));
        }

        var count = messages.Length / messageLength;
        CheckDestination(destination, (long)count * HashSize);

        var done = 0;
        if (Sm3Lanes.IsSupported)
        {
            // A group of 16 lanes costs about as much as a few messages one by one; the lanes
            // of a short last group repeat its first message.
            for (; count - done >= Sm3LaneHashing.MinimumLanes; done += Sm3Lanes.Count)
            {
                var lanes = Math.Min(Sm3Lanes.Count, count - done);
                Sm3LaneHashing.Hash(prefix, messages.Slice(done * messageLength, lanes * messageLength), messageLength, lanes, destination[(done * HashSize)..]);
            }
        }

        for (; done < count; done++)
        {
            HashData(prefix, messages.Slice(done * messageLength, messageLength), destination[(done * HashSize)..]);
        }
    }

    /// <summary>
    /// GB/T 32905 §5.2 padding: writes <paramref name="prefix"/> ‖ <paramref name="rest"/> (less
    /// than a block), bit 1, zeros and the message length in bits (64-bit big-endian) into
    /// <paramref name="tail"/>; returns its length, one block or two.
    /// </summary>
    internal static int Pad(ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> rest, long totalLength, Span<byte> tail)
    {
        var used = prefix.Length + rest.Length;
        tail.Clear();
        prefix.CopyTo(tail);
        rest.CopyTo(tail[prefix.Length..]);
        tail[used] = 0x80;
        var tailLength = used + 9 <= BlockSize ? BlockSize : 2 * BlockSize;
        BinaryPrimitives.WriteUInt64BigEndian(tail[(tailLength - 8)..], unchecked((ulong)totalLength * 8));
        return tailLength;
    }

    private static void CheckPrefix(ReadOnlySpan<byte> prefix)
    {
        if (prefix.Length > BlockSize)
        {
            throw new ArgumentException($"The prefix has {prefix.Length} bytes; at most {BlockSize} are supported.", nameof(prefix));
        }
    }

    private static void CheckDestination(Span<byte> destination, long needed)
    {
        if (destination.Length < needed)
        {
            throw new ArgumentException($"The destination has {destination.Length} bytes; the SM3 hashes need {needed}.", nameof(destination));
        }
    }
}
