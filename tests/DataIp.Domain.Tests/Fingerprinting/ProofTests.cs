using DataIp.Domain.Fingerprinting;
using DataIp.Domain.Registration;
using DataIp.Domain.TransparencyLog;

namespace DataIp.Domain.Tests.Fingerprinting;

public sealed class ProofTests
{
    [Theory]
    [InlineData(FingerprintAlgorithm.Sha256)]
    [InlineData(FingerprintAlgorithm.Sm3)]
    public void ProveRow_EveryRow_VerifiesAndAnyAlterationFails(FingerprintAlgorithm algorithm)
    {
        using var dir = new TempDirectory();
        var random = new Random((int)algorithm);
        var rows = random.Next(1, 40);
        var file = dir.Text("d.csv", "id,v\n" + string.Concat(Enumerable.Range(1, rows).Select(i => $"{i},{random.Next()}\n")));
        var manifest = TestData.Rows(file, RowFormat.Csv, algorithm);

        for (var number = 1; number <= rows; number++)
        {
            var proof = RoundTrip(FingerprintProver.ProveRow(file, manifest, number, cancellationToken: TestContext.Current.CancellationToken));

            Assert.True(FingerprintProofChecker.Check(proof, manifest.Root).IsValid);
            AssertAlterationsFail(proof, manifest.Root, random);
            var data = proof.Row!.CanonicalData.ToArray();
            data[random.Next(data.Length)] ^= 1;
            Assert.False(FingerprintProofChecker.Check(proof with { Row = proof.Row with { CanonicalData = data } }, manifest.Root).IsValid);
            Assert.Equal(FingerprintProofFailure.Inconsistent, FingerprintProofChecker.Check(proof with { Row = proof.Row with { Number = number + 1 } }, manifest.Root).Failure);
        }
    }

    [Theory]
    [InlineData(FingerprintAlgorithm.Sha256)]
    [InlineData(FingerprintAlgorithm.Sm3)]
    public void ProveFile_FilesAndChunks_VerifyAndAnyAlterationFails(FingerprintAlgorithm algorithm)
    {
        using var dir = new TempDirectory();
        var random = new Random(10 + (int)algorithm);
        var names = new[] { "a.bin", "sub/b.bin", "sub/c/d.bin", "e.bin", "f.bin" };
        foreach (var name in names)
        {
            dir.File(name, TestData.Bytes(random, random.Next(1, 9 * 4096)));
        }

        var manifest = TestData.Files(dir.Path, algorithm);
        foreach (var name in names)
        {
            var fileProof = RoundTrip(FingerprintProver.ProveFile(dir.Path, manifest, name, null, 2, cancellationToken: TestContext.Current.CancellationToken));
            var chunks = (int)((fileProof.File!.Size + 4095) / 4096);
            var chunkProof = RoundTrip(FingerprintProver.ProveFile(dir.Path, manifest, name, random.Next(chunks), 2, cancellationToken: TestContext.Current.CancellationToken));

            Assert.True(FingerprintProofChecker.Check(fileProof, manifest.Root).IsValid);
            Assert.True(FingerprintProofChecker.Check(chunkProof, manifest.Root).IsValid);
            AssertAlterationsFail(fileProof, manifest.Root, random);
            AssertAlterationsFail(chunkProof, manifest.Root, random);
            AssertChunkAlterationsFail(chunkProof, manifest.Root, random);
            Assert.False(FingerprintProofChecker.Check(fileProof with { File = fileProof.File with { Size = fileProof.File.Size + 1 } }, manifest.Root).IsValid);
            Assert.False(FingerprintProofChecker.Check(fileProof with { File = fileProof.File with { Path = name + "x" } }, manifest.Root).IsValid);
        }
    }

    [Fact]
    public void Prove_DataChangedSinceTheManifest_IsRefused()
    {
        using var dir = new TempDirectory();
        var file = dir.Text("d.jsonl", "{\"a\":1}\n{\"a\":2}\n");
        var manifest = TestData.Rows(file, RowFormat.JsonLines);
        File.AppendAllText(file, "{\"a\":3}\n");

        var error = Assert.Throws<FingerprintException>(() => FingerprintProver.ProveRow(file, manifest, 1));

        Assert.Equal(FingerprintErrorKind.DataChanged, error.Kind);
    }

    [Fact]
    public void Prove_RowFileOrChunkThatDoesNotExist_IsNotFound()
    {
        using var dir = new TempDirectory();
        var file = dir.Text("d.jsonl", "{\"a\":1}\n");
        var rows = TestData.Rows(file, RowFormat.JsonLines);
        var files = TestData.Files(dir.Path);

        Assert.Equal(FingerprintErrorKind.NotFound, Assert.Throws<FingerprintException>(() => FingerprintProver.ProveRow(file, rows, 2)).Kind);
        Assert.Equal(FingerprintErrorKind.NotFound, Assert.Throws<FingerprintException>(() => FingerprintProver.ProveFile(dir.Path, files, "nope", null)).Kind);
        Assert.Equal(FingerprintErrorKind.NotFound, Assert.Throws<FingerprintException>(() => FingerprintProver.ProveFile(dir.Path, files, "d.jsonl", 1)).Kind);
    }

