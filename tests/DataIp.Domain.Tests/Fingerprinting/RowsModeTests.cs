using System.Text;
using DataIp.Domain.Fingerprinting;

namespace DataIp.Domain.Tests.Fingerprinting;

public sealed class RowsModeTests
{
    private const string Csv = "name,city,count\n\"Li, Wei\",杭州,7\nZhang,北京,\"say \"\"hi\"\"\"\n";

    [Fact]
    public void FingerprintRows_CrlfAndReorderedWhitespace_GiveTheSameCsvRoot()
    {
        using var dir = new TempDirectory();
        var lf = dir.Text("lf.csv", Csv);
        var crlf = dir.Text("crlf.csv", "\uFEFF  name ,city,  count\r\n\r\n \"Li, Wei\" ,\t杭州 , 7\r\n   \r\nZhang , 北京,\"say \"\"hi\"\"\"  \r\n");
        var cr = dir.Text("cr.csv", Csv.Replace('\n', '\r'));

        var root = TestData.Rows(lf, RowFormat.Csv).Root;

        Assert.Equal(root, TestData.Rows(crlf, RowFormat.Csv).Root);
        Assert.Equal(root, TestData.Rows(cr, RowFormat.Csv).Root);
        Assert.Equal(2, TestData.Rows(crlf, RowFormat.Csv).LeafCount);
    }

    [Fact]
    public void FingerprintRows_ColumnsReorderedWithHeader_GiveTheSameRoot()
    {
        using var dir = new TempDirectory();
        var original = dir.Text("a.csv", Csv);
        var reordered = dir.Text("b.csv", "count,city,name\n7,杭州,\"Li, Wei\"\n\"say \"\"hi\"\"\",北京,Zhang\n");

        Assert.Equal(TestData.Rows(original, RowFormat.Csv).Root, TestData.Rows(reordered, RowFormat.Csv).Root);
    }

    [Fact]
    public void FingerprintRows_OneRowOrValueChanged_ChangesTheRoot()
    {
        using var dir = new TempDirectory();
        var root = TestData.Rows(dir.Text("a.csv", Csv), RowFormat.Csv).Root;

        Assert.NotEqual(root, TestData.Rows(dir.Text("b.csv", Csv.Replace("杭州", "杭洲", StringComparison.Ordinal)), RowFormat.Csv).Root);
        Assert.NotEqual(root, TestData.Rows(dir.Text("c.csv", Csv.Replace(",7", ",8", StringComparison.Ordinal)), RowFormat.Csv).Root);
        Assert.NotEqual(root, TestData.Rows(dir.Text("d.csv", Csv + "x,y,z\n"), RowFormat.Csv).Root);
    }

    [Fact]
    public void FingerprintRows_NfdAndNfcText_GiveTheSameRoot()
    {
        using var dir = new TempDirectory();
        var nfc = dir.Text("nfc.csv", "name\ncafé\n".Normalize(NormalizationForm.FormC));
        var nfd = dir.Text("nfd.csv", "name\ncafé\n".Normalize(NormalizationForm.FormD));

        Assert.Equal(TestData.Rows(nfc, RowFormat.Csv).Root, TestData.Rows(nfd, RowFormat.Csv).Root);
    }

    [Fact]
    public void FingerprintRows_Gb18030File_GivesTheUtf8FilesRoot()
    {
        using var dir = new TempDirectory();
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var utf8 = dir.Text("u.csv", Csv);
        var gb = dir.File("g.csv", Encoding.GetEncoding("GB18030").GetBytes(Csv));

        var gbManifest = TestData.Rows(gb, RowFormat.Csv, encoding: RowEncoding.Gb18030);

        Assert.Equal(TestData.Rows(utf8, RowFormat.Csv).Root, gbManifest.Root);
        Assert.Equal(RowEncoding.Gb18030, gbManifest.Rows!.Encoding);
    }

    [Fact]
    public void FingerprintRows_TabDelimiterAndNoHeader_ReadFieldsAsArrays()
    {
        using var dir = new TempDirectory();
        var tsv = dir.Text("a.tsv", "a\t b \t\n\t\t\nc\n");
        var csv = dir.Text("a.csv", "a,b,\n,,\nc\n");

        var tab = TestData.Rows(tsv, RowFormat.Csv, delimiter: '\t', header: false);

        Assert.Equal(3, tab.LeafCount);
        Assert.Equal(TestData.Rows(csv, RowFormat.Csv, header: false).Root, tab.Root);
        var hash = FingerprintHash.Sha256;
        var expected = FingerprintTree.RootHash(hash, [hash.HashLeaf("[\"a\",\"b\",\"\"]"u8), hash.HashLeaf("[\"\",\"\",\"\"]"u8), hash.HashLeaf("[\"c\"]"u8)]);
        Assert.Equal(expected, tab.Root);
    }

