using System.Globalization;

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
            return CodeCheck.Invalid(CodeCheckCode.IdNumberMissing);
        }

        if (number.Length != Length)
        {
            return CodeCheck.Invalid(CodeCheckCode.IdNumberLength, number.Length);
        }

        var error = NonDigitError(number) ?? CheckCharacterFormError(number[^1]) ?? BirthDateError(number);
        if (error is not null)
        {
            return error;
        }

        var expected = Iso7064Mod11_2.ComputeCheckCharacter(number.AsSpan(0, Length - 1));
        return number[^1] == expected
            ? CodeCheck.Valid
            : CodeCheck.Invalid(CodeCheckCode.IdNumberCheckCharacter, expected, number[^1]);
    }

    private static CodeCheck? NonDigitError(string number)
    {
        var index = number.AsSpan(0, Length - 1).IndexOfAnyExceptInRange('0', '9');
        return index < 0 ? null : CodeCheck.Invalid(CodeCheckCode.IdNumberNonDigit, number[index], index + 1);
    }

    private static CodeCheck? CheckCharacterFormError(char last) => last switch
    {
        'x' => CodeCheck.Invalid(CodeCheckCode.IdNumberLowerX),
        'X' or (>= '0' and <= '9') => null,
        _ => CodeCheck.Invalid(CodeCheckCode.IdNumberLastCharacter, last),
    };

    private static CodeCheck? BirthDateError(string number)
    {
        var text = number.Substring(BirthDateStart, BirthDateLength);
        return DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? null
            : CodeCheck.Invalid(CodeCheckCode.IdNumberBirthDate, text);
    }
}
