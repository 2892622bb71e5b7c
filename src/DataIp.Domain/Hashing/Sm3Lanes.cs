using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace DataIp.Domain.Hashing;

/// <summary>
/// SM3 on 16 independent messages at once, one per 32-bit lane of AVX-512 vectors: the same
/// compression function as <see cref="Sm3Compression"/>, with each word a Vector512 of 16 lanes.
/// AVX-512 gives what SM3 needs in one instruction each: rotations (vprold) and three-input
/// boolean functions (vpternlogd) for FF, GG, P0, P1 and three-way XOR.
/// </summary>
internal static class Sm3Lanes
{
    public const int Count = 16;

    private const byte Xor3 = 0x96;
    private const byte Majority = 0xE8;
    private const byte Choose = 0xCA;

    /// <summary>Whether this processor runs the lanes (AVX-512 F and BW).</summary>
    public static bool IsSupported => Avx512F.IsSupported && Avx512BW.IsSupported;

    /// <summary>
    /// Compresses <paramref name="blockCount"/> consecutive 64-byte blocks of each lane into
    /// <paramref name="state"/>. Lane i's first block starts at <paramref name="origin"/> +
    /// <paramref name="offsets"/>[i]; lanes may share data (unused lanes repeat lane 0).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Compress(ref LaneState state, ref byte origin, in LaneOffsets offsets, long blockCount)
    {
        Schedule schedule = default;
        ref var w = ref Unsafe.As<Schedule, Vector512<uint>>(ref schedule);
        ref var v = ref Unsafe.As<LaneState, Vector512<uint>>(ref state);
        ref var t = ref MemoryMarshal.GetReference(Sm3Compression.RotatedConstants);
        var a = v;
        var b = Unsafe.Add(ref v, 1);
        var c = Unsafe.Add(ref v, 2);
        var d = Unsafe.Add(ref v, 3);
        var e = Unsafe.Add(ref v, 4);
        var f = Unsafe.Add(ref v, 5);
        var g = Unsafe.Add(ref v, 6);
        var h = Unsafe.Add(ref v, 7);

        // Unchecked: the domain builds with overflow checks, and they would cost a branch per index.
        unchecked
        {
            for (long block = 0; block < blockCount; block++)
            {
                LoadTransposed(ref origin, offsets, block * Sm3Compression.BlockSize, ref w);
                FourRounds1(ref a, ref b, ref c, ref d, ref e, ref f, ref g, ref h, ref w, ref t, 0);
                FourRounds1(ref a, ref b, ref c, ref d, ref e, ref f, ref g, ref h, ref w, ref t, 4);
                FourRounds1(ref a, ref b, ref c, ref d, ref e, ref f, ref g, ref h, ref w, ref t, 8);
                FourRounds1(ref a, ref b, ref c, ref d, ref e, ref f, ref g, ref h, ref w, ref t, 12);
                for (nint j = 16; j < 64; j += 4)
                {
                    FourRounds2(ref a, ref b, ref c, ref d, ref e, ref f, ref g, ref h, ref w, ref t, j);
                }

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

    /// <summary>
    /// W_0..W_15 of one block of every lane: sixteen 64-byte rows (one per lane), each word
    /// byte-swapped to big-endian, then transposed so that W_j holds word j of every lane.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void LoadTransposed(ref byte origin, in LaneOffsets offsets, long blockOffset, ref Vector512<uint> w)
    {
        var byteSwap = Vector512.Create((byte)3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8, 15, 14, 13, 12, 3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8, 15, 14, 13, 12,
            3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8, 15, 14, 13, 12, 3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8, 15, 14, 13, 12);
        // W_16..W_31 are free until the expansion: the transposition works there.
        ref var r = ref Unsafe.Add(ref w, 16);
        unchecked
        {
            // Rows, then pairs of lanes interleaved by words (vpunpckldq/hdq, within 128-bit chunks).
            for (var i = 0; i < Count; i += 2)
            {
                var even = Avx512BW.Shuffle(Vector512.LoadUnsafe(ref origin, (nuint)(offsets[i] + blockOffset)).AsByte(), byteSwap).AsUInt32();
                var odd = Avx512BW.Shuffle(Vector512.LoadUnsafe(ref origin, (nuint)(offsets[i + 1] + blockOffset)).AsByte(), byteSwap).AsUInt32();
                Unsafe.Add(ref r, i) = Avx512F.UnpackLow(even, odd);
                Unsafe.Add(ref r, i + 1) = Avx512F.UnpackHigh(even, odd);
            }

            // Quads of lanes by quadwords: row 4q + m now holds, in 128-bit chunk k, word 4k + m
            // of lanes 4q..4q+3.
            for (var q = 0; q < Count; q += 4)
            {
                var t0 = Unsafe.Add(ref r, q).AsUInt64();
                var t1 = Unsafe.Add(ref r, q + 1).AsUInt64();
                var t2 = Unsafe.Add(ref r, q + 2).AsUInt64();
                var t3 = Unsafe.Add(ref r, q + 3).AsUInt64();
                Unsafe.Add(ref r, q) = Avx512F.UnpackLow(t0, t2).AsUInt32();
                Unsafe.Add(ref r, q + 1) = Avx512F.UnpackHigh(t0, t2).AsUInt32();
                Unsafe.Add(ref r, q + 2) = Avx512F.UnpackLow(t1, t3).AsUInt32();
                Unsafe.Add(ref r, q + 3) = Avx512F.UnpackHigh(t1, t3).AsUInt32();
            }

            // A 4×4 transpose of 128-bit chunks among rows m, 4 + m, 8 + m, 12 + m gives words
            // m, 4 + m, 8 + m, 12 + m of all sixteen lanes.
            for (var m = 0; m < 4; m++)
            {
                var p0 = Avx512F.Shuffle4x128(Unsafe.Add(ref r, m), Unsafe.Add(ref r, 4 + m), 0x88);
                var p1 = Avx512F.Shuffle4x128(Unsafe.Add(ref r, m), Unsafe.Add(ref r, 4 + m), 0xDD);
                var q0 = Avx512F.Shuffle4x128(Unsafe.Add(ref r, 8 + m), Unsafe.Add(ref r, 12 + m), 0x88);
                var q1 = Avx512F.Shuffle4x128(Unsafe.Add(ref r, 8 + m), Unsafe.Add(ref r, 12 + m), 0xDD);
                Unsafe.Add(ref w, m) = Avx512F.Shuffle4x128(p0, q0, 0x88);
                Unsafe.Add(ref w, 4 + m) = Avx512F.Shuffle4x128(p1, q1, 0x88);
                Unsafe.Add(ref w, 8 + m) = Avx512F.Shuffle4x128(p0, q0, 0xDD);
                Unsafe.Add(ref w, 12 + m) = Avx512F.Shuffle4x128(p1, q1, 0xDD);
            }
        }
    }

    /// <summary>W_k for 16 ≤ k &lt; 68 (§5.3.2), computed in round k - 4, which first needs it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Expand(ref Vector512<uint> w, nint k)
    {
        unchecked
        {
            if (k >= 16)
            {
                var x = Avx512F.TernaryLogic(Unsafe.Add(ref w, k - 16), Unsafe.Add(ref w, k - 9), Avx512F.RotateLeft(Unsafe.Add(ref w, k - 3), 15), Xor3);
                var p1 = Avx512F.TernaryLogic(x, Avx512F.RotateLeft(x, 15), Avx512F.RotateLeft(x, 23), Xor3);
                Unsafe.Add(ref w, k) = Avx512F.TernaryLogic(p1, Avx512F.RotateLeft(Unsafe.Add(ref w, k - 13), 7), Unsafe.Add(ref w, k - 6), Xor3);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void FourRounds1(ref Vector512<uint> a, ref Vector512<uint> b, ref Vector512<uint> c, ref Vector512<uint> d,
        ref Vector512<uint> e, ref Vector512<uint> f, ref Vector512<uint> g, ref Vector512<uint> h, ref Vector512<uint> w, ref uint t, nint j)
    {
        unchecked
        {
            Expand(ref w, j + 4);
            Round(a, ref b, c, ref d, e, ref f, g, ref h, ref Unsafe.Add(ref w, j), Unsafe.Add(ref t, j), Xor3, Xor3);
            Expand(ref w, j + 5);
            Round(d, ref a, b, ref c, h, ref e, f, ref g, ref Unsafe.Add(ref w, j + 1), Unsafe.Add(ref t, j + 1), Xor3, Xor3);
            Expand(ref w, j + 6);
            Round(c, ref d, a, ref b, g, ref h, e, ref f, ref Unsafe.Add(ref w, j + 2), Unsafe.Add(ref t, j + 2), Xor3, Xor3);
            Expand(ref w, j + 7);
            Round(b, ref c, d, ref a, f, ref g, h, ref e, ref Unsafe.Add(ref w, j + 3), Unsafe.Add(ref t, j + 3), Xor3, Xor3);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void FourRounds2(ref Vector512<uint> a, ref Vector512<uint> b, ref Vector512<uint> c, ref Vector512<uint> d,
        ref Vector512<uint> e, ref Vector512<uint> f, ref Vector512<uint> g, ref Vector512<uint> h, ref Vector512<uint> w, ref uint t, nint j)
    {
        unchecked
        {
            Expand(ref w, j + 4);
            Round(a, ref b, c, ref d, e, ref f, g, ref h, ref Unsafe.Add(ref w, j), Unsafe.Add(ref t, j), Majority, Choose);
            Expand(ref w, j + 5);
            Round(d, ref a, b, ref c, h, ref e, f, ref g, ref Unsafe.Add(ref w, j + 1), Unsafe.Add(ref t, j + 1), Majority, Choose);
            Expand(ref w, j + 6);
            Round(c, ref d, a, ref b, g, ref h, e, ref f, ref Unsafe.Add(ref w, j + 2), Unsafe.Add(ref t, j + 2), Majority, Choose);
            Expand(ref w, j + 7);
            Round(b, ref c, d, ref a, f, ref g, h, ref e, ref Unsafe.Add(ref w, j + 3), Unsafe.Add(ref t, j + 3), Majority, Choose);
        }
    }

    /// <summary>
    /// One round (§5.3.3) with FF and GG given as vpternlogd truth tables: XOR for j &lt; 16,
    /// majority and choice after. Writes the new B, D, F, H in place, as in <see cref="Sm3Compression"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Round(Vector512<uint> a, ref Vector512<uint> b, Vector512<uint> c, ref Vector512<uint> d,
        Vector512<uint> e, ref Vector512<uint> f, Vector512<uint> g, ref Vector512<uint> h, ref Vector512<uint> w, uint t, [ConstantExpected] byte ff, [ConstantExpected] byte gg)
    {
        d += (w ^ Unsafe.Add(ref w, 4)) + Avx512F.TernaryLogic(a, b, c, ff);
        h += w + Avx512F.TernaryLogic(e, f, g, gg);
        var a12 = Avx512F.RotateLeft(a, 12);
        var ss1 = Avx512F.RotateLeft(a12 + Vector512.Create(t) + e, 7);
        d += ss1 ^ a12;
        var tt2 = h + ss1;
        h = Avx512F.TernaryLogic(tt2, Avx512F.RotateLeft(tt2, 9), Avx512F.RotateLeft(tt2, 17), Xor3);
        b = Avx512F.RotateLeft(b, 9);
        f = Avx512F.RotateLeft(f, 19);
    }

    /// <summary>The chaining values of the 16 lanes: word i of every lane in vector i.</summary>
    [InlineArray(8)]
    internal struct LaneState
    {
        private Vector512<uint> _element;
    }

    /// <summary>Where each lane's data starts, in bytes from a common origin.</summary>
    [InlineArray(Count)]
    internal struct LaneOffsets
    {
        private long _element;
    }

    [InlineArray(68)]
    private struct Schedule
    {
        private Vector512<uint> _element;
    }
}
