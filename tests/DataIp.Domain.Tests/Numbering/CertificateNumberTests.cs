using DataIp.Domain.Numbering;

namespace DataIp.Domain.Tests.Numbering;

public sealed class CertificateNumberTests
{
    [Theory]
    [InlineData(2025, 9, "4400", 123L, "20250944000000123")] // Guangdong, DOMAIN §7
    [InlineData(2025, 12, "1100", 1L, "20251211000000001")]
    [InlineData(2999, 1, "0000", 9_999_999L, "29990100009999999")]
    public void Create_Parts_ProducesSeventeenDigits(int year, int month, string body, long serial, string expected)
    {
        var number = CertificateNumber.Create(year, month, body, serial);

        Assert.Equal(expected, number.Value);
        Assert.Equal(expected, number.ToString());
    }

    [Fact]
    public void TryParse_GuangdongExample_ReturnsItsParts()
    {
        Assert.True(CertificateNumber.TryParse("20250944000000123", out var number, out var error));

        Assert.Null(error);
        Assert.Equal((2025, 9, "4400", 123L), (number.Year, number.Month, number.BodyCode, number.Serial));
        Assert.Equal(CertificateNumber.Create(2025, 9, "4400", 123), number);
    }

    [Fact]
    public void TryParse_RandomCreatedNumbers_RoundTrip()
    {
        var random = new Random(17);

        for (var n = 0; n < 500; n++)
        {
            var body = random.Next(10_000).ToString("D4");
            var created = CertificateNumber.Create(random.Next(2000, 3000), random.Next(1, 13), body, random.NextInt64(1, 10_000_000));

            Assert.True(CertificateNumber.TryParse(created.Value, out var parsed, out _));
            Assert.Equal(created, parsed);
        }
    }

    [Theory]
    [InlineData(null, "The certificate number is missing.")]
    [InlineData("", "The certificate number is missing.")]
    [InlineData("2025094400000012", "A certificate number has 17 digits; this one has 16 characters.")]
    [InlineData("2025094400000012X", "The certificate number must be digits; 'X' at position 17 is not.")]
    [InlineData("2025-944000000123", "The certificate number must be digits; '-' at position 5 is not.")]
    [InlineData("19990944000000123", "The year 1999 (positions 1–4) must be from 2000 to 2999.")]
    [InlineData("20250044000000123", "The month 00 (positions 5–6) must be from 01 to 12.")]
    [InlineData("20251344000000123", "The month 13 (positions 5–6) must be from 01 to 12.")]
    [InlineData("20250944000000000", "The serial (positions 11–17) must not be zero.")]
    public void TryParse_Invalid_SaysWhatIsWrong(string? text, string expected)
    {
        Assert.False(CertificateNumber.TryParse(text, out var value, out var error));

        Assert.Equal(expected, error);
        Assert.Equal(default, value);
    }

    [Theory]
    [InlineData(1999, 9, 123L)]
    [InlineData(3000, 9, 123L)]
    [InlineData(2025, 0, 123L)]
    [InlineData(2025, 13, 123L)]
    [InlineData(2025, 9, 0L)]
    [InlineData(2025, 9, 10_000_000L)]
    public void Create_NumberOutOfRange_Throws(int year, int month, long serial)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CertificateNumber.Create(year, month, "4400", serial));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("440")]
    [InlineData("44a0")]
    public void Create_BadBodyCode_Throws(string? body)
    {
        Assert.Throws<ArgumentException>(() => CertificateNumber.Create(2025, 9, body!, 123));
    }
}
