using static DataIp.Domain.Numbering.Fields;

namespace DataIp.Domain.Numbering;

/// <summary>
/// The unified social credit code (统一社会信用代码) of a legal person or other organisation, GB
/// 32100-2015: 18 characters from a 31-character alphabet, the last a check character over the
/// first 17. Only the character set and the check character are verified here, not the meaning of
/// the fields (registration department, category, region, organisation code). Stateless.
/// </summary>
public static class UnifiedSocialCreditCode
{
    /// <summary>The number of characters in a code.</summary>
    public const int Length = 18;

    /// <summary>
    /// The allowed characters in value order (GB 32100-2015, code character set): the digits and
    /// the upper-case Latin letters except I, O, S, V and Z, easily confused with 1, 0, 5, U and 2.
    /// </summary>
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    // GB 32100-2015, check character: the weight of position i (0-based) is 3^i mod 31.
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>
    /// The check character for the first 17 characters: 31 − (Σ value × weight mod 31), with 31
    /// written as '0', then mapped through <see cref="Alphabet"/>.
    /// </summary>
    /// <param name="first17">Exactly 17 characters from <see cref="Alphabet"/>.</param>
    /// <returns>A character of <see cref="Alphabet"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="first17"/> is null.</exception>
    /// <exception cref="ArgumentException">The length is not 17 or a character is not in <see cref="Alphabet"/>.</exception>
    public static char ComputeCheckCharacter(string first17)
    {
        ArgumentNullException.ThrowIfNull(first17);
        if (first17.Length != Length - 1)
        {
            throw new ArgumentException(Invariant($"Exactly 17 characters are needed; got {first17.Length}."), nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < first17.Length; i++)
        {
            var value = Alphabet.IndexOf(first17[i], StringComparison.Ordinal);
            if (value < 0)
            {
                throw new ArgumentException(Invariant($"'{first17[i]}' at position {i + 1} is not in the GB 32100 alphabet."), nameof(first17));
            }

            sum += value * Weights[i];
        }

        return Alphabet[(31 - (sum % 31)) % 31];
    }

    /// <summary>
    /// Checks a code as typed by a user and says what is wrong: missing, wrong length, a character
    /// not allowed (lower-case letters are refused with their own message), or a wrong check
    /// character (expected and found). No trimming or case folding is done: that is the caller's choice.
    /// </summary>
    /// <param name="code">The code, or null.</param>
    /// <returns><see cref="CodeCheck.Valid"/>, or the first problem found.</returns>
    public static CodeCheck Validate(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return CodeCheck.Invalid(CodeCheckCode.CreditCodeMissing);
        }

        if (code.Length != Length)
        {
            return CodeCheck.Invalid(CodeCheckCode.CreditCodeLength, code.Length);
        }

        if (FirstCharacterError(code) is { } error)
        {
            return error;
        }

        var expected = ComputeCheckCharacter(code[..^1]);
        return code[^1] == expected
            ? CodeCheck.Valid
            : CodeCheck.Invalid(CodeCheckCode.CreditCodeCheckCharacter, expected, code[^1]);
    }

    private static CodeCheck? FirstCharacterError(string code)
    {
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (Alphabet.Contains(c, StringComparison.Ordinal))
            {
                continue;
            }

            return char.IsAsciiLetterLower(c) && Alphabet.Contains(char.ToUpperInvariant(c), StringComparison.Ordinal)
                ? CodeCheck.Invalid(CodeCheckCode.CreditCodeLowerCase, c, i + 1, char.ToUpperInvariant(c))
                : CodeCheck.Invalid(CodeCheckCode.CreditCodeCharacter, c, i + 1);
        }

        return null;
    }
}
