using System.Text;
using DataIp.Crypto.Credentials;

namespace DataIp.Crypto.Tests.Credentials;

/// <summary>Base58btc against the vectors of draft-msporny-base58-03 §5 and Bitcoin's base58_encode_decode.json.</summary>
public sealed class Base58BtcTests
{
    public static TheoryData<string, string> Vectors => new()
    {
        // draft-msporny-base58-03 §5 (UTF-8 text → base58).
        { Hex("Hello World!"), "2NEpo7TZRRrLZSi2U" },
        { Hex("The quick brown fox jumps over the lazy dog."), "USm3fpXnKG5EUBx2ndxBDMPVciP5hGey2Jh4NDv6gmeo1LkMeiKrLJUUBk6Z" },
        { "0000287fb4cd", "11233QC4" },
        // bitcoin/src/test/data/base58_encode_decode.json.
        { "", "" },
        { "61", "2g" },
        { "626262", "a3gV" },
        { "636363", "aPEr" },
        { "00eb15231dfceb60925886b67d065299925915aeb172c06647", "1NS17iag9jJgTHD1VXjvLCEnZuQ3rJDE9L" },
        { "000000000000000000", "111111111" },
        { "00", "1" },
        { "ff", "5Q" },
        { "ecac89cad93923c02321", "EJDM8drfXA6uyA" },
        { "10c8511e", "Rt5zm" },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Encode_PublishedVector_Matches(string hex, string expected)
    {
        var text = Base58Btc.Encode(Convert.FromHexString(hex));

        Assert.Equal(expected, text);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void TryDecode_PublishedVector_Matches(string hex, string text)
    {
        var ok = Base58Btc.TryDecode(text, out var data);

        Assert.True(ok);
        Assert.Equal(hex, Convert.ToHexStringLower(data));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("O")]
    [InlineData("I")]
    [InlineData("l")]
    [InlineData("2NEpo7TZRRrLZSi2U ")]
    [InlineData("2NEpo7TZRRrLZSi2Ü")]
    public void TryDecode_CharacterOutsideAlphabet_Refuses(string text)
    {
        Assert.False(Base58Btc.TryDecode(text, out _));
    }

    [Fact]
    public void EncodeThenDecode_RandomBytesWithLeadingZeros_RoundTrips()
    {
        var random = new Random(20261127);
        for (var length = 0; length < 100; length++)
        {
            var data = new byte[length];
            random.NextBytes(data);
            data.AsSpan(0, Math.Min(length, length % 4)).Clear();

            var ok = Base58Btc.TryDecode(Base58Btc.Encode(data), out var decoded);

            Assert.True(ok);
            Assert.Equal(data, decoded);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2NEpo7TZRRrLZSi2U")]
    [InlineData("Z2NEpo7TZRRrLZSi2U")]
    public void TryDecodeMultibase_WithoutZPrefix_Refuses(string? text)
    {
        Assert.False(Base58Btc.TryDecodeMultibase(text, out _));
    }

    [Fact]
    public void EncodeMultibase_HelloWorld_HasZPrefix()
    {
        var text = Base58Btc.EncodeMultibase("Hello World!"u8);

        Assert.Equal("z2NEpo7TZRRrLZSi2U", text);
        Assert.True(Base58Btc.TryDecodeMultibase(text, out var data));
        Assert.Equal("Hello World!"u8.ToArray(), data);
    }

    private static string Hex(string text) => Convert.ToHexStringLower(Encoding.UTF8.GetBytes(text));
}
