using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace DataIp.Domain.Hashing;

/// <summary>
/// The SM3 compression function CF (GB/T 32905-2016 §5.3), one message at a time, tuned for
/// throughput: the working state lives in locals; rounds go four at a time, renaming the
/// variables instead of moving them (as OpenSSL's C does); the two phases of the round function
/// (j &lt; 16 and j ≥ 16) are separate loops, so no round branches; the constants T_j come
/// pre-rotated; the schedule is a fixed-size stack array read without bounds checks.
/// </summary>
internal static class Sm3Compression
{
    public const int BlockSize = 64;

    /// <summary>The initial value IV (§4.1).</summary>
    public static ReadOnlySpan<uint> InitialValue => [0x7380166F, 0x4914B2B9, 0x172442D7, 0xDA8A0600, 0xA96F30BC, 0x163138AA, 0xE38DEE4D, 0xB0FB0E4E];

    /// <summary>T_j &lt;&lt;&lt; (j mod 32) (§4.2, §5.3.3), for j = 0..63.</summary>
    public static ReadOnlySpan<uint> RotatedConstants =>
    [
        0x79CC4519, 0xF3988A32, 0xE7311465, 0xCE6228CB, 0x9CC45197, 0x3988A32F, 0x7311465E, 0xE6228CBC,
        0xCC451979, 0x988A32F3, 0x311465E7, 0x6228CBCE, 0xC451979C, 0x88A32F39, 0x11465E73, 0x228CBCE6,
        0x9D8A7A87, 0x3B14F50F, 0x7629EA1E, 0xEC53D43C, 0xD8A7A879, 0xB14F50F3, 0x629EA1E7, 0xC53D43CE,
        0x8A7A879D, 0x14F50F3B, 0x29EA1E76, 0x53D43CEC, 0xA7A879D8, 0x4F50F3B1, 0x9EA1E762, 0x3D43CEC5,
        0x7A879D8A, 0xF50F3B14, 0xEA1E7629, 0xD43CEC53, 0xA879D8A7, 0x50F3B14F, 0xA1E7629E, 0x43CEC53D,
        0x879D8A7A, 0x0F3B14F5, 0x1E7629EA, 0x3CEC53D4, 0x79D8A7A8, 0xF3B14F50, 0xE7629EA1, 0xCEC53D43,
        0x9D8A7A87, 0x3B14F50F, 0x7629EA1E, 0xEC53D43C, 0xD8A7A879, 0xB14F50F3, 0x629EA1E7, 0xC53D43CE,
        0x8A7A879D, 0x14F50F3B, 0x29EA1E76, 0x53D43CEC, 0xA7A879D8, 0x4F50F3B1, 0x9EA1E762, 0x3D43CEC5,
    ];

