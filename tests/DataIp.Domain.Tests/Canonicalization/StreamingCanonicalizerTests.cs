using System.Buffers;
using System.Text;
using DataIp.Domain.Canonicalization;

namespace DataIp.Domain.Tests.Canonicalization;

/// <summary>The forward-reading canonicaliser gives the document canonicaliser's bytes and refuses
/// what it refuses.</summary>
public sealed class StreamingCanonicalizerTests
{
    [Theory]
    [InlineData("""{"b":1,"a":{"d":[1,2.50,-0,1e21,1E-7,0.000001,123456789012345,1234567890123456,-0.0]},"c":null}""")]
    [InlineData("""{"\u20ac":1,"\r":2,"\ud83d\ude00":3,"\ufb33":4,"1":5,"\u0080":6,"\u00f6":7}""")]
    [InlineData("""["a\u0001b\u001f\"\\\/\b\f\n\r\t\u007f\u2028\u4e2d", "plain 中文", "\u00e9"]""")]
    [InlineData("""  {"nested":{"z":{"y":{"x":[{"b":true,"a":false}]}}}}  """)]
    [InlineData("-0")]
    [InlineData("9007199254740993")]
    [InlineData("12000000")]
    [InlineData("\"\"")]
    [InlineData("{}")]
    [InlineData("[]")]
    public void CanonicalizeTo_TrickyValues_SameBytesAsTheDocumentCanonicalizer(string json)
    {
        var input = Encoding.UTF8.GetBytes(json);
        var output = new ArrayBufferWriter<byte>();

        JsonCanonicalizer.CanonicalizeTo(input, output);

        Assert.Equal(Encoding.UTF8.GetString(JsonCanonicalizer.Canonicalize(input)), Encoding.UTF8.GetString(output.WrittenSpan));
    }

    [Theory]
    [InlineData("""{"a":1,"\u0061":2}""")]
    [InlineData("""[{"b":{"x":1,"y":2,"x":1}}]""")]
    [InlineData("1e400")]
    [InlineData("\"\\ud800\"")]
    [InlineData("{\"a\":")]
    [InlineData("1 2")]
    [InlineData("")]
    public void CanonicalizeTo_RefusedInput_Throws(string json)
    {
        var input = Encoding.UTF8.GetBytes(json);

        Assert.Throws<ArgumentException>(() => JsonCanonicalizer.Canonicalize(input));
        Assert.Throws<ArgumentException>(() => JsonCanonicalizer.CanonicalizeTo(input, new ArrayBufferWriter<byte>()));
    }

    [Theory]
    [InlineData("张审查 \"quoted\"\t\u0000\u001f\\/")]
    [InlineData("\U0001F600 \u2028")]
    public void CanonicalizeString_Text_SameBytesAsTheDocumentCanonicalizer(string text)
    {
        var canonical = JsonCanonicalizer.CanonicalizeString(text);

        Assert.Equal(JsonCanonicalizer.Canonicalize(System.Text.Json.Nodes.JsonValue.Create(text)), canonical);
    }

    [Fact]
    public void CanonicalizeString_LoneSurrogate_Throws() =>
        Assert.Throws<ArgumentException>(() => JsonCanonicalizer.CanonicalizeString("a\ud800b"));
}
