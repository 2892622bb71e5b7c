using System.Globalization;
using static DataIp.Domain.Numbering.Fields;

namespace DataIp.Domain.Numbering;

/// <summary>
/// The PRC citizen identity number (公民身份号码, GB 11643-1999): 18 characters = 6-digit address
/// code + 8-digit birth date YYYYMMDD + 3-digit sequence + an ISO 7064 MOD 11-2 check character
/// (0–9 or upper-case 'X'). The address code is not checked against GB/T 2260, and the birth date
/// only has to be a real date: this class has no clock. Stateless.
/// </summary>
public static class ResidentIdNumber
{
    /// <summary>The number of characters in an identity number.</summary>
    public const int Length = 18;

    private const int BirthDateStart = 6;
    private const int BirthDateLength = 8;

    /// <summary>
    /// Checks a number as typed and says what is wrong: missing, wrong length, a non-digit among the
    /// first 17, a last character that is neither a digit nor 'X' (a lower-case 'x' has its own
    /// message), a birth date (positions 7–14) that is not a real date, or a wrong check character.
    /// </summary>
    /// <param name="number">The number, or null.</param>
    /// <returns><see cref="CodeCheck.Valid"/>, or the first problem found.</returns>
    public static CodeCheck Validate(string? number)
    {
        if (string.IsNullOrEmpty(number))
        {
            return CodeCheck.Invalid("The resident ID number is missing.");
        }

        if (number.Length != Length)
        {
            return CodeCheck.Invalid(Invariant($"A resident ID number has 18 characters; this one has {number.Length}."));
        }

        var error = NonDigitError(number, 0, Length - 1, "first 17 characters of a resident ID number")
            ?? CheckCharacterFormError(number[^1])
            ?? BirthDateError(number);
        if (error is not null)
        {
            return CodeCheck.Invalid(error);
        }

        var expected = Iso7064Mod11_2.ComputeCheckCharacter(number.AsSpan(0, Length - 1));
        return number[^1] == expected
            ? CodeCheck.Valid
            : CodeCheck.Invalid(Invariant($"The check character (position 18) should be '{expected}' but is '{number[^1]}': the number is mistyped."));
    }

    private static string? CheckCharacterFormError(char last) => last switch
    {
        'x' => "The check character 'x' (position 18) must be an upper-case 'X'.",
        'X' or (>= '0' and <= '9') => null,
        _ => Invariant($"The last character must be a digit or 'X'; '{last}' at position 18 is not."),
    };

    private static string? BirthDateError(string number)
    {
        var text = number.AsSpan(BirthDateStart, BirthDateLength);
        return DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? null
            : Invariant($"The birth date at positions 7–14, '{text.ToString()}', is not a real date.");
    }
}
