using System.Collections.ObjectModel;

namespace DataIp.Domain.Fingerprinting;

/// <summary>
/// A MinHash sketch of a dataset's features (docs/fingerprint-format.md §4): 128 minima, one per
/// seeded SplitMix64 permutation. Two sketches estimate the Jaccard similarity of the feature sets
/// they were computed from, without revealing them. Immutable; thread-safe.
/// </summary>
public sealed class SimilaritySketch
{
    /// <summary>k, the number of values: 128.</summary>
    public const int Size = 128;

    /// <summary>The name of the algorithm in a manifest: <c>minhash-splitmix64</c>.</summary>
    public const string AlgorithmName = "minhash-splitmix64";

    /// <summary>Creates a sketch from its parts.</summary>
    /// <param name="features">What the features were.</param>
    /// <param name="featureCount">How many features were seen, with repetition; not negative.</param>
    /// <param name="values">Exactly <see cref="Size"/> values; copied.</param>
    /// <exception cref="ArgumentException">Not 128 values, or a negative count.</exception>
    public SimilaritySketch(SketchFeatures features, long featureCount, IEnumerable<ulong> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfNegative(featureCount);
        var copy = values.ToArray();
        if (copy.Length != Size)
        {
            throw new ArgumentException($"A sketch has {Size} values; got {copy.Length}.", nameof(values));
        }

        Features = features;
        FeatureCount = featureCount;
        Values = Array.AsReadOnly(copy);
    }

    /// <summary>What the features were: rows or content-defined chunks.</summary>
    public SketchFeatures Features { get; }

    /// <summary>How many features went in, counted with repetition.</summary>
    public long FeatureCount { get; }

    /// <summary>The 128 minima; all 0xFFFFFFFFFFFFFFFF when there were no features.</summary>
    public ReadOnlyCollection<ulong> Values { get; }

    /// <summary>The estimated Jaccard similarity: the fraction of the 128 positions at which the two
    /// sketches hold the same value; 0 when either has no features (two empty sketches: 0).</summary>
    /// <param name="other">The other sketch.</param>
    /// <returns>A number from 0 to 1.</returns>
    public double EstimateSimilarity(SimilaritySketch other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (FeatureCount == 0 || other.FeatureCount == 0)
        {
            return 0;
        }

        var same = 0;
        for (var i = 0; i < Size; i++)
        {
            if (Values[i] == other.Values[i])
            {
                same++;
            }
        }

        return same / (double)Size;
    }
}
