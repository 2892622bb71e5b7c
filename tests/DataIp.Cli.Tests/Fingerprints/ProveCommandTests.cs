using System.Text.Json.Nodes;

namespace DataIp.Cli.Tests.Fingerprints;

public sealed class ProveCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dataip-cli-prove-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void ProveAndCheckProof_Row_VerifiesAgainstManifestAndRoot()
    {
        File.WriteAllText(Path("d.csv"), "city,count\n杭州,7\n北京,9\n上海,1\n");
        Run("fingerprint", Path("d.csv"), "--rows", "csv", "--out", Path("m.json"));

        var prove = Run("prove", Path("d.csv"), "--manifest", Path("m.json"), "--row", "2", "--out", Path("p.json"));
        var byManifest = Run("check-proof", Path("p.json"), "--manifest", Path("m.json"));
        var root = JsonNode.Parse(File.ReadAllText(Path("m.json")))!["root"]!.ToString();
        var byRoot = Run("check-proof", Path("p.json"), "--root", root);

        Assert.Equal(0, prove.Code);
        Assert.Equal((0, string.Empty), (byManifest.Code, byManifest.Error));
        Assert.StartsWith("OK: row 2 ", byManifest.Output, StringComparison.Ordinal);
        Assert.Equal(0, byRoot.Code);
    }

    [Fact]
    public void CheckProof_AlteredRowOrOtherRoot_ExitsOneWithTheReason()
    {
        File.WriteAllText(Path("d.jsonl"), "{\"a\":1}\n{\"a\":2}\n{\"a\":3}\n");
        Run("fingerprint", Path("d.jsonl"), "--rows", "jsonl", "--out", Path("m.json"));
        Run("prove", Path("d.jsonl"), "--manifest", Path("m.json"), "--row", "3", "--out", Path("p.json"));
        File.WriteAllText(Path("altered.json"), File.ReadAllText(Path("p.json")).Replace("{\"a\":3}", "{\"a\":4}", StringComparison.Ordinal));

        var altered = Run("check-proof", Path("altered.json"), "--manifest", Path("m.json"));
        var otherRoot = Run("check-proof", Path("p.json"), "--root", new string('0', 64));

        Assert.Equal((1, string.Empty), (altered.Code, altered.Output));
        Assert.Contains("INVALID: The proof of row 3 does not verify", altered.Error, StringComparison.Ordinal);
        Assert.Equal(1, otherRoot.Code);
        Assert.Contains("is for root", otherRoot.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ProveAndCheckProof_Chunk_Verifies()
    {
        Directory.CreateDirectory(Path("data"));
        File.WriteAllBytes(Path("data/a.bin"), [.. Enumerable.Range(0, 20000).Select(i => (byte)(i * 7))]);
        Run("fingerprint", Path("data"), "--chunk-size", "4096", "--out", Path("m.json"));

        var prove = Run("prove", Path("data"), "--manifest", Path("m.json"), "--file", "a.bin", "--chunk", "4", "--out", Path("p.json"));
        var check = Run("check-proof", Path("p.json"), "--manifest", Path("m.json"));

        Assert.Equal((0, string.Empty), (prove.Code, prove.Error));
        Assert.Equal(0, check.Code);
        Assert.Contains("chunk 4 of file \"a.bin\"", check.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Prove_DataChanged_ExitsOneSayingSo()
    {
        File.WriteAllText(Path("d.csv"), "a\n1\n");
        Run("fingerprint", Path("d.csv"), "--rows", "csv", "--out", Path("m.json"));
        File.WriteAllText(Path("d.csv"), "a\n2\n");

        var prove = Run("prove", Path("d.csv"), "--manifest", Path("m.json"), "--row", "1", "--out", Path("p.json"));

        Assert.Equal(1, prove.Code);
        Assert.Contains("the data changed", prove.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path("p.json")));
    }

    [Fact]
    public void ProveAndCheckProof_ManifestOfAnotherVersion_ExitsOne()
    {
        File.WriteAllText(Path("d.csv"), "a\n1\n");
        Run("fingerprint", Path("d.csv"), "--rows", "csv", "--out", Path("m.json"));
        File.WriteAllText(Path("m2.json"), File.ReadAllText(Path("m.json")).Replace("\"version\": 1", "\"version\": 2", StringComparison.Ordinal));
        Run("prove", Path("d.csv"), "--manifest", Path("m.json"), "--row", "1", "--out", Path("p.json"));

        var prove = Run("prove", Path("d.csv"), "--manifest", Path("m2.json"), "--row", "1");
        var check = Run("check-proof", Path("p.json"), "--manifest", Path("m2.json"));

        Assert.Equal((1, 1), (prove.Code, check.Code));
        Assert.Contains("$.version", prove.Error, StringComparison.Ordinal);
        Assert.Contains("only version 1", check.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("prove", "{dir}", "--manifest", "{m}")]
    [InlineData("prove", "{dir}", "--manifest", "{m}", "--row", "1", "--file", "a")]
    [InlineData("prove", "{dir}", "--manifest", "{m}", "--row", "1", "--chunk", "0")]
    [InlineData("prove", "{dir}", "--manifest", "{missing}", "--row", "1")]
    [InlineData("check-proof", "{m}")]
    [InlineData("check-proof", "{m}", "--root", "xyz")]
    [InlineData("check-proof", "{missing}", "--root", "0000000000000000000000000000000000000000000000000000000000000000")]
    public void ProveAndCheckProof_BadCommandLine_ExitTwo(params string[] args)
    {
        File.WriteAllText(Path("m.json"), "{}");

        var (code, _, error) = Run([.. args.Select(a => a.Replace("{dir}", _dir, StringComparison.Ordinal).Replace("{m}", Path("m.json"), StringComparison.Ordinal).Replace("{missing}", Path("missing"), StringComparison.Ordinal))]);

        Assert.Equal(2, code);
        Assert.NotEqual(string.Empty, error);
    }

    private static (int Code, string Output, string Error) Run(params string[] args) => FingerprintCommandTests.Run(args);

    private string Path(string relative) => System.IO.Path.Combine(_dir, relative);
}
