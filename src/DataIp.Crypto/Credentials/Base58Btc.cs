namespace DataIp.Crypto.Credentials;

/// <summary>
/// Base58 with the Bitcoin alphabet (draft-msporny-base58-03), and its multibase form: the prefix
/// <c>z</c> followed by the base58btc text (multibase, "base58btc"). Each leading zero byte is one
/// leading <c>1</c>; the rest is the big-endian number in base 58. Thread-safe: all members are pure.
/// </summary>
public static class Base58Btc
{
    /// <summary>The multibase prefix of base58btc.</summary>
    public const char MultibasePrefix = 'z';

    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    // Digit value of each ASCII character, −1 where it is not in the alphabet (0, O, I, l and the rest).
    private static readonly sbyte[] Digits = BuildDigits();

    /// <summary>Encodes <paramref name="data"/> in base58btc (no multibase prefix).</summary>
    /// <param name="data">Any bytes; empty gives the empty string.</param>
    /// <returns>The base58btc text.</returns>
    public static string Encode(ReadOnlySpan<byte> data)
    {
        var zeros = 0;
        while (zeros < data.Length && data[zeros] == 0)
        {
            zeros++;
        }

        // log(256) / log(58) ≈ 1.365 digits per byte; the digits are built least significant last.
        var digits = new byte[((data.Length - zeros) * 138 / 100) + 1];
        var length = 0;
        foreach (var b in data[zeros..])
        {
            var carry = (int)b;
            var i = 0;
            for (var j = digits.Length - 1; (carry != 0 || i < length) && j >= 0; j--, i++)
            {
                carry += 256 * digits[j];
                digits[j] = (byte)(carry % 58);
                carry /= 58;
            }

            length = i;
        }

        var text = new char[zeros + length];
        text.AsSpan(0, zeros).Fill('1');
        for (var k = 0; k < length; k++)
        {
            text[zeros + k] = Alphabet[digits[digits.Length - length + k]];
        }

        return new string(text);
    }

    /// <summary>Decodes base58btc text (no multibase prefix).</summary>
    /// <param name="text">The text; any character outside the alphabet refuses it.</param>
    /// <param name="data">The bytes, or empty when refused.</param>
    /// <returns>False when <paramref name="text"/> holds a character outside the alphabet.</returns>
    public static bool TryDecode(ReadOnlySpan<char> text, out byte[] data)
    {
        data = [];
        var zeros = 0;
        while (zeros < text.Length && text[zeros] == '1')
        {
            zeros++;
        }

        // log(58) / log(256) ≈ 0.733 bytes per digit.
        var bytes = new byte[((text.Length - zeros) * 733 / 1000) + 1];
        var length = 0;
        foreach (var c in text[zeros..])
        {
            var carry = c < Digits.Length ? Digits[c] : -1;
            if (carry < 0)
            {
                return false;
            }

            var i = 0;
            for (var j = bytes.Length - 1; (carry != 0 || i < length) && j >= 0; j--, i++)
            {
                carry += 58 * bytes[j];
                bytes[j] = (byte)(carry % 256);
                carry /= 256;
            }

            length = i;
        }

        data = new byte[zeros + length];
        bytes.AsSpan(bytes.Length - length).CopyTo(data.AsSpan(zeros));
        return true;
    }

    /// <summary>The multibase base58btc form: <c>z</c> followed by <see cref="Encode"/>.</summary>
    /// <param name="data">Any bytes.</param>
    /// <returns>The multibase text.</returns>
    public static string EncodeMultibase(ReadOnlySpan<byte> data) => MultibasePrefix + Encode(data);

    /// <summary>Decodes multibase base58btc text: <c>z</c> followed by base58btc.</summary>
    /// <param name="text">The text; null, or without the <c>z</c> prefix, is refused.</param>
    /// <param name="data">The bytes, or empty when refused.</param>
    /// <returns>False when the text is not multibase base58btc.</returns>
    public static bool TryDecodeMultibase(string? text, out byte[] data)
    {
        data = [];
        return text is [MultibasePrefix, ..] && TryDecode(text.AsSpan(1), out data);
    }

    private static sbyte[] BuildDigits()
    {
        var digits = new sbyte[128];
        Array.Fill(digits, (sbyte)-1);
        for (var i = 0; i < Alphabet.Length; i++)
        {
            digits[Alphabet[i]] = (sbyte)i;
        }

        return digits;
    }
}
