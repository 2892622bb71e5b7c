using System.Buffers.Binary;
using System.Numerics;

namespace DataIp.Domain.Hashing;

/// <summary>
/// The SM3 hash function (GB/T 32905-2016), China's commercial cryptography hash: 512-bit blocks,
/// 256-bit digests, Merkle–Damgård with SHA-256's padding. Pure managed code so that the domain
/// (fingerprints, their proofs) needs no cryptography package. Thread-safe: every member is a pure
/// function.
/// </summary>
public static class Sm3
{
    /// <summary>The size of an SM3 hash in bytes.</summary>
    public const int HashSize = 32;

    private const int BlockSize = 64;

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
    public static void HashData(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (destination.Length < HashSize)
        {
            throw new ArgumentException($"The destination has {destination.Length} bytes; an SM3 hash needs {HashSize}.", nameof(destination));
        }

        Span<uint> state = [0x7380166F, 0x4914B2B9, 0x172442D7, 0xDA8A0600, 0xA96F30BC, 0x163138AA, 0xE38DEE4D, 0xB0FB0E4E];
        var whole = source.Length - (source.Length % BlockSize);
        Compress(state, source[..whole]);

        // GB/T 32905 §5.2: append bit 1, zeros, and the message length in bits as 64-bit big-endian.
        Span<byte> tail = stackalloc byte[2 * BlockSize];
        tail.Clear();
        var rest = source[whole..];
        rest.CopyTo(tail);
        tail[rest.Length] = 0x80;
        var tailLength = rest.Length + 9 <= BlockSize ? BlockSize : 2 * BlockSize;
        BinaryPrimitives.WriteUInt64BigEndian(tail[(tailLength - 8)..], unchecked((ulong)source.Length * 8));
        Compress(state, tail[..tailLength]);

        for (var i = 0; i < 8; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination[(4 * i)..], state[i]);
        }
    }

    /// <summary>The compression function CF (GB/T 32905 §5.3) over whole 64-byte blocks.</summary>
    private static void Compress(Span<uint> state, ReadOnlySpan<byte> blocks)
    {
        Span<uint> w = stackalloc uint[68];
        for (var offset = 0; offset < blocks.Length; offset += BlockSize)
        {
            // §5.3.2 message expansion.
            for (var j = 0; j < 16; j++)
            {
                w[j] = BinaryPrimitives.ReadUInt32BigEndian(blocks[(offset + (4 * j))..]);
            }

            for (var j = 16; j < 68; j++)
            {
                w[j] = P1(w[j - 16] ^ w[j - 9] ^ BitOperations.RotateLeft(w[j - 3], 15))
                    ^ BitOperations.RotateLeft(w[j - 13], 7) ^ w[j - 6];
            }

            uint a = state[0], b = state[1], c = state[2], d = state[3];
            uint e = state[4], f = state[5], g = state[6], h = state[7];
            for (var j = 0; j < 64; j++)
            {
                unchecked
                {
                    var t = j < 16 ? 0x79CC4519u : 0x7A879D8Au;
                    var a12 = BitOperations.RotateLeft(a, 12);
                    var ss1 = BitOperations.RotateLeft(a12 + e + BitOperations.RotateLeft(t, j % 32), 7);
                    var ss2 = ss1 ^ a12;
                    var ff = j < 16 ? a ^ b ^ c : (a & b) | (a & c) | (b & c);
                    var gg = j < 16 ? e ^ f ^ g : (e & f) | (~e & g);
                    var tt1 = ff + d + ss2 + (w[j] ^ w[j + 4]);
                    var tt2 = gg + h + ss1 + w[j];
                    d = c;
                    c = BitOperations.RotateLeft(b, 9);
                    b = a;
                    a = tt1;
                    h = g;
                    g = BitOperations.RotateLeft(f, 19);
                    f = e;
                    e = P0(tt2);
                }
            }

            state[0] ^= a;
            state[1] ^= b;
            state[2] ^= c;
            state[3] ^= d;
            state[4] ^= e;
            state[5] ^= f;
            state[6] ^= g;
            state[7] ^= h;
        }
    }

    private static uint P0(uint x) => x ^ BitOperations.RotateLeft(x, 9) ^ BitOperations.RotateLeft(x, 17);

    private static uint P1(uint x) => x ^ BitOperations.RotateLeft(x, 15) ^ BitOperations.RotateLeft(x, 23);
}
