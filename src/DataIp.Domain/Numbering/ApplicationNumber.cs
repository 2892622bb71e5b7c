using System.Diagnostics.CodeAnalysis;
using static DataIp.Domain.Numbering.Fields;

namespace DataIp.Domain.Numbering;

/// <summary>
/// The application number a registration body gives an application when it is filed (DOMAIN §7,
/// our design): 16 characters = "SQ" (申请) + registration-body code (4, see <see cref="BodyCode"/>)
/// + year (4) + serial (6, zero-padded), e.g. "SQ44002025000123". Serials run per body and year.
/// There is no check character. Every instance made by <see cref="Create"/> or
/// <see cref="TryParse"/> is valid; <c>default</c> is not a number and has an empty
/// <see cref="Value"/>. Immutable; equal when the components are equal.
/// </summary>
public readonly record struct ApplicationNumber
{
    /// <summary>The fixed upper-case prefix, from 申请 (shēnqǐng, application).</summary>
    public const string Prefix = "SQ";

    /// <summary>The number of characters.</summary>
    public const int Length = 16;

    /// <summary>The largest serial the 6-digit field holds.</summary>
    public const long MaxSerial = 999_999;

    private readonly string? _bodyCode;
    private readonly string? _value;

    private ApplicationNumber(string bodyCode, int year, long serial)
    {
        _bodyCode = bodyCode;
        Year = year;
        Serial = serial;
        _value = Invariant($"{Prefix}{bodyCode}{year:D4}{serial:D6}");
    }

    /// <summary>The receiving registration body's 4-digit code; empty for <c>default</c>.</summary>
    public string BodyCode => _bodyCode ?? string.Empty;

    /// <summary>The year of filing, 2000..2999.</summary>
    public int Year { get; }

    /// <summary>The serial within the body and year, 1..<see cref="MaxSerial"/>.</summary>
    public long Serial { get; }

    /// <summary>The 16 characters; empty for <c>default</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Builds the number of an application being filed.</summary>
    /// <param name="bodyCode">Four ASCII digits (<see cref="Numbering.BodyCode.IsValid"/>).</param>
    /// <param name="year">The year of filing, 2000..2999.</param>
    /// <param name="serial">1..<see cref="MaxSerial"/>.</param>
    /// <returns>The application number.</returns>
    /// <exception cref="ArgumentException"><paramref name="bodyCode"/> is not four digits (a caller bug).</exception>
    /// <exception cref="ArgumentOutOfRangeException">A number is out of range (a caller bug).</exception>
    public static ApplicationNumber Create(string bodyCode, int year, long serial)
    {
        if (!Numbering.BodyCode.IsValid(bodyCode))
        {
            throw new ArgumentException($"A body code is four digits; got '{bodyCode}'.", nameof(bodyCode));
        }

        ThrowIfYearOutOfRange(year, nameof(year));
        ThrowIfSerialOutOfRange(serial, MaxSerial, nameof(serial));
        return new ApplicationNumber(bodyCode, year, serial);
    }

    /// <summary>
    /// Reads a number as typed. Checks, in order: present, 16 characters, the prefix "SQ" (a
    /// lower-case prefix has its own message), 14 digits, the year and a non-zero serial. No
    /// trimming or case folding is done.
    /// </summary>
    /// <param name="text">The text, or null.</param>
    /// <param name="value">The number when valid; otherwise <c>default</c>.</param>
    /// <param name="error">Null when valid; otherwise what is wrong, with 1-based positions.</param>
    /// <returns>True when <paramref name="text"/> is a valid application number.</returns>
    public static bool TryParse(string? text, out ApplicationNumber value, [NotNullWhen(false)] out string? error)
    {
        value = default;
        error = FormError(text) ?? YearError(text!, 6) ?? ZeroSerialError(text!, 10, 6, "serial");
        if (error is not null)
        {
            return false;
        }

        value = new ApplicationNumber(text!.Substring(2, 4), (int)Parse(text, 6, 4), Parse(text, 10, 6));
        return true;
    }

    /// <summary>Returns <see cref="Value"/>.</summary>
    /// <returns>The 16 characters; empty for <c>default</c>.</returns>
    public override string ToString() => Value;

    private static string? FormError(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "The application number is missing.";
        }

        if (text.Length != Length)
        {
            return Invariant($"An application number has 16 characters; this one has {text.Length}.");
        }

        if (!text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return text.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)
                ? Invariant($"An application number starts with upper-case \"SQ\"; this one starts with \"{text[..2]}\".")
                : Invariant($"An application number starts with \"SQ\"; this one starts with \"{text[..2]}\".");
        }

        return NonDigitError(text, 2, Length - 2, "14 characters after \"SQ\"");
    }
}
