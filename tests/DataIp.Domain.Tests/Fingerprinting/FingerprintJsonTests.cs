using System.Text.Json.Nodes;
using DataIp.Domain.Fingerprinting;
using DataIp.Domain.Registration;
using DataIp.Domain.TransparencyLog;

namespace DataIp.Domain.Tests.Fingerprinting;

public sealed class FingerprintJsonTests
{
    private static readonly SimilaritySketch Sketch = new(SketchFeatures.Rows, 3, Enumerable.Range(0, 128).Select(i => (ulong)i * 0x0123456789ABCDEF));

    private static readonly FingerprintManifest RowsManifest = new(
        FingerprintAlgorithm.Sm3, FingerprintMode.Rows, Hash.FromHex(new string('a', 64)), 1234, 3, null,
        new RowsSummary(RowFormat.Csv, RowEncoding.Gb18030, '\t', false, 3), Sketch, new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), "dataip 1.0.0");

    private static readonly FingerprintManifest FilesManifest = RowsManifest with
    {
        HashAlgorithm = FingerprintAlgorithm.Sha256,
        Mode = FingerprintMode.Files,
        Rows = null,
        Files = new FilesSummary(2, 4096, 7),
        Sketch = new SimilaritySketch(SketchFeatures.ContentChunks, 0, Enumerable.Repeat(ulong.MaxValue, 128)),
    };

    [Fact]
    public void ReadManifest_WrittenManifests_RoundTrip()
    {
        foreach (var manifest in new[] { RowsManifest, FilesManifest })
        {
            var read = FingerprintJson.ReadManifest(FingerprintJson.WriteManifest(manifest));

            Assert.True(read.IsSuccess, read.ToString());
            var value = read.Value!;
            Assert.Equal(manifest with { Sketch = value.Sketch }, value);
            Assert.Equal(manifest.Sketch.Values, value.Sketch.Values);
            Assert.Equal((manifest.Sketch.Features, manifest.Sketch.FeatureCount), (value.Sketch.Features, value.Sketch.FeatureCount));
        }
    }

    [Fact]
    public void WriteManifest_NeverContainsData_OnlyTheDocumentedFields()
    {
        var json = JsonNode.Parse(FingerprintJson.WriteManifest(RowsManifest))!.AsObject();

        Assert.Equal(["format", "version", "hashAlgorithm", "mode", "root", "size", "leafCount", "rows", "sketch", "computedAt", "tool"], json.Select(p => p.Key));
        Assert.Equal("2026-01-02T03:04:05Z", (string)json["computedAt"]!);
        Assert.Equal("\t", (string)json["rows"]!["delimiter"]!);
    }

    [Theory]
    [InlineData("format", "\"other\"", "$.format")]
    [InlineData("version", "2", "$.version")]
    [InlineData("version", "\"1\"", "$.version")]
    [InlineData("hashAlgorithm", "\"md5\"", "$.hashAlgorithm")]
    [InlineData("mode", "\"bytes\"", "$.mode")]
    [InlineData("root", "\"ABCD\"", "$.root")]
    [InlineData("root", "\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"", "$.root")]
    [InlineData("size", "-1", "$.size")]
    [InlineData("size", "1.5", "$.size")]
    [InlineData("leafCount", "1e30", "$.leafCount")]
    [InlineData("rows", "null", "$.rows")]
    [InlineData("sketch", "{\"algorithm\":\"minhash-splitmix64\",\"k\":64,\"features\":\"rows\",\"featureCount\":0,\"values\":\"\"}", "$.sketch.k")]
    [InlineData("computedAt", "\"yesterday\"", "$.computedAt")]
    [InlineData("tool", "7", "$.tool")]
    public void ReadManifest_MalformedField_NamesTheField(string field, string value, string path)
    {
        var json = JsonNode.Parse(FingerprintJson.WriteManifest(RowsManifest))!.AsObject();
        json[field] = JsonNode.Parse(value);

        var read = FingerprintJson.ReadManifest(json.ToJsonString());

        Assert.False(read.IsSuccess);
        Assert.Equal(path, read.Field);
        Assert.NotEmpty(read.Message);
    }

    [Theory]
    [InlineData("delimiter", "\"\\\"\"", "$.rows.delimiter")]
    [InlineData("delimiter", "\"ab\"", "$.rows.delimiter")]
    [InlineData("encoding", "\"latin1\"", "$.rows.encoding")]
    [InlineData("count", "-3", "$.rows.count")]
    [InlineData("header", "\"yes\"", "$.rows.header")]
    public void ReadManifest_MalformedRowsField_NamesTheField(string field, string value, string path)
    {
        var json = JsonNode.Parse(FingerprintJson.WriteManifest(RowsManifest))!.AsObject();
        json["rows"]![field] = JsonNode.Parse(value);

        Assert.Equal(path, FingerprintJson.ReadManifest(json.ToJsonString()).Field);
    }

    [Theory]
    [InlineData("chunkSize", "5000")]
    [InlineData("chunkSize", "2048")]
    [InlineData("chunkSize", "134217728")]
    [InlineData("count", "\"2\"")]
    public void ReadManifest_MalformedFilesField_NamesTheField(string field, string value)
    {
        var json = JsonNode.Parse(FingerprintJson.WriteManifest(FilesManifest))!.AsObject();
        json["files"]![field] = JsonNode.Parse(value);

        Assert.Equal($"$.files.{field}", FingerprintJson.ReadManifest(json.ToJsonString()).Field);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{\"format\":\"dataip-fingerprint\"")]
    public void ReadManifest_NotAnObject_IsRefusedAtTheTop(string text)
    {
        var read = FingerprintJson.ReadManifest(text);

        Assert.False(read.IsSuccess);
        Assert.Equal("$", read.Field);
    }

    [Theory]
    [InlineData("format", "\"dataip-fingerprint\"", "$.format")]
    [InlineData("version", "0", "$.version")]
    [InlineData("leafIndex", "-1", "$.leafIndex")]
    [InlineData("leafCount", "0", "$.leafCount")]
    [InlineData("auditPath", "[\"zz\"]", "$.auditPath[0]")]
    [InlineData("auditPath", "\"x\"", "$.auditPath")]
    [InlineData("row", "{\"number\":0,\"data\":{}}", "$.row.number")]
    [InlineData("row", "{\"number\":1,\"data\":{\"a\":1,\"a\":2}}", "$.row.data")]
    [InlineData("row", "{\"number\":1}", "$.row.data")]
    public void ReadProof_MalformedField_NamesTheField(string field, string value, string path)
    {
        var proof = new FingerprintProof(FingerprintAlgorithm.Sha256, FingerprintMode.Rows, default, 0, 1, [], new RowEvidence(1, "{}"u8.ToArray()), null, null);
        var json = JsonNode.Parse(FingerprintJson.WriteProof(proof))!.AsObject();
        json[field] = JsonNode.Parse(value);

        var read = FingerprintJson.ReadProof(json.ToJsonString());

        Assert.Equal(path, read.Field);
    }

    [Theory]
    [InlineData("\"sha256\"", "\"\\ud800\"", "$.hashAlgorithm")]
    [InlineData("\"path\":\"a\"", "\"path\":\"a\\udc00\"", "$.file.path")]
    [InlineData("\"auditPath\":[]", "\"auditPath\":[\"\\ud800\"]", "$.auditPath[0]")]
    public void ReadProof_LoneSurrogate_NamesTheFieldInsteadOfThrowing(string member, string hostile, string path)
    {
        var proof = new FingerprintProof(FingerprintAlgorithm.Sha256, FingerprintMode.Files, default, 0, 1, [], null, new FileEvidence("a", 1, default), null);
        var json = JsonNode.Parse(FingerprintJson.WriteProof(proof))!.ToJsonString();
        Assert.Contains(member, json, StringComparison.Ordinal);

        var read = FingerprintJson.ReadProof(json.Replace(member, hostile, StringComparison.Ordinal));

        Assert.Equal(path, read.Field);
    }

    [Fact]
    public void ReadProof_ChunkWithBadBase64_NamesTheField()
    {
        var proof = new FingerprintProof(FingerprintAlgorithm.Sha256, FingerprintMode.Files, default, 0, 1, [], null, new FileEvidence("a", 1, default), new ChunkEvidence(0, 1, new byte[] { 1 }, []));
        var json = JsonNode.Parse(FingerprintJson.WriteProof(proof))!.AsObject();
        json["chunk"]!["data"] = "%%%";

        Assert.Equal("$.chunk.data", FingerprintJson.ReadProof(json.ToJsonString()).Field);
    }

    [Fact]
    public void EstimateSimilarity_SameDifferentAndEmpty_AreOneZeroAndZero()
    {
        var empty = new SimilaritySketch(SketchFeatures.Rows, 0, Enumerable.Repeat(ulong.MaxValue, 128));
        var other = new SimilaritySketch(SketchFeatures.Rows, 3, Enumerable.Range(1000, 128).Select(i => (ulong)i));

        Assert.Equal(1.0, Sketch.EstimateSimilarity(Sketch));
        Assert.Equal(0.0, Sketch.EstimateSimilarity(other));
        Assert.Equal(0.0, empty.EstimateSimilarity(empty));
    }
}
