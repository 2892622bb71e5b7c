using System.Buffers.Binary;
using System.Numerics;

namespace DataIp.Domain.Tests.Hashing;

/// <summary>
/// A naive SM3, written straight from GB/T 32905-2016 §5 (the domain's first, unoptimised
/// version): the whole padded message in one array, W and W' in full, one loop of 64 rounds with
/// the round functions and T_j chosen per round. Slow and obviously correct, to check the fast one.
/// </summary>
internal static class ReferenceSm3
{
    public static byte[] Hash(ReadOnlySpan<byte> message)
    {
        // §5.2 padding.
        var paddedLength = ((message.Length + 8) / 64 * 64) + 64;
        var padded = new byte[paddedLength];
        message.CopyTo(padded);
        padded[message.Length] = 0x80;
        BinaryPrimitives.WriteUInt64BigEndian(padded.AsSpan(paddedLength - 8), (ulong)message.Length * 8);

        uint[] v = [0x7380166F, 0x4914B2B9, 0x172442D7, 0xDA8A0600, 0xA96F30BC, 0x163138AA, 0xE38DEE4D, 0xB0FB0E4E];
        for (var offset = 0; offset < paddedLength; offset += 64)
        {
            Compress(v, padded.AsSpan(offset, 64));
        }

        var hash = new byte[32];
        for (var i = 0; i < 8; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(hash.AsSpan(4 * i), v[i]);
        }

        return hash;
    }

    /// <summary>§5.3: CF(V, B).</summary>
    private static void Compress(uint[] v, ReadOnlySpan<byte> block)
    {
        var w = new uint[68];
        var w1 = new uint[64];
        for (var j = 0; j < 16; j++)
        {
            w[j] = BinaryPrimitives.ReadUInt32BigEndian(block[(4 * j)..]);
        }

        for (var j = 16; j < 68; j++)
        {
            w[j] = P1(w[j - 16] ^ w[j - 9] ^ BitOperations.RotateLeft(w[j - 3], 15)) ^ BitOperations.RotateLeft(w[j - 13], 7) ^ w[j - 6];
        }

        for (var j = 0; j < 64; j++)
        {
            w1[j] = w[j] ^ w[j + 4];
        }

        uint a = v[0], b = v[1], c = v[2], d = v[3], e = v[4], f = v[5], g = v[6], h = v[7];
        for (var j = 0; j < 64; j++)
        {
            var t = j < 16 ? 0x79CC4519u : 0x7A879D8Au;
            var ss1 = BitOperations.RotateLeft(BitOperations.RotateLeft(a, 12) + e + BitOperations.RotateLeft(t, j % 32), 7);
            var ss2 = ss1 ^ BitOperations.RotateLeft(a, 12);
            var tt1 = FF(j, a, b, c) + d + ss2 + w1[j];
            var tt2 = GG(j, e, f, g) + h + ss1 + w[j];
            d = c;
            c = BitOperations.RotateLeft(b, 9);
            b = a;
            a = tt1;
            h = g;
            g = BitOperations.RotateLeft(f, 19);
            f = e;
            e = P0(tt2);
        }

        v[0] ^= a;
        v[1] ^= b;
        v[2] ^= c;
        v[3] ^= d;
        v[4] ^= e;
        v[5] ^= f;
        v[6] ^= g;
        v[7] ^= h;
    }

    private static uint FF(int j, uint x, uint y, uint z) => j < 16 ? x ^ y ^ z : (x & y) | (x & z) | (y & z);

    private static uint GG(int j, uint x, uint y, uint z) => j < 16 ? x ^ y ^ z : (x & y) | (~x & z);

    private static uint P0(uint x) => x ^ BitOperations.RotateLeft(x, 9) ^ BitOperations.RotateLeft(x, 17);

    private static uint P1(uint x) => x ^ BitOperations.RotateLeft(x, 15) ^ BitOperations.RotateLeft(x, 23);
}
