using DataIp.Domain.Numbering;

namespace DataIp.Domain.Tests.Numbering;

public sealed class BodyCodeTests
{
    [Theory]
    [InlineData("4400", true)]
    [InlineData("1100", true)]
    [InlineData("0000", true)]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("440", false)]
    [InlineData("44000", false)]
    [InlineData("44a0", false)]
    [InlineData("44 0", false)]
    [InlineData("４４００", false)] // full-width digits
    public void IsValid_Candidate_IsTrueOnlyForFourAsciiDigits(string? code, bool expected)
    {
        Assert.Equal(expected, BodyCode.IsValid(code));
    }

    [Theory]
    [InlineData("110000", "1100")] // Beijing
    [InlineData("440000", "4400")] // Guangdong
    [InlineData("440300", "4403")] // Shenzhen
    [InlineData("440305", "4403")] // a Shenzhen district: the county pair is dropped
    public void FromRegionCode_Gbt2260Code_ReturnsFirstFourDigits(string region, string expected)
    {
        Assert.Equal(expected, BodyCode.FromRegionCode(region));
    }

    [Theory]
    [InlineData("")]
    [InlineData("11000")]
    [InlineData("1100000")]
    [InlineData("11000A")]
    public void FromRegionCode_NotSixDigits_Throws(string region)
    {
        Assert.Throws<ArgumentException>(() => BodyCode.FromRegionCode(region));
    }

    [Fact]
    public void FromRegionCode_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => BodyCode.FromRegionCode(null!));
    }
}
