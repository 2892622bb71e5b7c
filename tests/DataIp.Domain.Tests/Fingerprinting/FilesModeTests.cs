using DataIp.Domain.Fingerprinting;
using DataIp.Domain.Registration;

namespace DataIp.Domain.Tests.Fingerprinting;

public sealed class FilesModeTests
{
    public static TheoryData<FingerprintAlgorithm, int, int> Cases => new()
    {
        { FingerprintAlgorithm.Sha256, 4096, 1 },
        { FingerprintAlgorithm.Sha256, 8192, 2 },
        { FingerprintAlgorithm.Sha256, 4096, 5 },
        { FingerprintAlgorithm.Sm3, 4096, 2 },
        { FingerprintAlgorithm.Sm3, 16384, 3 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void FingerprintFiles_RandomTrees_MatchNaiveReference(FingerprintAlgorithm algorithm, int chunkSize, int threads)
    {
        var random = new Random(chunkSize + threads + (int)algorithm);
        for (var round = 0; round < 4; round++)
        {
            using var dir = new TempDirectory();
            int[] sizes = [0, 1, chunkSize - 1, chunkSize, chunkSize + 1, (3 * chunkSize) + 5, random.Next(6 * chunkSize)];
            for (var i = 0; i < 2 + random.Next(6); i++)
            {
                var name = $"{(random.Next(3) == 0 ? "sub/" : string.Empty)}{(random.Next(4) == 0 ? "数据" : "f")}{i}.bin";
                dir.File(name, TestData.Bytes(random, sizes[random.Next(sizes.Length)]));
            }

            var manifest = Fingerprinter.FingerprintFiles(dir.Path, new FilesOptions(algorithm, chunkSize, threads), TimeProvider.System, TestData.Tool);
            var (root, sketch, features) = ReferenceFingerprint.Files(dir.Path, chunkSize, algorithm);

            Assert.Equal(root, manifest.Root.ToString());
            Assert.Equal(sketch, manifest.Sketch.Values);
            Assert.Equal(features, manifest.Sketch.FeatureCount);
        }
    }

    [Fact]
    public void FingerprintFiles_LargeFileAnyThreadCount_GivesTheSameRootAndSketch()
    {
        using var dir = new TempDirectory();
        var file = dir.File("big.bin", TestData.Bytes(new Random(7), (5 << 20) + 123));

        var manifests = new[] { 1, 2, 3, 8 }.Select(t => TestData.Files(file, threads: t, chunkSize: 1 << 16)).ToList();
        var reference = ReferenceFingerprint.Files(file, 1 << 16, FingerprintAlgorithm.Sha256);

        Assert.All(manifests, m => Assert.Equal(reference.Root, m.Root.ToString()));
        Assert.All(manifests, m => Assert.Equal(reference.Sketch, m.Sketch.Values));
        Assert.Equal(81, manifests[0].Files!.ChunkCount);
    }

    [Fact]
    public void FingerprintFiles_OneByteChangedAnywhere_ChangesTheRoot()
    {
        using var dir = new TempDirectory();
        var random = new Random(3);
        var content = TestData.Bytes(random, 20000);
        var file = dir.File("a/b.bin", content);
        dir.File("c.txt", [1, 2, 3]);
        var before = TestData.Files(dir.Path).Root;

        for (var trial = 0; trial < 20; trial++)
        {
            var changed = (byte[])content.Clone();
            changed[random.Next(changed.Length)] ^= (byte)(1 << random.Next(8));
            File.WriteAllBytes(file, changed);

            Assert.NotEqual(before, TestData.Files(dir.Path).Root);
        }

        File.WriteAllBytes(file, content);
        Assert.Equal(before, TestData.Files(dir.Path).Root);
    }

    [Fact]
    public void FingerprintFiles_RenamedOrTruncatedFile_ChangesTheRoot()
    {
        using var dir = new TempDirectory();
        dir.File("a.bin", [1, 2, 3]);
        var before = TestData.Files(dir.Path).Root;

        File.Move(Path.Combine(dir.Path, "a.bin"), Path.Combine(dir.Path, "b.bin"));
        var renamed = TestData.Files(dir.Path).Root;
        File.WriteAllBytes(Path.Combine(dir.Path, "b.bin"), [1, 2]);
        var truncated = TestData.Files(dir.Path).Root;

        Assert.NotEqual(before, renamed);
        Assert.NotEqual(renamed, truncated);
    }

    [Fact]
    public void FingerprintFiles_EmptyDirectoriesAndEmptyTree_CommitNothing()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(dir.Path, "empty/inner"));

        var manifest = TestData.Files(dir.Path);

        Assert.Equal(FingerprintHash.Sha256.EmptyRoot, manifest.Root);
        Assert.Equal(0, manifest.LeafCount);
        Assert.Equal(0, manifest.Sketch.FeatureCount);
        Assert.All(manifest.Sketch.Values, v => Assert.Equal(ulong.MaxValue, v));
    }

    // The empty roots are written out in FingerprintHash (so that SHA-256 runs never compile SM3):
    // they must be H() as computed.
    [Theory]
    [InlineData(FingerprintAlgorithm.Sha256)]
    [InlineData(FingerprintAlgorithm.Sm3)]
    public void EmptyRoot_IsTheHashOfNothing(FingerprintAlgorithm algorithm)
    {
        var hash = FingerprintHash.For(algorithm);
        var digest = new byte[32];

        hash.HashData([], digest);

        Assert.Equal(Convert.ToHexStringLower(digest), hash.EmptyRoot.ToString());
        Assert.Equal(Convert.ToHexStringLower(ReferenceFingerprint.H(algorithm, [])), hash.EmptyRoot.ToString());
    }

    [Fact]
    public void FingerprintFiles_SymbolicLink_IsRefusedNamingIt()
    {
        using var dir = new TempDirectory();
        var target = dir.File("target.bin", [1]);
        var link = Path.Combine(dir.Path, "link.bin");
        File.CreateSymbolicLink(link, target);

        var error = Assert.Throws<FingerprintException>(() => TestData.Files(dir.Path));

        Assert.Equal(FingerprintErrorKind.NotRegularFile, error.Kind);
        Assert.Contains("link.bin", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FingerprintFiles_MissingPath_IsUnreadable()
    {
        var error = Assert.Throws<FingerprintException>(() => TestData.Files("/nonexistent/dataip/path"));

        Assert.Equal(FingerprintErrorKind.Unreadable, error.Kind);
        Assert.Contains("/nonexistent/dataip/path", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FingerprintFiles_ProgressAndCancellation_AreHonoured()
    {
        using var dir = new TempDirectory();
        var file = dir.File("a.bin", new byte[1 << 20]);
        var reports = new List<FingerprintProgress>();
        var progress = new SynchronousProgress(reports.Add);

        Fingerprinter.FingerprintFiles(file, new FilesOptions(FingerprintAlgorithm.Sha256, 4096, 2), TimeProvider.System, TestData.Tool, progress);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Equal(new FingerprintProgress(1 << 20, 1 << 20), reports[^1]);
        Assert.ThrowsAny<OperationCanceledException>(() => Fingerprinter.FingerprintFiles(file, new FilesOptions(FingerprintAlgorithm.Sha256, 4096, 2), TimeProvider.System, TestData.Tool, null, cancelled.Token));
    }

    private sealed class SynchronousProgress(Action<FingerprintProgress> report) : IProgress<FingerprintProgress>
    {
        public void Report(FingerprintProgress value) => report(value);
    }
}
