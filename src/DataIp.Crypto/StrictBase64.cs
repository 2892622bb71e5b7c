using System.Diagnostics.CodeAnalysis;

namespace DataIp.Crypto;

/// <summary>
/// Standard base64 (RFC 4648 §4) read strictly: padding required, no whitespace, no stray bits.
/// <see cref="Convert.FromBase64String"/> skips whitespace, so a note line such as "AAAA AAAA"
/// would decode; notes and checkpoints must have exactly one encoding per value.
/// </summary>
internal static class StrictBase64
{
    /// <summary>Decodes <paramref name="text"/> when it is the canonical encoding of some bytes.</summary>
    public static bool TryDecode(ReadOnlySpan<char> text, [NotNullWhen(true)] out byte[]? bytes)
    {
        bytes = null;
        var buffer = new byte[(text.Length + 3) / 4 * 3];
        if (!Convert.TryFromBase64Chars(text, buffer, out var written))
        {
            return false;
        }

        var decoded = buffer.AsSpan(0, written).ToArray();
        // Re-encoding rejects what the decoder tolerated: whitespace and non-zero padding bits.
        if (!Convert.ToBase64String(decoded).AsSpan().SequenceEqual(text))
        {
            return false;
        }

        bytes = decoded;
        return true;
    }
}
