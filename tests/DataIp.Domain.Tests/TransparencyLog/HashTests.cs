using DataIp.Domain.TransparencyLog;

namespace DataIp.Domain.Tests.TransparencyLog;

public sealed class HashTests
{
    private const string EmptySha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    [Fact]
    public void FromBytes_32Bytes_RoundTripsThroughEveryForm()
    {
        var bytes = Enumerable.Range(0, 32).Select(i => (byte)(i * 7 + 1)).ToArray();

        var hash = Hash.FromBytes(bytes);

        Assert.Equal(bytes, hash.ToArray());
        Assert.Equal(Convert.ToHexStringLower(bytes), hash.ToString());
        Assert.Equal(Convert.ToBase64String(bytes), hash.ToBase64());
        Assert.Equal(hash, Hash.FromHex(hash.ToString()));
        Assert.Equal(hash, Hash.FromBase64(hash.ToBase64()));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(12)]
    [InlineData(31)]
    [InlineData(33)]
    public void FromBytes_WrongLength_Throws(int length)
    {
        var bytes = new byte[length];

        Assert.False(Hash.TryFromBytes(bytes, out var hash));
        Assert.Equal(default, hash);
        var error = Assert.Throws<ArgumentException>(() => Hash.FromBytes(bytes));
        Assert.Contains($"this one is {length}", error.Message);
    }

    [Fact]
    public void FromHex_UpperCase_IsAcceptedAndWrittenLowerCase()
    {
        var hash = Hash.FromHex(EmptySha256.ToUpperInvariant());

        Assert.Equal(EmptySha256, hash.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85")]
    [InlineData("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b8555")]
    [InlineData("g3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData(" 3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    public void TryFromHex_NotExactly64HexDigits_IsRefused(string? hex)
    {
        Assert.False(Hash.TryFromHex(hex, out var hash));

        Assert.Equal(default, hash);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ZG9uJ3QgY2FyZSAx")]
    [InlineData("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU")]
    [InlineData("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFUA")]
    [InlineData("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFVVVVVV")]
    public void TryFromBase64_NotBase64Of32Bytes_IsRefused(string? base64)
    {
        Assert.False(Hash.TryFromBase64(base64, out _));
    }

    [Fact]
    public void FromBase64_EmptyTreeRoot_IsSha256OfNothing()
    {
        var hash = Hash.FromBase64("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");

        Assert.Equal(EmptySha256, hash.ToString());
    }

    [Fact]
    public void Equality_SameBytes_EqualAndSameHashCode()
    {
        var a = Hash.FromHex(EmptySha256);
        var b = Hash.FromBytes(a.ToArray());

        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(255)]
    public void Equality_OneBitDifferent_NotEqual(int bit)
    {
        var a = Hash.FromHex(EmptySha256);

        Assert.NotEqual(a, TestTrees.FlipBit(a, bit));
    }

    [Fact]
    public void ToArray_ReturnsACopy()
    {
        var hash = Hash.FromHex(EmptySha256);

        hash.ToArray()[0] ^= 0xff;

        Assert.Equal(EmptySha256, hash.ToString());
    }

    [Fact]
    public void CopyTo_ShortDestination_Throws()
    {
        var hash = Hash.FromHex(EmptySha256);

        Assert.Throws<ArgumentException>(() => hash.CopyTo(new byte[31]));
    }

    [Fact]
    public void Default_IsAllZeroBytes()
    {
        Assert.Equal(new string('0', 64), default(Hash).ToString());
    }
}
