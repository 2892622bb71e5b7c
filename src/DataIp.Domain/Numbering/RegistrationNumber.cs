using System.Diagnostics.CodeAnalysis;
using DataIp.Domain.Registration;
using static DataIp.Domain.Numbering.Fields;

namespace DataIp.Domain.Numbering;

/// <summary>
/// The registration number (登记号, DOMAIN §7 [design]): 16 characters = application year (4 digits)
/// + data-source code (1) + registrant-type code (1) + sequence (9, zero-padded) + an ISO 7064
/// MOD 11-2 check character over the first 15 (0–9 or 'X'). It stays with a registration for
/// life; certificates come and go (<see cref="CertificateNumber"/>). Every instance made by
/// <see cref="Create"/> or <see cref="TryParse"/> is valid; <c>default</c> is not a number and has
/// an empty <see cref="Value"/>. Immutable; equal when the components are equal.
/// </summary>
public readonly record struct RegistrationNumber
{
    /// <summary>The number of characters.</summary>
    public const int Length = 16;

    /// <summary>The largest sequence the 9-digit field holds.</summary>
    public const long MaxSequence = 999_999_999;

    private readonly string? _value;

    private RegistrationNumber(int year, DataSourceType source, RegistrantType registrantType, long sequence)
    {
        Year = year;
        Source = source;
        RegistrantType = registrantType;
        Sequence = sequence;
        var body = Invariant($"{year:D4}{(int)source}{(int)registrantType}{sequence:D9}");
        _value = body + Iso7064Mod11_2.ComputeCheckCharacter(body);
    }

    /// <summary>The application year, 2000..2999.</summary>
    public int Year { get; }

    /// <summary>How the data was obtained; its code is the 5th character.</summary>
    public DataSourceType Source { get; }

    /// <summary>Who applied; its code is the 6th character.</summary>
    public RegistrantType RegistrantType { get; }

    /// <summary>The sequence within the year, 1..<see cref="MaxSequence"/>.</summary>
    public long Sequence { get; }

    /// <summary>The 16 characters, e.g. "2025110000000016"; empty for <c>default</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>The 16th character: the MOD 11-2 check character of the first 15.</summary>
    public char CheckCharacter => Value.Length == Length ? Value[^1] : '\0';

    /// <summary>Builds the number for a new registration and computes its check character.</summary>
    /// <param name="year">The application year, 2000..2999.</param>
    /// <param name="source">A defined <see cref="DataSourceType"/>.</param>
    /// <param name="type">A defined <see cref="Registration.RegistrantType"/>.</param>
    /// <param name="sequence">1..<see cref="MaxSequence"/>, unique within the year.</param>
    /// <returns>The registration number.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range (a caller bug).</exception>
    public static RegistrationNumber Create(int year, DataSourceType source, RegistrantType type, long sequence)
    {
        ThrowIfYearOutOfRange(year, nameof(year));
        if (!Enum.IsDefined(source))
        {
            throw new ArgumentOutOfRangeException(nameof(source), source, "Not a defined data-source code.");
        }

        if (!Enum.IsDefined(type))
        {
            throw new ArgumentOutOfRangeException(nameof(type), type, "Not a defined registrant-type code.");
        }

        ThrowIfSerialOutOfRange(sequence, MaxSequence, nameof(sequence));
        return new RegistrationNumber(year, source, type, sequence);
    }

    /// <summary>
    /// Reads a number as typed. Checks, in order: present, 16 characters, the first 15 are digits,
    /// the last is a digit or upper-case 'X', the check character matches (so a typo is reported as
    /// such), then the year, the two codes and a non-zero sequence. No trimming is done.
    /// </summary>
    /// <param name="text">The text, or null.</param>
    /// <param name="value">The number when valid; otherwise <c>default</c>.</param>
    /// <param name="error">Null when valid; otherwise what is wrong, with 1-based positions.</param>
    /// <returns>True when <paramref name="text"/> is a valid registration number.</returns>
    public static bool TryParse(string? text, out RegistrationNumber value, [NotNullWhen(false)] out string? error)
    {
        value = default;
        error = FormError(text) ?? FieldError(text!);
        if (error is not null)
        {
            return false;
        }

        value = new RegistrationNumber(
            (int)Parse(text!, 0, 4), (DataSourceType)(text![4] - '0'), (RegistrantType)(text[5] - '0'), Parse(text, 6, 9));
        return true;
    }

    /// <summary>Returns <see cref="Value"/>.</summary>
    /// <returns>The 16 characters; empty for <c>default</c>.</returns>
    public override string ToString() => Value;

    private static string? FormError(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "The registration number is missing.";
        }

        if (text.Length != Length)
        {
            return Invariant($"A registration number has 16 characters; this one has {text.Length}.");
        }

        return NonDigitError(text, 0, Length - 1, "first 15 characters of a registration number")
            ?? CheckCharacterError(text);
    }

    private static string? CheckCharacterError(string text)
    {
        var found = text[^1];
        if (found == 'x')
        {
            return "The check character 'x' (position 16) must be an upper-case 'X'.";
        }

        var expected = Iso7064Mod11_2.ComputeCheckCharacter(text.AsSpan(0, Length - 1));
        return found == expected
            ? null
            : Invariant($"The check character (position 16) should be '{expected}' but is '{found}': the number is mistyped.");
    }

    private static string? FieldError(string text) =>
        YearError(text, 0)
        ?? (Enum.IsDefined((DataSourceType)(text[4] - '0'))
            ? null
            : Invariant($"'{text[4]}' at position 5 is not a data-source code (1, 2, 3, 4 or 9)."))
        ?? (Enum.IsDefined((RegistrantType)(text[5] - '0'))
            ? null
            : Invariant($"'{text[5]}' at position 6 is not a registrant-type code (1, 2, 3, 4 or 9)."))
        ?? ZeroSerialError(text, 6, 9, "sequence");
}
