using DataIp.Domain.Numbering;

namespace DataIp.Domain.Tests.Numbering;

public sealed class Iso7064Mod11_2Tests
{
    [Theory]
    [InlineData("11010519491231002", 'X')] // GB 11643-1999 example resident ID number 11010519491231002X
    [InlineData("000000021825009", '7')] // ORCID iD 0000-0002-1825-0097 (ORCID's documented example)
    [InlineData("000000021694233", 'X')] // ORCID iD 0000-0002-1694-233X (ORCID's documented example)
    [InlineData("44030419900307001", '8')] // python3: p=0; for d in s: p=(p+int(d))*2%11; (12-p)%11
    [InlineData("0", '1')]
    public void ComputeCheckCharacter_PublishedVector_ReturnsItsCheckCharacter(string digits, char expected)
    {
        Assert.Equal(expected, Iso7064Mod11_2.ComputeCheckCharacter(digits));
        Assert.True(Iso7064Mod11_2.IsValid(digits + expected));
    }

    [Fact]
    public void ComputeCheckCharacter_Random17Digits_MatchesGb11643WeightTable()
    {
        // GB 11643-1999: weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2; check = "10X98765432"[Σ mod 11].
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var random = new Random(11643);

        for (var n = 0; n < 1000; n++)
        {
            var digits = string.Concat(Enumerable.Range(0, 17).Select(_ => (char)('0' + random.Next(10))));
            var sum = digits.Select((c, i) => (c - '0') * weights[i]).Sum();

            Assert.Equal("10X98765432"[sum % 11], Iso7064Mod11_2.ComputeCheckCharacter(digits));
        }
    }

    [Fact]
    public void IsValid_EverySingleSubstitutionOrAdjacentTransposition_IsRejected()
    {
        var random = new Random(7064);

        for (var n = 0; n < 50; n++)
        {
            var digits = string.Concat(Enumerable.Range(0, 15).Select(_ => (char)('0' + random.Next(10))));
            var valid = digits + Iso7064Mod11_2.ComputeCheckCharacter(digits);

            Assert.True(Iso7064Mod11_2.IsValid(valid));
            Assert.All(Mutations.SingleCharacter(valid, "0123456789X"), typo => Assert.False(Iso7064Mod11_2.IsValid(typo), typo));
            Assert.All(Mutations.AdjacentTranspositions(valid), typo => Assert.False(Iso7064Mod11_2.IsValid(typo), typo));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("X")]
    [InlineData("11010519491231002x")] // lower-case check character
    [InlineData("1101051949123100AX")]
    [InlineData("1101051949123100٢X")] // an Arabic-Indic digit is not an ASCII digit
    [InlineData("11010519491231002Y")]
    public void IsValid_Malformed_ReturnsFalse(string text)
    {
        Assert.False(Iso7064Mod11_2.IsValid(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("12a4")]
    [InlineData("12 4")]
    [InlineData("12X")]
    public void ComputeCheckCharacter_EmptyOrNonDigit_Throws(string digits)
    {
        Assert.Throws<ArgumentException>(() => Iso7064Mod11_2.ComputeCheckCharacter(digits));
    }
}
