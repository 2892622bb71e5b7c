using System.Text;

namespace DataIp.Crypto.Tests;

public sealed class Sm3Tests
{
    // GB/T 32905-2016, Appendix A, examples 1 and 2.
    [Theory]
    [InlineData("abc", 1, "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0")]
    [InlineData("abcd", 16, "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732")]
    public void Hash_StandardExample_MatchesPublishedHash(string unit, int repeat, string expected)
    {
        var data = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat(unit, repeat)));

        var hash = Sm3.Hash(data);

        Assert.Equal(expected, Convert.ToHexStringLower(hash));
    }

    [Fact]
    public void Hash_Empty_MatchesOpenSsl()
    {
        // printf '' | openssl dgst -sm3
        Assert.Equal("1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b", Convert.ToHexStringLower(Sm3.Hash([])));
    }
}
