using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace DataIp.Crypto;

/// <summary>
/// Key names and key IDs of the C2SP signed-note format (c2sp.org/signed-note, "Signatures"). A key
/// is identified by its name together with a 32-bit key ID; the pair, not either alone, selects the
/// verifier. Thread-safe: no state.
/// </summary>
public static class NoteKeyName
{
    /// <summary>
    /// True when <paramref name="name"/> may be a key name: non-empty, with no Unicode space, no plus
    /// (U+002B), no ASCII control character and no unpaired surrogate (signed-note "Format": names
    /// "MUST be non-empty and MUST NOT contain any Unicode spaces or plus (U+002B) characters", and
    /// notes are valid UTF-8 without control characters).
    /// </summary>
    /// <param name="name">The candidate name, or null.</param>
    /// <returns>True when the name is valid.</returns>
    public static bool IsValid(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c == '+' || c < ' ' || char.IsWhiteSpace(c))
            {
                return false;
            }

            if (char.IsSurrogate(c))
            {
                if (!char.IsHighSurrogate(c) || i + 1 == name.Length || !char.IsLowSurrogate(name[i + 1]))
                {
                    return false;
                }

                i++;
            }
        }

        return true;
    }

    /// <summary>
    /// The recommended key ID: the first four bytes, big-endian, of
    /// SHA-256(key name || 0x0A || key data), where the key data is the signature type byte (or, for
    /// 0xff, the type byte and its identifier) followed by the public key; for Ed25519,
    /// SHA-256(name || 0x0A || 0x01 || 32-byte public key)[:4] (signed-note "Ed25519 signatures").
    /// </summary>
    /// <param name="name">A valid key name (<see cref="IsValid"/>).</param>
    /// <param name="keyData">The type byte(s) followed by the encoded public key, as in a verifier key.</param>
    /// <returns>The key ID.</returns>
    /// <exception cref="ArgumentException">The name is not valid or the key data is empty.</exception>
    public static uint ComputeKeyId(string name, ReadOnlySpan<byte> keyData)
    {
        ThrowIfInvalid(name, nameof(name));
        if (keyData.IsEmpty)
        {
            throw new ArgumentException("The key data is empty.", nameof(keyData));
        }

        var nameLength = Encoding.UTF8.GetByteCount(name);
        var input = new byte[nameLength + 1 + keyData.Length];
        Encoding.UTF8.GetBytes(name, input);
        input[nameLength] = (byte)'\n';
        keyData.CopyTo(input.AsSpan(nameLength + 1));
        return BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(input));
    }

    /// <summary>Throws unless <paramref name="name"/> is a valid key name.</summary>
    /// <param name="name">The candidate name.</param>
    /// <param name="parameterName">The caller's parameter, for the exception.</param>
    /// <exception cref="ArgumentException">The name is not valid.</exception>
    internal static void ThrowIfInvalid(string? name, string parameterName)
    {
        if (!IsValid(name))
        {
            throw new ArgumentException(
                $"'{name}' is not a valid key name: it must be non-empty, with no spaces, plus signs or control characters.",
                parameterName);
        }
    }
}
