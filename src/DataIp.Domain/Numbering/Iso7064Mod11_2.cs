using System.Diagnostics.CodeAnalysis;

namespace DataIp.Domain.Numbering;

/// <summary>
/// The ISO/IEC 7064 MOD 11-2 check character, as used by the resident ID number (GB 11643-1999)
/// and our registration number (DOMAIN §7 [design]). Detects every single-digit error and every
/// transposition of adjacent digits. The check character is 0–9 or 'X' (for 10). Stateless.
/// </summary>
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Named after the standard's 'MOD 11-2'.")]
public static class Iso7064Mod11_2
{
    /// <summary>
    /// Computes the check character for <paramref name="digits"/>. ISO/IEC 7064 pure system,
    /// recursive method: P = 0; for each digit d, P = ((P + d) × 2) mod 11; then the check value is
    /// (12 − P) mod 11. Equivalently, the digit n places left of the check character has weight
    /// 2^n mod 11 (GB 11643: 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 for 17 digits).
    /// </summary>
    /// <param name="digits">One or more ASCII digits.</param>
    /// <returns>'0'–'9', or 'X' for a check value of 10.</returns>
    /// <exception cref="ArgumentException"><paramref name="digits"/> is empty or holds a non-digit.</exception>
    public static char ComputeCheckCharacter(ReadOnlySpan<char> digits)
    {
        if (digits.IsEmpty)
        {
            throw new ArgumentException("At least one digit is needed.", nameof(digits));
        }

        var p = 0;
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                throw new ArgumentException($"'{c}' is not an ASCII digit.", nameof(digits));
            }

            p = (p + (c - '0')) * 2 % 11;
        }

        var check = (12 - p) % 11;
        return check == 10 ? 'X' : (char)('0' + check);
    }

    /// <summary>
    /// Whether the last character of <paramref name="digitsWithCheck"/> is the check character of
    /// the digits before it. Upper-case 'X' only.
    /// </summary>
    /// <param name="digitsWithCheck">One or more ASCII digits followed by their check character.</param>
    /// <returns>False for anything malformed (too short, a non-digit, a wrong check character).</returns>
    public static bool IsValid(ReadOnlySpan<char> digitsWithCheck) =>
        digitsWithCheck.Length >= 2
        && Fields.AreAll(digitsWithCheck[..^1])
        && ComputeCheckCharacter(digitsWithCheck[..^1]) == digitsWithCheck[^1];
}
