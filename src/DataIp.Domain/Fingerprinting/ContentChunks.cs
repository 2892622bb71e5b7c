using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace DataIp.Domain.Fingerprinting;

/// <summary>
/// The content-defined chunks of files mode's similarity sketch (docs/fingerprint-format.md §4):
/// the candidate test, the candidate scan (vectorised with Vector512/256/128 where the hardware
/// has them, with a scalar path that gives the same positions), and the features g(s).
/// Thread-safe: pure functions.
/// </summary>
internal static class ContentChunks
{
    /// <summary>The smallest distance from a chunk's start to the candidate that ends it.</summary>
    public const int MinChunkLength = 2048;

    /// <summary>The bytes g(s) reads from a chunk's start.</summary>
    public const int FeatureWindow = 32;

    /// <summary>Bytes past a range the scan and g(s) may need: 3 for the last candidate's word,
    /// 31 for the last candidate's window.</summary>
    public const int Lookahead = FeatureWindow - 1;

    private const uint Key = 0x61746164;
    private const uint Multiplier = 0x9E3779B1;
    private const uint HighBits = 0xFFF80000; // a product below 2^19 has these all clear

    /// <summary>Whether the little-endian word <paramref name="word"/> at a position makes it a candidate.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsCandidate(uint word) => (unchecked((word ^ Key) * Multiplier) & HighBits) == 0;

    /// <summary>Adds the candidates at positions [0, <paramref name="limit"/>) of
    /// <paramref name="data"/> (each needing 4 bytes within it) to <paramref name="into"/>, as
    /// <paramref name="origin"/> + position, in order; with vectors where available.</summary>
    public static void FindCandidates(ReadOnlySpan<byte> data, int limit, long origin, List<long> into)
    {
        var end = Math.Min(limit, data.Length - 3);
        var position = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            position = Scan512(data, end, origin, into);
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            position = Scan256(data, end, origin, into);
        }
        else if (Vector128.IsHardwareAccelerated)
        {
            position = Scan128(data, end, origin, into);
        }

        ScanScalar(data, position, end, origin, into);
    }

    /// <summary><see cref="FindCandidates"/> without vectors: the reference the vector paths must match.</summary>
    public static void FindCandidatesScalar(ReadOnlySpan<byte> data, int limit, long origin, List<long> into) =>
        ScanScalar(data, 0, Math.Min(limit, data.Length - 3), origin, into);

    /// <summary>g(s) over <paramref name="window"/>: the bytes from s, at most 32, zero-padded.</summary>
    public static ulong Feature(ReadOnlySpan<byte> window)
    {
        Span<byte> w = stackalloc byte[FeatureWindow];
        w.Clear();
        window[..Math.Min(window.Length, FeatureWindow)].CopyTo(w);
        ulong a = 0;
        for (var j = 0; j < 4; j++)
        {
            a = MinHash.Mix(a ^ BinaryPrimitives.ReadUInt64LittleEndian(w[(8 * j)..]));
        }

        return a;
    }

    /// <summary>The feature of a chunk starting with g = <paramref name="start"/> and <paramref name="length"/> bytes long.</summary>
    public static ulong ChunkFeature(ulong start, long length) => MinHash.Mix(start ^ (ulong)length);

    private static void ScanScalar(ReadOnlySpan<byte> data, int from, int end, long origin, List<long> into)
    {
        for (var i = from; i < end; i++)
        {
            if (IsCandidate(BinaryPrimitives.ReadUInt32LittleEndian(data[i..])))
            {
                into.Add(origin + i);
            }
        }
    }

    // Each vector step tests the 4·lanes positions [p, p + 4·lanes): four unaligned loads of words
    // at p, p+1, p+2, p+3 give the words at p+o+4j. Candidates are rare (2^-13), so a step with a
    // hit is rescanned by the scalar path, which keeps the positions in order.
    internal static int Scan512(ReadOnlySpan<byte> data, int end, long origin, List<long> into)
    {
        ref var start = ref MemoryMarshal.GetReference(data);
        var key = Vector512.Create(Key);
        var multiplier = Vector512.Create(Multiplier);
        var high = Vector512.Create(HighBits);
        var p = 0;
        for (; p + 64 <= end && p + 67 <= data.Length; p += 64)
        {
            var hits = Test(Load512(ref start, p), key, multiplier, high)
                | Test(Load512(ref start, p + 1), key, multiplier, high)
                | Test(Load512(ref start, p + 2), key, multiplier, high)
                | Test(Load512(ref start, p + 3), key, multiplier, high);
            if (hits != Vector512<uint>.Zero)
            {
                ScanScalar(data, p, p + 64, origin, into);
            }
        }

        return p;

        static Vector512<uint> Load512(ref byte start, int offset) => Vector512.LoadUnsafe(ref Unsafe.As<byte, uint>(ref Unsafe.Add(ref start, offset)));

        static Vector512<uint> Test(Vector512<uint> words, Vector512<uint> key, Vector512<uint> multiplier, Vector512<uint> high) =>
            Vector512.Equals((words ^ key) * multiplier & high, Vector512<uint>.Zero);
    }

    internal static int Scan256(ReadOnlySpan<byte> data, int end, long origin, List<long> into)
    {
        ref var start = ref MemoryMarshal.GetReference(data);
        var key = Vector256.Create(Key);
        var multiplier = Vector256.Create(Multiplier);
        var high = Vector256.Create(HighBits);
        var p = 0;
        for (; p + 32 <= end && p + 35 <= data.Length; p += 32)
        {
            var hits = Test(Load256(ref start, p), key, multiplier, high)
                | Test(Load256(ref start, p + 1), key, multiplier, high)
                | Test(Load256(ref start, p + 2), key, multiplier, high)
                | Test(Load256(ref start, p + 3), key, multiplier, high);
            if (hits != Vector256<uint>.Zero)
            {
                ScanScalar(data, p, p + 32, origin, into);
            }
        }

        return p;

        static Vector256<uint> Load256(ref byte start, int offset) => Vector256.LoadUnsafe(ref Unsafe.As<byte, uint>(ref Unsafe.Add(ref start, offset)));

        static Vector256<uint> Test(Vector256<uint> words, Vector256<uint> key, Vector256<uint> multiplier, Vector256<uint> high) =>
            Vector256.Equals((words ^ key) * multiplier & high, Vector256<uint>.Zero);
    }

    internal static int Scan128(ReadOnlySpan<byte> data, int end, long origin, List<long> into)
    {
        ref var start = ref MemoryMarshal.GetReference(data);
        var key = Vector128.Create(Key);
        var multiplier = Vector128.Create(Multiplier);
        var high = Vector128.Create(HighBits);
        var p = 0;
        for (; p + 16 <= end && p + 19 <= data.Length; p += 16)
        {
            var hits = Test(Load128(ref start, p), key, multiplier, high)
                | Test(Load128(ref start, p + 1), key, multiplier, high)
                | Test(Load128(ref start, p + 2), key, multiplier, high)
                | Test(Load128(ref start, p + 3), key, multiplier, high);
            if (hits != Vector128<uint>.Zero)
            {
                ScanScalar(data, p, p + 16, origin, into);
            }
        }

        return p;

        static Vector128<uint> Load128(ref byte start, int offset) => Vector128.LoadUnsafe(ref Unsafe.As<byte, uint>(ref Unsafe.Add(ref start, offset)));

        static Vector128<uint> Test(Vector128<uint> words, Vector128<uint> key, Vector128<uint> multiplier, Vector128<uint> high) =>
            Vector128.Equals((words ^ key) * multiplier & high, Vector128<uint>.Zero);
    }
}
