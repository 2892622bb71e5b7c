using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataIp.Domain.Canonicalization;

namespace DataIp.Domain.Tests.Canonicalization;

public sealed class JsonCanonicalizerTests
{
    [Fact]
    public void Canonicalize_Rfc8785Section322Example_GivesTheRfcOutput()
    {
        // RFC 8785 §3.2.2 (input) and §3.2.4 (its canonical form).
        const string input = """
            {
              "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
              "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
              "literals": [null, true, false]
            }
            """;

        var canonical = Canonical(input);

        Assert.Equal("""{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}""", canonical);
    }

    [Fact]
    public void Canonicalize_Rfc8785Section323Example_SortsByUtf16CodeUnits()
    {
        // RFC 8785 §3.2.3: U+000D < "1" < U+0080 < U+00F6 < U+20AC < U+D83D U+DE00 < U+FB33. The
        // emoji sorts before U+FB33 by its high surrogate, though its code point is larger.
        const string input = """
            {
              "\u20ac": "Euro Sign",
              "\r": "Carriage Return",
              "\ufb33": "Hebrew Letter Dalet With Dagesh",
              "1": "One",
              "\ud83d\ude00": "Emoji: Grinning Face",
              "\u0080": "Control",
              "\u00f6": "Latin Small Letter O With Diaeresis"
            }
            """;

        var canonical = Canonical(input);

        Assert.Equal(
            "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\",\"\u00f6\":\"Latin Small Letter O With Diaeresis\","
            + "\"\u20ac\":\"Euro Sign\",\"\U0001F600\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}",
            canonical);
    }

