using System.Text;
using System.Text.Json.Nodes;
using DataIp.Domain.Canonicalization;
using DataIp.Domain.Fingerprinting;
using DataIp.Domain.Registration;
using DataIp.Domain.TransparencyLog;

namespace DataIp.Domain.Tests.Fingerprinting;

/// <summary>The fast paths (vector MinHash, chunk-run pipeline, batched rows, the fast CSV
/// scan) against their plain counterparts and the naive reference.</summary>
public sealed class FastPathTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(1000)]
    public void MinHashAddMany_VectorPaths_EqualScalar(int count)
    {
        var random = new Random(count);
        var features = Enumerable.Range(0, count).Select(_ => (ulong)random.NextInt64() ^ ((ulong)random.Next() << 40)).ToArray();
        var scalar = new MinHash();
        var v512 = new MinHash();
        var v256 = new MinHash();
        var auto = new MinHash();

        scalar.AddManyScalar(features);
        v512.AddMany512(features);
        v256.AddMany256(features);
        auto.AddMany(features);

        var expected = scalar.ToSketch(SketchFeatures.Rows);
        Assert.Equal(ReferenceFingerprint.MinHash(features), expected.Values);
        foreach (var sketch in new[] { v512, v256, auto }.Select(m => m.ToSketch(SketchFeatures.Rows)))
        {
            Assert.Equal(expected.Values, sketch.Values);
            Assert.Equal(count, sketch.FeatureCount);
        }
    }

    [Fact]
    public void AppendSubtree_AfterWholeSubtrees_EqualsAppendingTheLeaves()
    {
        var hash = FingerprintHash.Sha256;
        var leaves = Enumerable.Range(0, 21).Select(i => hash.HashLeaf([(byte)i])).ToArray();
        var oneByOne = new FingerprintCompactRange(hash);
        var bySubtree = new FingerprintCompactRange(hash);
        using var hasher = new ShortMessageHasher(hash);

        foreach (var leaf in leaves)
        {
            oneByOne.Append(leaf);
        }

        bySubtree.AppendSubtree(hasher.PerfectRoot(leaves.AsSpan(0, 8), new Hash[8]), 3);
        bySubtree.AppendSubtree(hasher.PerfectRoot(leaves.AsSpan(8, 4), new Hash[4]), 2);
        bySubtree.AppendSubtree(hasher.PerfectRoot(leaves.AsSpan(12, 4), new Hash[4]), 2);
        foreach (var leaf in leaves[16..])
        {
            bySubtree.Append(leaf);
        }

        Assert.Equal(oneByOne.RootHash(), bySubtree.RootHash());
        Assert.Equal(21, bySubtree.Size);
        Assert.Throws<InvalidOperationException>(() => bySubtree.AppendSubtree(leaves[0], 1));
    }

    public static TheoryData<FingerprintAlgorithm, int> PipelineCases => new()
    {
        { FingerprintAlgorithm.Sha256, 1 },
        { FingerprintAlgorithm.Sha256, 2 },
        { FingerprintAlgorithm.Sha256, 3 },
        { FingerprintAlgorithm.Sha256, 4 },
        { FingerprintAlgorithm.Sm3, 1 },
        { FingerprintAlgorithm.Sm3, 2 },
        { FingerprintAlgorithm.Sm3, 4 },
    };

    [Theory]
    [MemberData(nameof(PipelineCases))]
    public void FingerprintFiles_FilesOfManyRuns_MatchNaiveReferenceForAnyThreadCount(FingerprintAlgorithm algorithm, int threads)
    {
        const int chunkSize = 4096; // runs of 256 chunks: these files span several runs, with odd chunk counts
        var random = new Random(threads + (10 * (int)algorithm));
        using var dir = new TempDirectory();
        dir.File("a.bin", TestData.Bytes(random, (513 * chunkSize) + 17));
        dir.File("b.bin", []);
        dir.File("c.bin", TestData.Bytes(random, 257 * chunkSize));
        dir.File("d.bin", TestData.Bytes(random, 15 * chunkSize));

        var manifest = TestData.Files(dir.Path, algorithm, chunkSize, threads);
        var (root, sketch, features) = ReferenceFingerprint.Files(dir.Path, chunkSize, algorithm);

        Assert.Equal(root, manifest.Root.ToString());
        Assert.Equal(sketch, manifest.Sketch.Values);
        Assert.Equal(features, manifest.Sketch.FeatureCount);
        Assert.Equal(513 + 1 + 257 + 15, manifest.Files!.ChunkCount);
    }

    [Theory]
    [InlineData(FingerprintAlgorithm.Sha256)]
    [InlineData(FingerprintAlgorithm.Sm3)]
    public void RowsCompute_ParallelBatches_EqualOneThread(FingerprintAlgorithm algorithm)
    {
        using var dir = new TempDirectory();
        var (path, rows) = WriteQuirkyCsv(dir, new Random(5), (2 * RowBatch.Capacity) + 77);
        var options = new RowsOptions(algorithm, RowFormat.Csv);
        var ct = TestContext.Current.CancellationToken;

        var one = RowsComputation.Compute(path, options, 4100, null, ct, threads: 1);
        var three = RowsComputation.Compute(path, options, 4100, null, ct, threads: 3);

        Assert.Equal(ReferenceFingerprint.Mth(algorithm, rows), one.Root.ToArray());
        Assert.Equal(one.Root, three.Root);
        Assert.Equal(one.Sketch.Values, three.Sketch.Values);
        Assert.Equal(rows.Count, three.RowCount);
        Assert.Equal(one.LeafHashes, three.LeafHashes);
        Assert.Equal(rows[4099], three.CapturedRow);
    }

    [Fact]
    public void FingerprintRows_QuirkyCsvAcrossDecodeBuffers_MatchesNaiveCanonicalRows()
    {
        using var dir = new TempDirectory();
        var (path, rows) = WriteQuirkyCsv(dir, new Random(9), 150_000);

        var manifest = TestData.Rows(path, RowFormat.Csv);

        Assert.True(new FileInfo(path).Length > 3 << 20, "the text must span several 1 Mi-character decode buffers");
        Assert.Equal(Convert.ToHexStringLower(ReferenceFingerprint.Mth(FingerprintAlgorithm.Sha256, rows)), manifest.Root.ToString());
        Assert.Equal(rows.Count, manifest.LeafCount);
    }

    /// <summary>A CSV of random fields (ASCII, CJK, NFD, quotes, delimiters, controls, line ends
    /// inside quotes) written with random quoting, padding, line ends and blank lines; and the
    /// canonical rows a naive reading gives (JsonCanonicalizer of a JsonObject of NFC values).</summary>
    private static (string Path, List<byte[]> Rows) WriteQuirkyCsv(TempDirectory dir, Random random, int count)
    {
        string[] header = ["id", "城市", "b", "a\u0301"];
        string[] pieces = ["x", "42", "杭州", "e\u0301", " ", ",", "\"", "\n", "\u0001", "\t", "long text ", "😀", "\\"];
        string[] lineEnds = ["\n", "\r\n", "\r"];
        var text = new StringBuilder("id, 城市 ,b,\"a\u0301\"\n");
        var rows = new List<byte[]>();
        for (var r = 0; r < count; r++)
        {
            var row = new JsonObject();
            for (var f = 0; f < header.Length; f++)
            {
                var value = string.Concat(Enumerable.Range(0, random.Next(5)).Select(_ => pieces[random.Next(pieces.Length)]));
                row[header[f].Normalize(NormalizationForm.FormC)] = value.Normalize(NormalizationForm.FormC);
                text.Append(f > 0 ? "," : string.Empty).Append(Field(value, random, lineEnds));
            }

            text.Append(random.Next(10) == 0 ? "\n  \n" : lineEnds[random.Next(3)]);
            rows.Add(JsonCanonicalizer.Canonicalize(row));
        }

        return (dir.Text("quirky.csv", text.ToString()), rows);
    }

    private static string Field(string value, Random random, string[] lineEnds)
    {
        var plain = value.Length > 0 && value.IndexOfAny([',', '"', '\n', '\r']) < 0 && !char.IsWhiteSpace(value[0]) && !char.IsWhiteSpace(value[^1]);
        if (plain && random.Next(2) == 0)
        {
            return new string(' ', random.Next(3)) + value + new string('\t', random.Next(2));
        }

        var inside = value.Replace("\"", "\"\"", StringComparison.Ordinal).Replace("\n", lineEnds[random.Next(3)], StringComparison.Ordinal);
        return $"{new string(' ', random.Next(2))}\"{inside}\"{new string(' ', random.Next(2))}";
    }
}
