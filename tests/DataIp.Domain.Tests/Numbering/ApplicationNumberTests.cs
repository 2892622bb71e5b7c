using DataIp.Domain.Numbering;

namespace DataIp.Domain.Tests.Numbering;

public sealed class ApplicationNumberTests
{
    [Theory]
    [InlineData("4400", 2025, 123L, "SQ44002025000123")]
    [InlineData("1100", 2026, 1L, "SQ11002026000001")]
    [InlineData("4403", 2999, 999_999L, "SQ44032999999999")]
    public void Create_Parts_ProducesPrefixedNumber(string body, int year, long serial, string expected)
    {
        var number = ApplicationNumber.Create(body, year, serial);

        Assert.Equal(expected, number.Value);
        Assert.Equal(expected, number.ToString());
    }

    [Fact]
    public void TryParse_ValidNumber_ReturnsItsParts()
    {
        Assert.True(ApplicationNumber.TryParse("SQ44002025000123", out var number, out var error));

        Assert.Null(error);
        Assert.Equal(("4400", 2025, 123L), (number.BodyCode, number.Year, number.Serial));
        Assert.Equal(ApplicationNumber.Create("4400", 2025, 123), number);
    }

    [Fact]
    public void TryParse_RandomCreatedNumbers_RoundTrip()
    {
        var random = new Random(6);

        for (var n = 0; n < 500; n++)
        {
            var created = ApplicationNumber.Create(random.Next(10_000).ToString("D4"), random.Next(2000, 3000), random.Next(1, 1_000_000));

            Assert.True(ApplicationNumber.TryParse(created.Value, out var parsed, out _));
            Assert.Equal(created, parsed);
        }
    }

    [Theory]
    [InlineData(null, "The application number is missing.")]
    [InlineData("", "The application number is missing.")]
    [InlineData("SQ4400202500012", "An application number has 16 characters; this one has 15.")]
    [InlineData("sq44002025000123", "An application number starts with upper-case \"SQ\"; this one starts with \"sq\".")]
    [InlineData("AB44002025000123", "An application number starts with \"SQ\"; this one starts with \"AB\".")]
    [InlineData("SQ44O02025000123", "The 14 characters after \"SQ\" must be digits; 'O' at position 5 is not.")]
    [InlineData("SQ44001999000123", "The year 1999 (positions 7–10) must be from 2000 to 2999.")]
    [InlineData("SQ44002025000000", "The serial (positions 11–16) must not be zero.")]
    public void TryParse_Invalid_SaysWhatIsWrong(string? text, string expected)
    {
        Assert.False(ApplicationNumber.TryParse(text, out var value, out var error));

        Assert.Equal(expected, error);
        Assert.Equal(default, value);
    }

    [Theory]
    [InlineData(1999, 1L)]
    [InlineData(3000, 1L)]
    [InlineData(2025, 0L)]
    [InlineData(2025, 1_000_000L)]
    public void Create_NumberOutOfRange_Throws(int year, long serial)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ApplicationNumber.Create("4400", year, serial));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("44000")]
    [InlineData("ABCD")]
    public void Create_BadBodyCode_Throws(string? body)
    {
        Assert.Throws<ArgumentException>(() => ApplicationNumber.Create(body!, 2025, 1));
    }
}
