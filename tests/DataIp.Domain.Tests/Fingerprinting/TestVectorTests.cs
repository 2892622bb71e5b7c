using DataIp.Domain.Fingerprinting;
using DataIp.Domain.Registration;

namespace DataIp.Domain.Tests.Fingerprinting;

/// <summary>
/// The test vectors of docs/fingerprint-format.md §7, produced by the commands listed there
/// (<c>dataip fingerprint … | grep '"root"'</c>); the SHA-256 files and CSV vectors were also
/// recomputed independently with Python's hashlib.
/// </summary>
public sealed class TestVectorTests
{
    [Theory]
    [InlineData(FingerprintAlgorithm.Sha256, "hello", "e8e6753f7a4be2d8c04245165026f3a0aff1bafb97b10cadb7e9931d90635f1d")]
    [InlineData(FingerprintAlgorithm.Sha256, "tree", "0a6fb0389853c4141a64d94153fcc289038817831c6f994a9a3bccd322ba3da4")]
    [InlineData(FingerprintAlgorithm.Sha256, "csv", "d6b461f39fc594bc817c2bd4d61ff2da531bb743aec7e70cca0d5106e5f89712")]
    [InlineData(FingerprintAlgorithm.Sha256, "jsonl", "0bb097282172957d94bdfc4ef09bc6ef1def5b5bd552204e3875fd7bf65a8ce7")]
    [InlineData(FingerprintAlgorithm.Sm3, "hello", "58f09730724fc7dab86707616785071d74f54d92fc91966482913ed6d9356704")]
    [InlineData(FingerprintAlgorithm.Sm3, "tree", "54c7a852fe16330e04b39f9d0aba035a450ddb6775da1f7fc6be0c79838af76e")]
    [InlineData(FingerprintAlgorithm.Sm3, "csv", "f1df4ac7bd23088ea3319c506fbfefbdd28a2b5128af93d08c863377c1e7793a")]
    [InlineData(FingerprintAlgorithm.Sm3, "jsonl", "101dd448e33b4542c9329bfb8e803fb2d640310459a229d004d83725a9418976")]
    public void Fingerprint_PublishedVector_GivesThePinnedRoot(FingerprintAlgorithm algorithm, string input, string root)
    {
        using var dir = new TempDirectory();

        var manifest = input switch
        {
            "hello" => TestData.Files(dir.Text("hello.txt", "hello\n"), algorithm, 4096),
            "tree" => Tree(dir, algorithm),
            "csv" => TestData.Rows(dir.Text("rows.csv", "name,city\r\nLi,杭州\r\n\"Wang, Fang\",北京\r\n"), RowFormat.Csv, algorithm),
            _ => TestData.Rows(dir.Text("rows.jsonl", "{\"b\":1.0,\"a\":\"x\"}\n[1e2,null]\n"), RowFormat.JsonLines, algorithm),
        };

        Assert.Equal(root, manifest.Root.ToString());
    }

    [Fact]
    public void Sketch_OneSmallFile_MatchesTheReferenceMinHash()
    {
        using var dir = new TempDirectory();

        var manifest = TestData.Files(dir.Text("hello.txt", "hello\n"), FingerprintAlgorithm.Sha256, 4096);

        Assert.Equal(1, manifest.Sketch.FeatureCount);
        Assert.Equal(0x00E751C49883A258UL, manifest.Sketch.Values[0]);
        Assert.Equal(ReferenceFingerprint.MinHash(ReferenceFingerprint.ContentFeatures("hello\n"u8.ToArray())), manifest.Sketch.Values);
    }

    private static FingerprintManifest Tree(TempDirectory dir, FingerprintAlgorithm algorithm)
    {
        dir.Text("tree/a.txt", "a");
        dir.Text("tree/dir/b.txt", "bb");
        dir.Text("tree/empty.bin", string.Empty);
        return TestData.Files(Path.Combine(dir.Path, "tree"), algorithm, 4096);
    }
}
