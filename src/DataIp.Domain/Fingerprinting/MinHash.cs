namespace DataIp.Domain.Fingerprinting;

/// <summary>
/// Accumulates the MinHash minima of docs/fingerprint-format.md §4: value_i = min over features f
/// of mix(f ^ s_i), seeds s_i from SplitMix64 started at "dataip-1". Accumulators can be merged,
/// so files or row batches can be sketched apart. Not thread-safe: one per thread.
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
