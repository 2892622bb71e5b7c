using DataIp.Domain.Rights;

namespace DataIp.Domain.Tests.Rights;

public sealed class MoneyAmountTests
{
    [Theory]
    [InlineData("5000000.00", "CNY", "5000000")]
    [InlineData("5000000", "CNY", "5000000")]
    [InlineData("0.01", "USD", "0.01")]
    [InlineData("300000", "JPY", "300000")]
    [InlineData("1.125", "KWD", "1.125")]
    [InlineData(" 42.5 ", "EUR", "42.5")]
    [InlineData("999999999999999.99", "CNY", "999999999999999.99")]
    public void Parse_ValidAmount_Accepted(string amount, string currency, string expectedText)
    {
        var expected = decimal.Parse(expectedText, System.Globalization.CultureInfo.InvariantCulture);
        var (value, field, error) = MoneyAmount.Parse(amount, currency);

        Assert.Null(field);
        Assert.Null(error);
        Assert.Equal(expected, value!.Amount);
        Assert.Equal(currency, value.Currency);
    }

    [Theory]
    [InlineData("-5", "CNY", "amount")]
    [InlineData("0", "CNY", "amount")]
    [InlineData("0.00", "CNY", "amount")]
    [InlineData("abc", "CNY", "amount")]
    [InlineData("1e6", "CNY", "amount")]
    [InlineData("1,000", "CNY", "amount")]
    [InlineData("+5", "CNY", "amount")]
    [InlineData("5.", "CNY", "amount")]
    [InlineData(".5", "CNY", "amount")]
    [InlineData("12.345", "CNY", "amount")]
    [InlineData("100.5", "JPY", "amount")]
    [InlineData("1000000000000000", "CNY", "amount")]
    [InlineData("", "CNY", "amount")]
    [InlineData("１００", "CNY", "amount")]
    [InlineData("100", "XYZ", "currency")]
    [InlineData("100", "cny", "currency")]
    [InlineData("100", "HRK", "currency")]
    [InlineData("100", "XAU", "currency")]
    [InlineData("100", "", "currency")]
    [InlineData("100", null, "currency")]
    public void Parse_BadAmountOrCurrency_RefusedNamingTheField(string? amount, string? currency, string field)
    {
        var (value, refused, error) = MoneyAmount.Parse(amount, currency);

        Assert.Null(value);
        Assert.Equal(field, refused);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Theory]
    [InlineData(5000000, "CNY", "5000000.00")]
    [InlineData(300000, "JPY", "300000")]
    [InlineData(1.5, "BHD", "1.500")]
    public void Text_WritesTheCurrencysDecimals(decimal amount, string currency, string expected)
    {
        Assert.Equal(expected, new MoneyAmount(amount, currency).Text);
    }

    [Fact]
    public void Currencies_MinorUnits_MatchIso4217ForSamples()
    {
        Assert.Equal(2, Currencies.MinorUnit("CNY"));
        Assert.Equal(0, Currencies.MinorUnit("KRW"));
        Assert.Equal(3, Currencies.MinorUnit("OMR"));
        Assert.Null(Currencies.MinorUnit("ZWL"));
        Assert.True(Currencies.IsKnown("HKD"));
        Assert.False(Currencies.IsKnown("Usd"));
    }
}
