using System.CommandLine;
using System.Text.Json.Nodes;
using DataIp.Cli.Fingerprints;
using DataIp.Domain.Fingerprinting;

namespace DataIp.Cli.Tests.Fingerprints;

public sealed class FingerprintCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dataip-cli-fp-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Fingerprint_Directory_PrintsOnlyTheManifestAndExitsZero()
    {
        Write("data/a.bin", "hello");
        Write("data/sub/b.bin", "world");

        var (code, output, error) = Run("fingerprint", Path("data"), "--threads", "2");

        Assert.Equal((0, string.Empty), (code, error));
        var manifest = FingerprintJson.ReadManifest(output);
        Assert.True(manifest.IsSuccess, manifest.ToString());
        Assert.Equal(2, manifest.Value!.LeafCount);
        Assert.Equal(FingerprintMode.Files, manifest.Value.Mode);
    }

    [Fact]
    public void Fingerprint_SameCsvWithCrlf_GivesTheSameRootAsWithLf()
    {
        Write("lf.csv", "a,b\n1,2\n");
        Write("crlf.csv", "a , b\r\n 1,2 \r\n");

        var lf = Run("fingerprint", Path("lf.csv"), "--rows", "csv", "--hash", "sm3");
        var crlf = Run("fingerprint", Path("crlf.csv"), "--rows", "csv", "--hash", "sm3", "--out", Path("m.json"));

        Assert.Equal((0, 0), (lf.Code, crlf.Code));
        Assert.Equal(string.Empty, crlf.Output);
        Assert.Equal(JsonNode.Parse(lf.Output)!["root"]!.ToString(), JsonNode.Parse(File.ReadAllText(Path("m.json")))!["root"]!.ToString());
    }

    [Theory]
    [InlineData("a,b\n1,x\"y\n", "line 2, column 4")]
    [InlineData("a,b\n1,2,3\n", "line 2, column 1")]
    public void Fingerprint_MalformedCsv_ReportsLineAndColumnAndExitsOne(string csv, string position)
    {
        Write("bad.csv", csv);

        var (code, output, error) = Run("fingerprint", Path("bad.csv"), "--rows", "csv");

        Assert.Equal((1, string.Empty), (code, output));
        Assert.Contains(position, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Fingerprint_InvalidGb18030_ReportsTheEncodingAndExitsOne()
    {
        File.WriteAllBytes(Path("bad.csv"), [.. "a\n"u8, 0x81, 0x20, .. "\n"u8]);

        var (code, _, error) = Run("fingerprint", Path("bad.csv"), "--rows", "csv", "--encoding", "gb18030");

        Assert.Equal(1, code);
        Assert.Contains("not valid gb18030", error, StringComparison.Ordinal);
        Assert.Contains("line 2, column 1", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fingerprint", "{missing}")]
    [InlineData("fingerprint", "{dir}", "--chunk-size", "5000")]
    [InlineData("fingerprint", "{dir}", "--hash", "md5")]
    [InlineData("fingerprint", "{dir}", "--encoding", "gb18030")]
    [InlineData("fingerprint", "{dir}", "--rows", "csv", "--chunk-size", "4096")]
    [InlineData("fingerprint", "{dir}", "--rows", "csv", "--delimiter", "ab")]
    [InlineData("fingerprint", "{dir}", "--rows", "jsonl", "--no-header")]
    [InlineData("fingerprint", "{dir}", "--threads", "-1")]
    public void Fingerprint_BadCommandLineOrUnreadablePath_ExitsTwo(params string[] args)
    {
        var (code, output, error) = Run([.. args.Select(a => a.Replace("{missing}", Path("missing"), StringComparison.Ordinal).Replace("{dir}", _dir, StringComparison.Ordinal))]);

        Assert.Equal(2, code);
        Assert.NotEqual(string.Empty, error + output);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_HalfwayAfterOneSecond_ShowsBytesRateAndTimeLeft()
    {
        var line = TerminalProgress.Render(new FingerprintProgress(50 << 20, 100 << 20), TimeSpan.FromSeconds(1));

        Assert.Equal("[###############---------------] 50.0/100.0 MiB  52.4 MB/s  0:01 left", line);
    }

    [Fact]
    public void TerminalProgress_Report_DrawsOnTheWriterAndClearsOnDispose()
    {
        var error = new StringWriter();

        using (var progress = new TerminalProgress(error))
        {
            progress.Report(new FingerprintProgress(1, 1));
        }

        Assert.StartsWith("\r[", error.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("\r", error.ToString(), StringComparison.Ordinal);
        Assert.False(TerminalProgress.IsWanted(new StringWriter()));
    }

    internal static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = Program.Run(args, new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    private string Path(string relative) => System.IO.Path.Combine(_dir, relative);

    private void Write(string relative, string text)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path(relative))!);
        File.WriteAllText(Path(relative), text);
    }
}
