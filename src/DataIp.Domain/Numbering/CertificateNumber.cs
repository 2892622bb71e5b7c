using System.Diagnostics.CodeAnalysis;
using static DataIp.Domain.Numbering.Fields;

namespace DataIp.Domain.Numbering;

/// <summary>
/// The certificate number (证书编号, DOMAIN §7, 规发〔2024〕79号): 17 digits = year (4) + month (2) +
/// registration-body code (4, see <see cref="BodyCode"/>) + serial (7, zero-padded), e.g.
/// "20250944000000123". There is no check character. A change, renewal or re-issue gives a new
/// certificate number for the same <see cref="RegistrationNumber"/>. Every instance made by
/// <see cref="Create"/> or <see cref="TryParse"/> is valid; <c>default</c> is not a number and has
/// an empty <see cref="Value"/>. Immutable; equal when the components are equal.
/// </summary>
public readonly record struct CertificateNumber
{
    /// <summary>The number of digits.</summary>
    public const int Length = 17;

    /// <summary>The largest serial the 7-digit field holds.</summary>
    public const long MaxSerial = 9_999_999;

    private readonly string? _bodyCode;
    private readonly string? _value;

    private CertificateNumber(int year, int month, string bodyCode, long serial)
    {
        Year = year;
        Month = month;
        _bodyCode = bodyCode;
        Serial = serial;
        _value = Invariant($"{year:D4}{month:D2}{bodyCode}{serial:D7}");
    }

    /// <summary>The year of issue, 2000..2999.</summary>
    public int Year { get; }

    /// <summary>The month of issue, 1..12.</summary>
    public int Month { get; }

    /// <summary>The issuing registration body's 4-digit code, e.g. "4400" for Guangdong; empty for <c>default</c>.</summary>
    public string BodyCode => _bodyCode ?? string.Empty;

    /// <summary>The serial, 1..<see cref="MaxSerial"/>.</summary>
    public long Serial { get; }

    /// <summary>The 17 digits; empty for <c>default</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Builds the number of a certificate being issued.</summary>
    /// <param name="year">The year of issue, 2000..2999.</param>
    /// <param name="month">The month of issue, 1..12.</param>
    /// <param name="bodyCode">Four ASCII digits (<see cref="Numbering.BodyCode.IsValid"/>).</param>
    /// <param name="serial">1..<see cref="MaxSerial"/>.</param>
    /// <returns>The certificate number.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A number is out of range (a caller bug).</exception>
    /// <exception cref="ArgumentException"><paramref name="bodyCode"/> is not four digits (a caller bug).</exception>
    public static CertificateNumber Create(int year, int month, string bodyCode, long serial)
    {
        ThrowIfYearOutOfRange(year, nameof(year));
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        if (!Numbering.BodyCode.IsValid(bodyCode))
        {
            throw new ArgumentException($"A body code is four digits; got '{bodyCode}'.", nameof(bodyCode));
        }

        ThrowIfSerialOutOfRange(serial, MaxSerial, nameof(serial));
        return new CertificateNumber(year, month, bodyCode, serial);
    }

    /// <summary>
    /// Reads a number as typed. Checks, in order: present, 17 characters, all digits, the year, the
    /// month (01–12) and a non-zero serial. No trimming is done.
    /// </summary>
    /// <param name="text">The text, or null.</param>
    /// <param name="value">The number when valid; otherwise <c>default</c>.</param>
    /// <param name="error">Null when valid; otherwise what is wrong, with 1-based positions.</param>
    /// <returns>True when <paramref name="text"/> is a valid certificate number.</returns>
    public static bool TryParse(string? text, out CertificateNumber value, [NotNullWhen(false)] out string? error)
    {
        value = default;
        error = FormError(text) ?? FieldError(text!);
        if (error is not null)
        {
            return false;
        }

        value = new CertificateNumber((int)Parse(text!, 0, 4), (int)Parse(text!, 4, 2), text!.Substring(6, 4), Parse(text, 10, 7));
        return true;
    }

    /// <summary>Returns <see cref="Value"/>.</summary>
    /// <returns>The 17 digits; empty for <c>default</c>.</returns>
    public override string ToString() => Value;

    private static string? FormError(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "The certificate number is missing.";
        }

        return text.Length != Length
            ? Invariant($"A certificate number has 17 digits; this one has {text.Length} characters.")
            : NonDigitError(text, 0, Length, "certificate number");
    }

    private static string? FieldError(string text) =>
        YearError(text, 0)
        ?? (Parse(text, 4, 2) is >= 1 and <= 12
            ? null
            : Invariant($"The month {text.AsSpan(4, 2).ToString()} (positions 5–6) must be from 01 to 12."))
        ?? ZeroSerialError(text, 10, 7, "serial");
}
