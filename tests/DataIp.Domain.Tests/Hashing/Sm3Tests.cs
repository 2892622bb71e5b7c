using System.Text;
using DataIp.Domain.Hashing;

namespace DataIp.Domain.Tests.Hashing;

public sealed class Sm3Tests
{
    // GB/T 32905-2016 Appendix A, examples 1 and 2; the empty message from `openssl dgst -sm3 /dev/null`.
    [Theory]
    [InlineData("abc", 1, "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0")]
    [InlineData("abcd", 16, "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732")]
    [InlineData("", 0, "1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b")]
    public void HashData_StandardVector_GivesPublishedDigest(string text, int repeat, string expected)
    {
        var message = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat(text, repeat)));

        var hash = Sm3.HashData(message);

        Assert.Equal(expected, Convert.ToHexStringLower(hash));
    }

    [Fact]
    public void HashData_ShortDestination_Throws()
    {
        Assert.Throws<ArgumentException>(() => Sm3.HashData([1, 2, 3], new byte[31]));
    }
}
