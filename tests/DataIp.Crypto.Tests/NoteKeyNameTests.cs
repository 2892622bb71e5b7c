using System.Security.Cryptography;
using System.Text;

namespace DataIp.Crypto.Tests;

public sealed class NoteKeyNameTests
{
    [Theory]
    [InlineData("PeterNeumann")]
    [InlineData("example.com/behind-the-sofa")]
    [InlineData("登记.example/日志")]
    [InlineData("a😀b")]
    public void IsValid_GoodName_IsTrue(string name)
    {
        Assert.True(NoteKeyName.IsValid(name));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bad Name")]
    [InlineData("a+b")]
    [InlineData("a\tb")]
    [InlineData("a\nb")]
    [InlineData("a\u00a0b")]
    [InlineData("a\u3000b")]
    [InlineData("a\u2028b")]
    [InlineData("a\u0001b")]
    public void IsValid_BadName_IsFalse(string? name)
    {
        Assert.False(NoteKeyName.IsValid(name));
    }

    [Fact]
    public void IsValid_UnpairedSurrogate_IsFalse()
    {
        Assert.False(NoteKeyName.IsValid("a" + '\ud800' + "b"));
        Assert.False(NoteKeyName.IsValid("a" + '\udc00'));
    }

    [Fact]
    public void ComputeKeyId_GoPeterNeumannKey_IsC74f20a3()
    {
        var keyData = Convert.FromBase64String("ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");

        Assert.Equal(0xc74f20a3u, NoteKeyName.ComputeKeyId("PeterNeumann", keyData));
    }

    [Fact]
    public void ComputeKeyId_IsFirstFourBytesOfSha256OfNameNewlineAndKeyData_BigEndian()
    {
        // A naive restatement of signed-note "Signatures": SHA-256(name || 0x0A || type || key)[:4].
        var publicKey = RandomNumberGenerator.GetBytes(32);
        byte[] input = [.. Encoding.UTF8.GetBytes("日志.example/log"), 0x0A, 0x01, .. publicKey];
        var hash = SHA256.HashData(input);
        var expected = (uint)(hash[0] << 24 | hash[1] << 16 | hash[2] << 8 | hash[3]);

        Assert.Equal(expected, NoteKeyName.ComputeKeyId("日志.example/log", [0x01, .. publicKey]));
    }

    [Fact]
    public void ComputeKeyId_InvalidName_Throws()
    {
        Assert.Throws<ArgumentException>(() => NoteKeyName.ComputeKeyId("a b", [1, 2]));
    }
}
