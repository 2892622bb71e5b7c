using System.Globalization;

namespace DataIp.Domain.Numbering;

/// <summary>Helpers for identifiers made of fixed-width ASCII digit fields. Stateless.</summary>
internal static class Fields
{
    /// <summary>The earliest year our own numbers may carry.</summary>
    public const int MinYear = 2000;

    /// <summary>The latest year our own numbers may carry: the last a 4-digit field starting with 2 can hold.</summary>
    public const int MaxYear = 2999;

    /// <summary>Whether every character is an ASCII digit (so Unicode digits such as '٣' are refused).</summary>
    public static bool AreAll(ReadOnlySpan<char> text) => text.IndexOfAnyExceptInRange('0', '9') < 0;

    /// <summary>The value of a field already known to be ASCII digits.</summary>
    public static long Parse(string text, int start, int length) =>
        long.Parse(text.AsSpan(start, length), NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>
    /// An error naming the first non-digit among <paramref name="length"/> characters from 0-based
    /// <paramref name="start"/> (reported 1-based), or null when they are all ASCII digits.
    /// </summary>
    public static string? NonDigitError(string text, int start, int length, string what)
    {
        var index = text.AsSpan(start, length).IndexOfAnyExceptInRange('0', '9');
        return index < 0
            ? null
            : Invariant($"The {what} must be digits; '{text[start + index]}' at position {start + index + 1} is not.");
    }

    /// <summary>An error when the 4-digit year at 0-based <paramref name="start"/> is out of range, else null.</summary>
    public static string? YearError(string text, int start)
    {
        var year = Parse(text, start, 4);
        return year is >= MinYear and <= MaxYear
            ? null
            : Invariant($"The year {text.AsSpan(start, 4).ToString()} (positions {start + 1}–{start + 4}) must be from {MinYear} to {MaxYear}.");
    }

    /// <summary>An error when the serial field is all zeros (serials start at 1), else null.</summary>
    public static string? ZeroSerialError(string text, int start, int length, string what) =>
        Parse(text, start, length) == 0
            ? Invariant($"The {what} (positions {start + 1}–{start + length}) must not be zero.")
            : null;

    /// <summary>Throws when <paramref name="year"/> is outside <see cref="MinYear"/>..<see cref="MaxYear"/>.</summary>
    public static void ThrowIfYearOutOfRange(int year, string paramName)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, MinYear, paramName);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, MaxYear, paramName);
    }

    /// <summary>Throws when <paramref name="serial"/> is outside 1..<paramref name="max"/>.</summary>
    public static void ThrowIfSerialOutOfRange(long serial, long max, string paramName)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(serial, 1, paramName);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(serial, max, paramName);
    }

    /// <summary>Formats an interpolated string with the invariant culture.</summary>
    public static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
