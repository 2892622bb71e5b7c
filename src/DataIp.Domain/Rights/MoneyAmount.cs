using System.Globalization;

namespace DataIp.Domain.Rights;

/// <summary>
/// A sum of money in an ISO 4217 currency, as a secured amount is recorded: positive, written with
/// digits and at most the currency's minor-unit decimals (e.g. <c>5000000.00</c> CNY, <c>300000</c>
/// JPY), at most 15 digits before the point.
/// </summary>
/// <param name="Amount">The amount.</param>
/// <param name="Currency">The ISO 4217 code.</param>
public sealed record MoneyAmount(decimal Amount, string Currency)
{
    private const int MaxIntegerDigits = 15;

    /// <summary>The amount written with the currency's decimals, invariant culture.</summary>
    public string Text => Amount.ToString("F" + Currencies.MinorUnit(Currency).GetValueOrDefault(2).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>
    /// Parses an amount and a currency; on failure returns the field (<c>amount</c> or
    /// <c>currency</c>) and a sentence saying what is wrong.
    /// </summary>
    public static (MoneyAmount? Value, string? Field, string? Error) Parse(string? amount, string? currency)
    {
        if (string.IsNullOrWhiteSpace(currency))
        {
            return (null, "currency", "Give the currency as an ISO 4217 code, e.g. CNY.");
        }

        if (Currencies.MinorUnit(currency) is not { } decimals)
        {
            return (null, "currency", $"'{currency}' is not an active ISO 4217 currency code (e.g. CNY, USD, EUR; upper case).");
        }

        if (string.IsNullOrWhiteSpace(amount))
        {
            return (null, "amount", "Give the amount as a number, e.g. 5000000.00.");
        }

        var text = amount.Trim();
        var point = text.IndexOf('.', StringComparison.Ordinal);
        var whole = point < 0 ? text : text[..point];
        var fraction = point < 0 ? "" : text[(point + 1)..];
        if (whole.Length == 0 || !whole.All(char.IsAsciiDigit) || !fraction.All(char.IsAsciiDigit) || (point >= 0 && fraction.Length == 0))
        {
            return (null, "amount", $"'{amount}' is not an amount: write digits with an optional decimal point, e.g. 5000000.00 (no sign, grouping or exponent).");
        }

        if (whole.TrimStart('0').Length > MaxIntegerDigits)
        {
            return (null, "amount", $"The amount has more than {MaxIntegerDigits} digits before the decimal point.");
        }

        if (fraction.Length > decimals)
        {
            return (null, "amount", decimals == 0
                ? $"{currency} amounts have no decimals."
                : $"{currency} amounts have at most {decimals} decimal places.");
        }

        var value = decimal.Parse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        return value <= 0
            ? (null, "amount", "The amount must be greater than zero.")
            : (new MoneyAmount(value, currency), null, null);
    }
}
