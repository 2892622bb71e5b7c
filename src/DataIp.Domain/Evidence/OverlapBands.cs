using System.Buffers.Binary;
using DataIp.Domain.Fingerprinting;

namespace DataIp.Domain.Evidence;

/// <summary>
/// Locality-sensitive hashing of MinHash sketches (docs/fingerprint-format.md §4) for overlap
/// search: the first 126 of a sketch's 128 values are cut into <see cref="BandCount"/> bands of
/// <see cref="RowsPerBand"/>, and each band is reduced to one 64-bit key. Two sketches that agree
/// on every value of at least one band share a key, so the search reads only the sketches sharing
/// a key with the query instead of all of them. Thread-safe: pure functions.
/// </summary>
/// <remarks>
/// With Jaccard similarity J, two sketches share at least one band key with probability
/// 1 − (1 − J³)⁴²: 0.996 at J = 0.5, 0.80 at J = 0.33, 0.04 at J = 0.1. Candidates are then
/// scored on all 128 values, so the bands decide only what is read, never the estimate.
/// </remarks>
public static class OverlapBands
{
    /// <summary>The number of MinHash values a sketch must have.</summary>
    public const int SketchSize = 128;

    /// <summary>Bands per sketch.</summary>
    public const int BandCount = 42;

    /// <summary>MinHash values per band.</summary>
    public const int RowsPerBand = 3;

    /// <summary>The band keys of a sketch: one per band, distinct between bands for equal values.</summary>
    /// <param name="values">The sketch's <see cref="SketchSize"/> MinHash values.</param>
    /// <returns><see cref="BandCount"/> keys, as signed 64-bit integers for database columns.</returns>
    /// <exception cref="ArgumentException">The sketch does not have exactly 128 values.</exception>
    public static long[] Keys(IReadOnlyList<ulong> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count != SketchSize)
        {
            throw new ArgumentException($"A sketch has {SketchSize} values; this one has {values.Count}.", nameof(values));
        }

        var keys = new long[BandCount];
        for (var band = 0; band < BandCount; band++)
        {
            // The band number is mixed in first, so equal values in different bands give different keys.
            var key = MinHash.Mix((ulong)band + 0x6F7665726C6170UL);
            for (var row = 0; row < RowsPerBand; row++)
            {
                key = MinHash.Mix(key ^ values[(band * RowsPerBand) + row]);
            }

            keys[band] = unchecked((long)key);
        }

        return keys;
    }

    /// <summary>
    /// The estimated Jaccard similarity of two sketches: the fraction of positions holding equal
    /// values. Sketches of empty sets (all values 2⁶⁴ − 1) are similar to nothing.
    /// </summary>
    /// <exception cref="ArgumentException">A sketch does not have exactly 128 values.</exception>
    public static double Similarity(IReadOnlyList<ulong> first, IReadOnlyList<ulong> second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.Count != SketchSize || second.Count != SketchSize)
        {
            throw new ArgumentException($"Sketches have {SketchSize} values; these have {first.Count} and {second.Count}.");
        }

        var equal = 0;
        for (var i = 0; i < SketchSize; i++)
        {
            if (first[i] == second[i] && first[i] != ulong.MaxValue)
            {
                equal++;
            }
        }

        return (double)equal / SketchSize;
    }

    /// <summary>A manifest's sketch values (base64 of 128 × 8 bytes little-endian), or null when
    /// the text is not exactly that.</summary>
    public static ulong[]? DecodeValues(string base64)
    {
        ArgumentNullException.ThrowIfNull(base64);
        var bytes = new byte[(base64.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(base64, bytes, out var written) || written != SketchSize * sizeof(ulong))
        {
            return null;
        }

        return ReadValues(bytes.AsSpan(0, written));
    }

    /// <summary>Sketch values from their byte form, 128 × 8 bytes little-endian (as in a manifest
    /// and as stored).</summary>
    /// <exception cref="ArgumentException">The bytes are not 128 values.</exception>
    public static ulong[] ReadValues(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != SketchSize * sizeof(ulong))
        {
            throw new ArgumentException($"A sketch has {SketchSize * sizeof(ulong)} bytes; these are {bytes.Length}.", nameof(bytes));
        }

        var values = new ulong[SketchSize];
        for (var i = 0; i < SketchSize; i++)
        {
            values[i] = BinaryPrimitives.ReadUInt64LittleEndian(bytes[(i * sizeof(ulong))..]);
        }

        return values;
    }
}