    [Fact]
    public void InclusionPath_AllSizesAndIndices_MatchesTheLogsAlgorithm()
    {
        var hash = FingerprintHash.Sha256;
        for (var size = 1; size <= 33; size++)
        {
            var leaves = Enumerable.Range(0, size).Select(i => hash.HashLeaf([(byte)i])).ToArray();
            var root = FingerprintTree.RootHash(hash, leaves);
            Assert.Equal(MerkleTree.RootHash(leaves), root);
            for (var index = 0; index < size; index++)
            {
                var path = FingerprintTree.InclusionPath(hash, leaves, index);
                Assert.True(MerkleProof.VerifyInclusion((ulong)index, (ulong)size, leaves[index], path, root).IsValid);
                Assert.True(FingerprintTree.VerifyInclusion(hash, (ulong)index, (ulong)size, leaves[index], path, root).IsValid);
            }
        }
    }

    private static FingerprintProof RoundTrip(FingerprintProof proof)
    {
        var read = FingerprintJson.ReadProof(FingerprintJson.WriteProof(proof));
        Assert.True(read.IsSuccess, read.ToString());
        return read.Value!;
    }

    private static void AssertAlterationsFail(FingerprintProof proof, Hash root, Random random)
    {
        var otherRoot = Flip(root, random);
        Assert.Equal(FingerprintProofFailure.RootMismatch, FingerprintProofChecker.Check(proof, otherRoot).Failure);
        Assert.Equal(FingerprintProofFailure.RootMismatch, FingerprintProofChecker.Check(proof with { Root = otherRoot }, root).Failure);
        Assert.False(FingerprintProofChecker.Check(proof with { Root = otherRoot }, otherRoot).IsValid);
        if (proof.LeafCount > 1)
        {
            var index = (proof.LeafIndex + 1 + random.Next((int)proof.LeafCount - 1)) % proof.LeafCount;
            var moved = proof with { LeafIndex = index, Row = proof.Row is null ? null : proof.Row with { Number = index + 1 } };
            Assert.False(FingerprintProofChecker.Check(moved, root).IsValid);
        }

        Assert.Equal(FingerprintProofFailure.IndexOutOfRange, FingerprintProofChecker.Check(proof with { LeafIndex = proof.LeafCount, Row = proof.Row is null ? null : proof.Row with { Number = proof.LeafCount + 1 } }, root).Failure);
        if (proof.AuditPath.Count > 0)
        {
            var path = proof.AuditPath.ToArray();
            var at = random.Next(path.Length);
            path[at] = Flip(path[at], random);
            Assert.Equal(FingerprintProofFailure.LeafNotInTree, FingerprintProofChecker.Check(proof with { AuditPath = path }, root).Failure);
            Assert.Equal(FingerprintProofFailure.WrongPathLength, FingerprintProofChecker.Check(proof with { AuditPath = proof.AuditPath.Skip(1).ToArray() }, root).Failure);
        }
    }

    private static void AssertChunkAlterationsFail(FingerprintProof proof, Hash root, Random random)
    {
        var chunk = proof.Chunk!;
        var data = chunk.Data.ToArray();
        data[random.Next(data.Length)] ^= (byte)(1 << random.Next(8));
        Assert.Equal(FingerprintProofFailure.ChunkNotInFile, FingerprintProofChecker.Check(proof with { Chunk = chunk with { Data = data } }, root).Failure);
        if (chunk.Count > 1)
        {
            Assert.False(FingerprintProofChecker.Check(proof with { Chunk = chunk with { Index = (chunk.Index + 1) % chunk.Count } }, root).IsValid);
            var path = chunk.AuditPath.ToArray();
            var at = random.Next(path.Length);
            path[at] = Flip(path[at], random);
            Assert.Equal(FingerprintProofFailure.ChunkNotInFile, FingerprintProofChecker.Check(proof with { Chunk = chunk with { AuditPath = path } }, root).Failure);
        }

        Assert.Equal(FingerprintProofFailure.IndexOutOfRange, FingerprintProofChecker.Check(proof with { Chunk = chunk with { Index = chunk.Count } }, root).Failure);
    }

    private static Hash Flip(Hash hash, Random random)
    {
        var bytes = hash.ToArray();
        bytes[random.Next(Hash.Size)] ^= (byte)(1 << random.Next(8));
        return Hash.FromBytes(bytes);
    }
}