    /// <summary>RFC 8785 Appendix B: IEEE 754 bit patterns and their canonical text.</summary>
    [Theory]
    [InlineData("0000000000000000", "0")]
    [InlineData("8000000000000000", "0")]
    [InlineData("0000000000000001", "5e-324")]
    [InlineData("8000000000000001", "-5e-324")]
    [InlineData("7fefffffffffffff", "1.7976931348623157e+308")]
    [InlineData("ffefffffffffffff", "-1.7976931348623157e+308")]
    [InlineData("4340000000000000", "9007199254740992")]
    [InlineData("c340000000000000", "-9007199254740992")]
    [InlineData("4430000000000000", "295147905179352830000")]
    [InlineData("44b52d02c7e14af5", "9.999999999999997e+22")]
    [InlineData("44b52d02c7e14af6", "1e+23")]
    [InlineData("44b52d02c7e14af7", "1.0000000000000001e+23")]
    [InlineData("444b1ae4d6e2ef4e", "999999999999999700000")]
    [InlineData("444b1ae4d6e2ef4f", "999999999999999900000")]
    [InlineData("444b1ae4d6e2ef50", "1e+21")]
    [InlineData("3eb0c6f7a0b5ed8c", "9.999999999999997e-7")]
    [InlineData("3eb0c6f7a0b5ed8d", "0.000001")]
    [InlineData("41b3de4355555553", "333333333.3333332")]
    [InlineData("41b3de4355555554", "333333333.33333325")]
    [InlineData("41b3de4355555555", "333333333.3333333")]
    [InlineData("41b3de4355555556", "333333333.3333334")]
    [InlineData("41b3de4355555557", "333333333.33333343")]
    [InlineData("becbf647612f3696", "-0.0000033333333333333333")]
    [InlineData("43143ff3c1cb0959", "1424953923781206.2")]
    public void Canonicalize_Rfc8785AppendixBNumber_GivesTheRfcText(string ieee754, string expected)
    {
        var value = BitConverter.Int64BitsToDouble(Convert.ToInt64(ieee754, 16));

        // Written with 17 significant digits, a spelling that round-trips but is never canonical.
        Assert.Equal(expected, Canonical(value.ToString("E16", System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>ECMAScript Number::toString layout; each expected value is what
    /// node -e 'console.log(JSON.stringify(X))' prints for the input X.</summary>
    [Theory]
    [InlineData("1e21", "1e+21")]
    [InlineData("1e20", "100000000000000000000")]
    [InlineData("1.2345678901234568e+20", "123456789012345680000")]
    [InlineData("999999999999999999999", "1e+21")]
    [InlineData("1e-7", "1e-7")]
    [InlineData("5e-7", "5e-7")]
    [InlineData("0.000001", "0.000001")]
    [InlineData("0.0000015", "0.0000015")]
    [InlineData("0.0000010000000000000002", "0.0000010000000000000002")]
    [InlineData("123e-20", "1.23e-18")]
    [InlineData("12345.6789e10", "123456789000000")]
    [InlineData("100", "100")]
    [InlineData("100.000", "100")]
    [InlineData("0.1", "0.1")]
    [InlineData("-1.5", "-1.5")]
    [InlineData("-0", "0")]
    [InlineData("-0.0e5", "0")]
    [InlineData("1e-400", "0")]
    [InlineData("9007199254740993", "9007199254740992")]
    public void Canonicalize_Number_IsWrittenAsEcmaScriptDoes(string number, string expected)
    {
        Assert.Equal(expected, Canonical(number));
    }

    [Fact]
    public void Canonicalize_ControlCharacters_UseShortEscapesElseLowerCaseHex()
    {
        var input = JsonSerializer.Serialize(new string([.. Enumerable.Range(0, 0x20).Select(c => (char)c)]));

        var canonical = Canonical(input);

        Assert.Equal(
            "\"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000b\\f\\r\\u000e\\u000f"
            + "\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018\\u0019\\u001a\\u001b\\u001c\\u001d\\u001e\\u001f\"",
            canonical);
    }

    [Fact]
    public void Canonicalize_OtherCharacters_AreLiteralUtf8()
    {
        // '/', DEL, HTML-sensitive characters, U+2028 and non-ASCII are not escaped (RFC 8785 §3.2.2.2).
        var canonical = JsonCanonicalizer.Canonicalize("\"\\/\\u007f</script>&'\\u2028\\u4e2d\\ud83d\\ude00\""u8);

        Assert.Equal("\"/\u007f</script>&'\u2028中😀\""u8.ToArray(), canonical);
    }

    [Fact]
    public void Canonicalize_Whitespace_IsRemovedAndNestedObjectsSorted()
    {
        var canonical = Canonical(" \r\n { \"b\" : [ 1 , { \"z\" : null , \"y\" : [ ] } ] ,\t\"a\" : { } } \n");

        Assert.Equal("""{"a":{},"b":[1,{"y":[],"z":null}]}""", canonical);
    }

    [Theory]
    [InlineData("""{"a":1,"a":2}""", "\"a\"")]
    [InlineData("""{"a":1,"\u0061":2}""", "\"a\"")]
    [InlineData("""[{"b":{"x":1,"y":2,"x":1}}]""", "\"x\"")]
    public void TryCanonicalize_DuplicateName_IsRefused(string input, string name)
    {
        var result = JsonCanonicalizer.TryCanonicalize(Encoding.UTF8.GetBytes(input));

        Assert.Equal(CanonicalizationFailure.DuplicatePropertyName, result.Failure);
        Assert.Contains(name, result.Message);
        Assert.True(result.Canonical.IsEmpty);
        var error = Assert.Throws<ArgumentException>(() => JsonCanonicalizer.Canonicalize(Encoding.UTF8.GetBytes(input)));
        Assert.Contains("more than once", error.Message);
    }

    [Theory]
    [InlineData("1e400")]
    [InlineData("-1e400")]
    [InlineData("[1,{\"a\":1.8e308}]")]
    public void TryCanonicalize_NumberBeyondDouble_IsRefused(string input)
    {
        Assert.Equal(CanonicalizationFailure.NumberOutOfRange, Failure(input));
    }

    [Theory]
    [InlineData("\"\\ud800\"")]
    [InlineData("\"\\udc00x\"")]
    [InlineData("{\"\\ud83d\":1}")]
    public void TryCanonicalize_LoneSurrogate_IsRefused(string input)
    {
        Assert.Equal(CanonicalizationFailure.InvalidString, Failure(input));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"a\":1,}")]
    [InlineData("[1 2]")]
    [InlineData("1 2")]
    [InlineData("NaN")]
    [InlineData("'a'")]
    [InlineData("// comment\n1")]
    [InlineData("{\"a\":01}")]
    public void TryCanonicalize_NotJson_IsRefused(string input)
    {
        Assert.Equal(CanonicalizationFailure.InvalidJson, Failure(input));
    }

    [Fact]
    public void TryCanonicalize_InvalidUtf8InString_IsInvalidString()
    {
        // "\xc3(" : a lead byte without its continuation byte.
        Assert.Equal(CanonicalizationFailure.InvalidString, JsonCanonicalizer.TryCanonicalize([0x22, 0xc3, 0x28, 0x22]).Failure);
    }

    [Fact]
    public void TryCanonicalize_InvalidUtf8OutsideString_IsInvalidJson()
    {
        Assert.Equal(CanonicalizationFailure.InvalidJson, JsonCanonicalizer.TryCanonicalize([0x5b, 0xff, 0x5d]).Failure);
    }

    [Fact]
    public void TryCanonicalize_ByteOrderMark_IsRefused()
    {
        // RFC 8259 §8.1: JSON text carries no BOM; a parser may ignore one, this one does not.
        var result = JsonCanonicalizer.TryCanonicalize([0xef, 0xbb, 0xbf, .. "{\"a\" : 1}"u8]);

        Assert.Equal(CanonicalizationFailure.InvalidJson, result.Failure);
    }

    [Fact]
    public void TryCanonicalize_NestingAtAndBeyondMaxDepth_AcceptsThenRefuses()
    {
        var deepest = new string('[', JsonCanonicalizer.MaxDepth) + new string(']', JsonCanonicalizer.MaxDepth);
        var tooDeep = "[" + deepest + "]";

        Assert.Equal(deepest, Canonical(deepest));
        Assert.Equal(CanonicalizationFailure.InvalidJson, Failure(tooDeep));
    }

    [Fact]
    public void TryCanonicalize_ElementOfDeeperDocument_RefusesBeyondMaxDepth()
    {
        var tooDeep = new string('[', 70) + new string(']', 70);
        using var document = JsonDocument.Parse(tooDeep, new JsonDocumentOptions { MaxDepth = 100 });

        var result = JsonCanonicalizer.TryCanonicalize(document.RootElement);

        Assert.Equal(CanonicalizationFailure.InvalidJson, result.Failure);
        Assert.Contains("deeper than 64", result.Message);
    }

    [Fact]
    public void Canonicalize_Element_EqualsCanonicalizeOfItsText()
    {
        const string input = """{"b":[3.0,"\u00e9"],"a":{"d":true,"c":-0.0}}""";
        using var document = JsonDocument.Parse(input);

        var canonical = JsonCanonicalizer.Canonicalize(document.RootElement);

        Assert.Equal(JsonCanonicalizer.Canonicalize(Encoding.UTF8.GetBytes(input)), canonical);
        Assert.Equal("""{"a":{"c":0,"d":true},"b":[3,"é"]}""", Encoding.UTF8.GetString(canonical));
    }

    [Fact]
    public void Canonicalize_NodeBuiltFromClrValues_IsCanonical()
    {
        var node = new JsonObject
        {
            ["zeta"] = 1.5,
            ["alpha"] = "\u20ac/\n",
            ["count"] = 10m,
            ["big"] = 1e21,
            ["flags"] = new JsonArray(true, false, null, 7L),
            ["nested"] = JsonNode.Parse("""{"y": 2.50, "x": "1"}"""),
        };

        var canonical = Encoding.UTF8.GetString(JsonCanonicalizer.Canonicalize(node));

        Assert.Equal("""{"alpha":"€/\n","big":1e+21,"count":10,"flags":[true,false,null,7],"nested":{"x":"1","y":2.5},"zeta":1.5}""", canonical);
    }

    [Fact]
    public void Canonicalize_NullNode_IsJsonNull()
    {
        Assert.Equal("null"u8.ToArray(), JsonCanonicalizer.Canonicalize((JsonNode?)null));
    }

    [Fact]
    public void Canonicalize_NodeWithLoneSurrogate_ThrowsInsteadOfReplacingIt()
    {
        // System.Text.Json would write U+FFFD here; the canonical form must not change the value.
        var value = new JsonObject { ["a"] = "x\ud800" };
        var name = new JsonObject { ["\udc00"] = 1 };

        Assert.Throws<ArgumentException>(() => JsonCanonicalizer.Canonicalize(value));
        Assert.Throws<ArgumentException>(() => JsonCanonicalizer.Canonicalize(name));
    }

    [Fact]
    public void Canonicalize_NodeWithNaN_Throws()
    {
        Assert.Throws<ArgumentException>(() => JsonCanonicalizer.Canonicalize(new JsonArray(double.NaN)));
    }

    [Fact]
    public void Canonicalize_ParsedNodeWithDuplicateName_Throws()
    {
        var node = JsonNode.Parse("""{"a":1,"a":2}""");

        Assert.Throws<ArgumentException>(() => JsonCanonicalizer.Canonicalize(node));
    }

    private static string Canonical(string json) =>
        Encoding.UTF8.GetString(JsonCanonicalizer.Canonicalize(Encoding.UTF8.GetBytes(json)));

    private static CanonicalizationFailure Failure(string json)
    {
        var result = JsonCanonicalizer.TryCanonicalize(Encoding.UTF8.GetBytes(json));
        Assert.False(result.IsSuccess);
        Assert.NotEmpty(result.Message);
        return result.Failure;
    }
}
