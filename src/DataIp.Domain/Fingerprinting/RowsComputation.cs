using System.Buffers.Binary;
using DataIp.Domain.TransparencyLog;

namespace DataIp.Domain.Fingerprinting;

/// <summary>Everything a rows-mode pass found; the leaf hashes and one row's data when a prover asks.</summary>
internal sealed class RowsComputation
{
    public required Hash Root { get; init; }

    public required long Size { get; init; }

    public required long RowCount { get; init; }

    public required SimilaritySketch Sketch { get; init; }

    /// <summary>Every row's leaf hash, when captured.</summary>
    public List<Hash>? LeafHashes { get; init; }

    /// <summary>The captured row's canonical bytes, or null.</summary>
    public byte[]? CapturedRow { get; init; }

    /// <summary>Rows mode (§3.5, §4): each canonical row is a leaf; its feature is u64le of the
    /// first 8 bytes of its leaf hash.</summary>
    public static RowsComputation Compute(string path, RowsOptions options, long? captureRow, IProgress<FingerprintProgress>? progress, CancellationToken cancellationToken)
    {
        var hash = FingerprintHash.For(options.Algorithm);
        var range = new FingerprintCompactRange(hash);
        var sketch = new MinHash();
        var leaves = captureRow is null ? null : new List<Hash>();
        byte[]? captured = null;
        Span<byte> leafBytes = stackalloc byte[Hash.Size];
        using var source = new RowSource(path, options);
        var total = source.Length;
        progress?.Report(new FingerprintProgress(0, total));
        while (source.Next() is { } row)
        {
            var leaf = hash.HashLeaf(row);
            range.Append(leaf);
            leaves?.Add(leaf);
            leaf.CopyTo(leafBytes);
            sketch.Add(BinaryPrimitives.ReadUInt64LittleEndian(leafBytes));
            if (range.Size == captureRow)
            {
                captured = row;
            }

            if ((range.Size & 0x3FF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(new FingerprintProgress(Math.Min(source.BytesRead, total), total));
            }
        }

        progress?.Report(new FingerprintProgress(total, total));
        return new RowsComputation
        {
            Root = range.RootHash(),
            Size = total,
            RowCount = range.Size,
            Sketch = sketch.ToSketch(SketchFeatures.Rows),
            LeafHashes = leaves,
            CapturedRow = captured,
        };
    }
}