    /// <summary>Compresses the whole 64-byte blocks of <paramref name="blocks"/> into <paramref name="state"/>.</summary>
    /// <param name="state">The eight chaining words V_i, updated in place.</param>
    /// <param name="blocks">A multiple of 64 bytes.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Compress(Span<uint> state, ReadOnlySpan<byte> blocks)
    {
        if (state.Length != 8 || blocks.Length % BlockSize != 0)
        {
            throw new ArgumentException("Needs 8 state words and whole 64-byte blocks.", nameof(blocks));
        }

        Schedule schedule = default;
        ref var w = ref Unsafe.As<Schedule, uint>(ref schedule);
        ref var t = ref MemoryMarshal.GetReference(RotatedConstants);
        ref var v = ref MemoryMarshal.GetReference(state);
        uint a = v, b = Unsafe.Add(ref v, 1), c = Unsafe.Add(ref v, 2), d = Unsafe.Add(ref v, 3);
        uint e = Unsafe.Add(ref v, 4), f = Unsafe.Add(ref v, 5), g = Unsafe.Add(ref v, 6), h = Unsafe.Add(ref v, 7);

        // Unchecked: the domain builds with overflow checks, and they would cost a branch per index.
        unchecked
        {
            for (var offset = 0; offset < blocks.Length; offset += BlockSize)
            {
                Load(blocks.Slice(offset, BlockSize), ref w);

                // Four rounds per call: after four renamings (A..H → D,A,B,C,H,E,F,G) the names line
                // up again. j is a constant in each call, so the schedule and T_j are at fixed offsets.
                FourRounds1(ref a, ref b, ref c, ref d, ref e, ref f, ref g, ref h, ref w, ref t, 0);
                FourRounds1(ref a, ref b, ref c, ref d, ref e, ref f, ref g, ref h, ref w, ref t, 4);
                FourRounds1(ref a, ref b, ref c, ref d, ref e, ref f, ref g, ref h, ref w, ref t, 8);
                FourRounds1(ref a, ref b, ref c, ref d, ref e, ref f, ref g, ref h, ref w, ref t, 12);
                FourRounds2(ref a, ref b, ref c, ref d, ref e, ref f, ref g, ref h, ref w, ref t, 16);
                FourRounds2(ref a, ref b, ref c, ref d, ref e, ref f, ref g, ref h, ref w, ref t, 20);
                FourRounds2(ref a, ref b, ref c, ref d, ref e, ref f, ref g, ref h, ref w, ref t, 24);
                FourRounds2(ref a, ref b, ref c, ref d, ref e, ref f, ref g, ref h, ref w, ref t, 28);
                FourRounds2(ref a, ref b, ref c, ref d, ref e, ref f, ref g, ref h, ref w, ref t, 32);
                FourRounds2(ref a, ref b, ref c, ref d, ref e, ref f, ref g, ref h, ref w, ref t, 36);
                FourRounds2(ref a, ref b, ref c, ref d, ref e, ref f, ref g, ref h, ref w, ref t, 40);
                FourRounds2(ref a, ref b, ref c, ref d, ref e, ref f, ref g, ref h, ref w, ref t, 44);
                FourRounds2(ref a, ref b, ref c, ref d, ref e, ref f, ref g, ref h, ref w, ref t, 48);
                FourRounds2(ref a, ref b, ref c, ref d, ref e, ref f, ref g, ref h, ref w, ref t, 52);
                FourRounds2(ref a, ref b, ref c, ref d, ref e, ref f, ref g, ref h, ref w, ref t, 56);
                FourRounds2(ref a, ref b, ref c, ref d, ref e, ref f, ref g, ref h, ref w, ref t, 60);

                // V_(i+1) = ABCDEFGH ⊕ V_i. The chaining value stays in memory, not in registers: the
                // rounds need every register they can get.
                v = a ^= v;
                Unsafe.Add(ref v, 1) = b ^= Unsafe.Add(ref v, 1);
                Unsafe.Add(ref v, 2) = c ^= Unsafe.Add(ref v, 2);
                Unsafe.Add(ref v, 3) = d ^= Unsafe.Add(ref v, 3);
                Unsafe.Add(ref v, 4) = e ^= Unsafe.Add(ref v, 4);
                Unsafe.Add(ref v, 5) = f ^= Unsafe.Add(ref v, 5);
                Unsafe.Add(ref v, 6) = g ^= Unsafe.Add(ref v, 6);
                Unsafe.Add(ref v, 7) = h ^= Unsafe.Add(ref v, 7);
            }
        }
    }

