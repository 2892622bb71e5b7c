using System.Runtime.Intrinsics;

namespace DataIp.Domain.Fingerprinting;

/// <summary>
/// Accumulates the MinHash minima of docs/fingerprint-format.md §4: value_i = min over features f
/// of mix(f ^ s_i), seeds s_i from SplitMix64 started at "dataip-1". Accumulators can be merged,
/// so files or row batches can be sketched apart. <see cref="AddMany"/> takes many features at
/// once, eight seeds per Vector512 (or four per Vector256) where the hardware has them, with the
/// same minima as <see cref="Add"/> one by one. Not thread-safe: one per thread.
/// </summary>
internal sealed class MinHash
{
    /// <summary>The SplitMix64 starting state: the ASCII bytes of "dataip-1".</summary>
    public const ulong SeedState = 0x6461746169702D31;

    private static readonly ulong[] Seeds = MakeSeeds();

    private readonly ulong[] _values = CreateEmpty();

    /// <summary>Features added, with repetition.</summary>
    public long Count { get; private set; }

    /// <summary>The SplitMix64 finaliser.</summary>
    public static ulong Mix(ulong x)
    {
        unchecked
        {
            x ^= x >> 30;
            x *= 0xBF58476D1CE4E5B9;
            x ^= x >> 27;
            x *= 0x94D049BB133111EB;
            x ^= x >> 31;
            return x;
        }
    }

    /// <summary>Adds one feature.</summary>
    public void Add(ulong feature)
    {
        for (var i = 0; i < Seeds.Length; i++)
        {
            var v = Mix(feature ^ Seeds[i]);
            if (v < _values[i])
            {
                _values[i] = v;
            }
        }

        Count++;
    }

    /// <summary>Adds <paramref name="features"/>, as <see cref="Add"/> on each would, with vectors where available.</summary>
    public void AddMany(ReadOnlySpan<ulong> features)
    {
        if (Vector512.IsHardwareAccelerated)
        {
            AddMany512(features);
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            AddMany256(features);
        }
        else
        {
            AddManyScalar(features);
        }
    }

    /// <summary><see cref="AddMany"/> without vectors: the reference the vector paths must match.</summary>
    internal void AddManyScalar(ReadOnlySpan<ulong> features)
    {
        foreach (var feature in features)
        {
            Add(feature);
        }
    }

    // Seeds outer, features inner: each group of seeds keeps its minima in one register while
    // every feature passes through it (min is order-free, so the result is the scalar one).
    internal void AddMany512(ReadOnlySpan<ulong> features)
    {
        for (var i = 0; i < Seeds.Length; i += Vector512<ulong>.Count)
        {
            var seeds = Vector512.Create<ulong>(Seeds.AsSpan(i));
            var minima = Vector512.Create<ulong>(_values.AsSpan(i));
            foreach (var feature in features)
            {
                minima = Vector512.Min(minima, Mix(Vector512.Create(feature) ^ seeds));
            }

            minima.CopyTo(_values.AsSpan(i));
        }

        Count += features.Length;
    }

    internal void AddMany256(ReadOnlySpan<ulong> features)
    {
        for (var i = 0; i < Seeds.Length; i += Vector256<ulong>.Count)
        {
            var seeds = Vector256.Create<ulong>(Seeds.AsSpan(i));
            var minima = Vector256.Create<ulong>(_values.AsSpan(i));
            foreach (var feature in features)
            {
                minima = Vector256.Min(minima, Mix(Vector256.Create(feature) ^ seeds));
            }

            minima.CopyTo(_values.AsSpan(i));
        }

        Count += features.Length;
    }

    /// <summary>Forgets every feature: back to the empty sketch.</summary>
    public void Reset()
    {
        Array.Fill(_values, ulong.MaxValue);
        Count = 0;
    }

    /// <summary>Takes in another accumulator's minima and count.</summary>
    public void Merge(MinHash other)
    {
        for (var i = 0; i < _values.Length; i++)
        {
            _values[i] = Math.Min(_values[i], other._values[i]);
        }

        Count += other.Count;
    }

    /// <summary>The sketch of the features so far.</summary>
    public SimilaritySketch ToSketch(SketchFeatures features) => new(features, Count, _values);

    private static Vector512<ulong> Mix(Vector512<ulong> x)
    {
        x ^= Vector512.ShiftRightLogical(x, 30);
        x *= Vector512.Create(0xBF58476D1CE4E5B9);
        x ^= Vector512.ShiftRightLogical(x, 27);
        x *= Vector512.Create(0x94D049BB133111EB);
        return x ^ Vector512.ShiftRightLogical(x, 31);
    }

    private static Vector256<ulong> Mix(Vector256<ulong> x)
    {
        x ^= Vector256.ShiftRightLogical(x, 30);
        x *= Vector256.Create(0xBF58476D1CE4E5B9);
        x ^= Vector256.ShiftRightLogical(x, 27);
        x *= Vector256.Create(0x94D049BB133111EB);
        return x ^ Vector256.ShiftRightLogical(x, 31);
    }

    private static ulong[] CreateEmpty()
    {
        var values = new ulong[SimilaritySketch.Size];
        Array.Fill(values, ulong.MaxValue);
        return values;
    }

    private static ulong[] MakeSeeds()
    {
        var seeds = new ulong[SimilaritySketch.Size];
        var state = SeedState;
        for (var i = 0; i < seeds.Length; i++)
        {
            state = unchecked(state + 0x9E3779B97F4A7C15);
            seeds[i] = Mix(state);
        }

        return seeds;
    }
}