    [Fact]
    public void FingerprintRows_JsonLinesKeyOrderAndNumberForms_GiveTheSameRoot()
    {
        using var dir = new TempDirectory();
        var a = dir.Text("a.jsonl", "{\"b\":1.0,\"a\":[1e2,\"x\"]}\n{\"n\":null}\n");
        var b = dir.Text("b.jsonl", "\r\n  { \"a\" : [ 100 , \"\\u0078\" ] , \"b\" : 1 }  \r\n\r\n{\"n\": null}");

        var manifest = TestData.Rows(a, RowFormat.JsonLines);

        Assert.Equal(manifest.Root, TestData.Rows(b, RowFormat.JsonLines).Root);
        var hash = FingerprintHash.Sha256;
        Assert.Equal(FingerprintTree.RootHash(hash, [hash.HashLeaf("{\"a\":[100,\"x\"],\"b\":1}"u8), hash.HashLeaf("{\"n\":null}"u8)]), manifest.Root);
    }

    [Theory]
    [InlineData("a,b\n1,x\"y\n", 2, 4, "quote inside an unquoted field")]
    [InlineData("a,b\n1,\"xy\"z\n", 2, 7, "after a closing quote")]
    [InlineData("a,b\n1,2\n3,\"open\n\n", 3, 3, "still open")]
    [InlineData("a,b\n1,2\n3\n", 3, 1, "has 1 fields; the header has 2")]
    [InlineData("a,a\n1,2\n", 1, 1, "twice")]
    [InlineData("a,,b\n1,2,3\n", 1, 1, "empty name")]
    [InlineData("", 1, 1, "no header")]
    public void FingerprintRows_MalformedCsv_ReportsLineAndColumn(string text, int line, int column, string message)
    {
        using var dir = new TempDirectory();
        var file = dir.Text("bad.csv", text);

        var error = Assert.Throws<FingerprintException>(() => TestData.Rows(file, RowFormat.Csv));

        Assert.Equal((FingerprintErrorKind.MalformedRow, line, column), (error.Kind, error.Line, error.Column));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Contains($"line {line}, column {column}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"a\":1}\n{\"a\":1,}\n", 2, 8)]
    [InlineData("{\"a\":1}\n\n[1 2]\n", 3, 4)]
    [InlineData("{\"a\":1,\"a\":2}\n", 1, 1)]
    [InlineData("1e400\n", 1, 1)]
    [InlineData("{\"e\u0301\":1,\"\u00e9\":2}\n", 1, 1)]
    public void FingerprintRows_MalformedJsonLine_ReportsLineAndColumn(string text, int line, int column)
    {
        using var dir = new TempDirectory();
        var file = dir.Text("bad.jsonl", text);

        var error = Assert.Throws<FingerprintException>(() => TestData.Rows(file, RowFormat.JsonLines));

        Assert.Equal((FingerprintErrorKind.MalformedRow, line, column), (error.Kind, error.Line, error.Column));
    }

    [Fact]
    public void FingerprintRows_InvalidUtf8_ReportsLineAndColumnOfTheBadByte()
    {
        using var dir = new TempDirectory();
        var file = dir.File("bad.csv", [.. "a,b\n杭州,"u8, 0xFF, .. "x\n"u8]);

        var error = Assert.Throws<FingerprintException>(() => TestData.Rows(file, RowFormat.Csv));

        Assert.Equal((FingerprintErrorKind.InvalidEncoding, 2, 4), (error.Kind, error.Line, error.Column));
        Assert.Contains("utf-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FingerprintRows_Directory_IsRefused()
    {
        using var dir = new TempDirectory();

        var error = Assert.Throws<FingerprintException>(() => TestData.Rows(dir.Path, RowFormat.Csv));

        Assert.Equal(FingerprintErrorKind.NotRegularFile, error.Kind);
    }

    [Fact]
    public void FingerprintRows_Sketch_EstimatesOverlap()
    {
        using var dir = new TempDirectory();
        var rows = Enumerable.Range(0, 2000).Select(i => $"{{\"id\":{i}}}").ToList();
        var a = dir.Text("a.jsonl", string.Join('\n', rows.Take(1500)));
        var b = dir.Text("b.jsonl", string.Join('\n', rows.Skip(500)));

        var similarity = TestData.Rows(a, RowFormat.JsonLines).Sketch.EstimateSimilarity(TestData.Rows(b, RowFormat.JsonLines).Sketch);

        Assert.InRange(similarity, 0.35, 0.65); // Jaccard = 1000 / 2000
    }
}
