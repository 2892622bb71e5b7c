using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace DataIp.Domain.Hashing;

/// <summary>
/// Hashes up to 16 equal-length messages, each SM3(prefix ‖ message), in the lanes of
/// <see cref="Sm3Lanes"/>. Blocks that lie wholly inside the messages are read where they are; the
/// few others (the first, if it holds the prefix, and the last one or two, which hold the padding)
/// are assembled per lane in a small stack buffer.
/// </summary>
internal static class Sm3LaneHashing
{
    /// <summary>Below this many messages, one lane group costs more than hashing them one by one (measured: bench/DataIp.HashBench).</summary>
    public const int MinimumLanes = 4;

    private const int BlockSize = Sm3Compression.BlockSize;

    /// <summary>Hashes the first <paramref name="lanes"/> (1..16) messages of <paramref name="messages"/> into 32 bytes each of <paramref name="destination"/>.</summary>
    public static void Hash(ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> messages, int messageLength, int lanes, Span<byte> destination)
    {
        if (lanes is < 1 or > Sm3Lanes.Count || messages.Length < (long)lanes * messageLength || destination.Length < lanes * Sm3.HashSize || prefix.Length > BlockSize)
        {
            throw new ArgumentException("Needs 1 to 16 messages, a prefix of at most one block and room for every hash.", nameof(lanes));
        }

        Sm3Lanes.LaneState state = default;
        for (var i = 0; i < 8; i++)
        {
            state[i] = Vector512.Create(Sm3Compression.InitialValue[i]);
        }

        // GB/T 32905 §5.2: the padded message is prefix ‖ message ‖ 0x80 ‖ 0…0 ‖ bit length (64 bits).
        var total = (long)prefix.Length + messageLength;
        var blockCount = ((total + 8) / BlockSize) + 1;
        var head = prefix.Length > 0 ? 1L : 0L;
        var directEnd = Math.Max(head, total / BlockSize);
        Span<byte> scratch = stackalloc byte[Sm3Lanes.Count * BlockSize];

        if (head > 0)
        {
            CompressAssembledBlock(ref state, prefix, messages, messageLength, lanes, 0, total, blockCount, scratch);
        }

        Sm3Lanes.LaneOffsets offsets = default;
        for (var i = 0; i < Sm3Lanes.Count; i++)
        {
            offsets[i] = (i < lanes ? (long)i * messageLength : 0) + (head * BlockSize) - prefix.Length;
        }

        Sm3Lanes.Compress(ref state, ref MemoryMarshal.GetReference(messages), offsets, directEnd - head);
        for (var k = directEnd; k < blockCount; k++)
        {
            CompressAssembledBlock(ref state, prefix, messages, messageLength, lanes, k, total, blockCount, scratch);
        }

        for (var i = 0; i < lanes; i++)
        {
            for (var word = 0; word < 8; word++)
            {
                BinaryPrimitives.WriteUInt32BigEndian(destination[((Sm3.HashSize * i) + (4 * word))..], state[word].GetElement(i));
            }
        }
    }

    /// <summary>Assembles block <paramref name="k"/> of every lane's padded message in <paramref name="scratch"/> and compresses it.</summary>
    private static void CompressAssembledBlock(ref Sm3Lanes.LaneState state, ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> messages,
        int messageLength, int lanes, long k, long total, long blockCount, Span<byte> scratch)
    {
        Sm3Lanes.LaneOffsets offsets = default;
        for (var i = 0; i < lanes; i++)
        {
            var block = scratch.Slice(i * BlockSize, BlockSize);
            var message = messages.Slice(i * messageLength, messageLength);
            for (var n = 0; n < BlockSize; n++)
            {
                var at = (k * BlockSize) + n;
                block[n] = at < prefix.Length ? prefix[(int)at]
                    : at < total ? message[(int)(at - prefix.Length)]
                    : at == total ? (byte)0x80
                    : (byte)0;
            }

            if (k == blockCount - 1)
            {
                BinaryPrimitives.WriteUInt64BigEndian(block[(BlockSize - 8)..], unchecked((ulong)total * 8));
            }

            offsets[i] = i * BlockSize;
        }

        Sm3Lanes.Compress(ref state, ref MemoryMarshal.GetReference(scratch), offsets, 1);
    }
}