    /// <summary>§5.3.2 (a): W_0..W_15, the block's big-endian words.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Load(ReadOnlySpan<byte> block, ref uint w)
    {
        ref var source = ref MemoryMarshal.GetReference(block);
        unchecked
        {
            for (nint j = 0; j < 16; j++)
            {
                Unsafe.Add(ref w, j) = BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref source, 4 * j)));
            }
        }
    }

    /// <summary>
    /// §5.3.2 (b): W_k for 16 ≤ k &lt; 68, computed in the rounds that first need it (round k - 4
    /// uses W'_(k-4) = W_(k-4) ⊕ W_k), so that the expansion overlaps the rounds' dependency chain.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Expand(ref uint w, nint k)
    {
        unchecked
        {
            if (k >= 16)
            {
                Unsafe.Add(ref w, k) = P1(Unsafe.Add(ref w, k - 16) ^ Unsafe.Add(ref w, k - 9) ^ BitOperations.RotateLeft(Unsafe.Add(ref w, k - 3), 15))
                    ^ BitOperations.RotateLeft(Unsafe.Add(ref w, k - 13), 7) ^ Unsafe.Add(ref w, k - 6);
            }
        }
    }

    /// <summary>Rounds j..j+3 for j &lt; 16.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void FourRounds1(ref uint a, ref uint b, ref uint c, ref uint d, ref uint e, ref uint f, ref uint g, ref uint h, ref uint w, ref uint t, nint j)
    {
        unchecked
        {
            Expand(ref w, j + 4);
            Round1(a, ref b, c, ref d, e, ref f, g, ref h, ref Unsafe.Add(ref w, j), Unsafe.Add(ref t, j));
            Expand(ref w, j + 5);
            Round1(d, ref a, b, ref c, h, ref e, f, ref g, ref Unsafe.Add(ref w, j + 1), Unsafe.Add(ref t, j + 1));
            Expand(ref w, j + 6);
            Round1(c, ref d, a, ref b, g, ref h, e, ref f, ref Unsafe.Add(ref w, j + 2), Unsafe.Add(ref t, j + 2));
            Expand(ref w, j + 7);
            Round1(b, ref c, d, ref a, f, ref g, h, ref e, ref Unsafe.Add(ref w, j + 3), Unsafe.Add(ref t, j + 3));
        }
    }

    /// <summary>Rounds j..j+3 for j ≥ 16.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void FourRounds2(ref uint a, ref uint b, ref uint c, ref uint d, ref uint e, ref uint f, ref uint g, ref uint h, ref uint w, ref uint t, nint j)
    {
        unchecked
        {
            Expand(ref w, j + 4);
            Round2(a, ref b, c, ref d, e, ref f, g, ref h, ref Unsafe.Add(ref w, j), Unsafe.Add(ref t, j));
            Expand(ref w, j + 5);
            Round2(d, ref a, b, ref c, h, ref e, f, ref g, ref Unsafe.Add(ref w, j + 1), Unsafe.Add(ref t, j + 1));
            Expand(ref w, j + 6);
            Round2(c, ref d, a, ref b, g, ref h, e, ref f, ref Unsafe.Add(ref w, j + 2), Unsafe.Add(ref t, j + 2));
            Expand(ref w, j + 7);
            Round2(b, ref c, d, ref a, f, ref g, h, ref e, ref Unsafe.Add(ref w, j + 3), Unsafe.Add(ref t, j + 3));
        }
    }

    /// <summary>One round for j &lt; 16: FF and GG are XOR. Writes the new B, D, F, H in place.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Round1(uint a, ref uint b, uint c, ref uint d, uint e, ref uint f, uint g, ref uint h, ref uint w, uint t)
    {
        unchecked
        {
            d += (w ^ Unsafe.Add(ref w, 4)) + (a ^ b ^ c);
            h += w + (e ^ f ^ g);
            var a12 = BitOperations.RotateLeft(a, 12);
            var ss1 = BitOperations.RotateLeft(a12 + t + e, 7);
            d += ss1 ^ a12;
            h = P0(h + ss1);
            b = BitOperations.RotateLeft(b, 9);
            f = BitOperations.RotateLeft(f, 19);
        }
    }

    /// <summary>One round for j ≥ 16: FF is majority, GG is choice. Writes the new B, D, F, H in place.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Round2(uint a, ref uint b, uint c, ref uint d, uint e, ref uint f, uint g, ref uint h, ref uint w, uint t)
    {
        unchecked
        {
            d += (w ^ Unsafe.Add(ref w, 4)) + ((a & b) | (c & (a | b)));
            h += w + (((f ^ g) & e) ^ g);
            var a12 = BitOperations.RotateLeft(a, 12);
            var ss1 = BitOperations.RotateLeft(a12 + t + e, 7);
            d += ss1 ^ a12;
            h = P0(h + ss1);
            b = BitOperations.RotateLeft(b, 9);
            f = BitOperations.RotateLeft(f, 19);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint P0(uint x) => x ^ BitOperations.RotateLeft(x, 9) ^ BitOperations.RotateLeft(x, 17);


    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint P1(uint x) => x ^ BitOperations.RotateLeft(x, 15) ^ BitOperations.RotateLeft(x, 23);


    /// <summary>W_0..W_67 (§5.3.2), on the stack.</summary>
    [InlineArray(68)]
    private struct Schedule
    {
        private uint _element;
    }
}
