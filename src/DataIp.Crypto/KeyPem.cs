using System.Security.Cryptography;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.EdEC;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace DataIp.Crypto;

/// <summary>
/// PEM as OpenSSL reads and writes it: unencrypted PKCS#8 "PRIVATE KEY" (RFC 5958) and
/// SubjectPublicKeyInfo "PUBLIC KEY" (RFC 5280 §4.1.2.7), with the curve named by OID.
/// </summary>
internal static class KeyPem
{
    public const string PrivateKeyLabel = "PRIVATE KEY";
    public const string PublicKeyLabel = "PUBLIC KEY";

    public static string WritePrivateKey(AsymmetricKeyParameter privateKey) =>
        PemEncoding.WriteString(PrivateKeyLabel, PrivateKeyInfo(privateKey).GetDerEncoded()) + "\n";

    public static string WritePublicKey(AsymmetricKeyParameter publicKey) =>
        PemEncoding.WriteString(PublicKeyLabel, SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(publicKey).GetDerEncoded()) + "\n";

    // BouncyCastle writes an Ed25519 key as a version 2 OneAsymmetricKey, with the public key; OpenSSL
    // 3.0 cannot read that ("unsupported"). Version 1 with the seed alone is what OpenSSL writes (RFC 8410 §7).
    private static PrivateKeyInfo PrivateKeyInfo(AsymmetricKeyParameter privateKey) => privateKey is Ed25519PrivateKeyParameters ed25519
        ? new PrivateKeyInfo(new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519), new DerOctetString(ed25519.GetEncoded()))
        : PrivateKeyInfoFactory.CreatePrivateKeyInfo(privateKey);

    /// <summary>Reads the first "PRIVATE KEY" block.</summary>
    /// <exception cref="FormatException">There is none, or it is not a key BouncyCastle can read.</exception>
    public static AsymmetricKeyParameter ReadPrivateKey(string pem) =>
        Decode(ReadBlock(pem, PrivateKeyLabel), PrivateKeyFactory.CreateKey, "private key");

    /// <summary>Reads the first "PUBLIC KEY" block.</summary>
    /// <exception cref="FormatException">There is none, or it is not a key BouncyCastle can read.</exception>
    public static AsymmetricKeyParameter ReadPublicKey(string pem) =>
        Decode(ReadBlock(pem, PublicKeyLabel), PublicKeyFactory.CreateKey, "public key");

    private static byte[] ReadBlock(string pem, string label)
    {
        var rest = pem.AsSpan();
        var labels = new List<string>();
        while (PemEncoding.TryFind(rest, out var fields))
        {
            var found = rest[fields.Label].ToString();
            if (found == label)
            {
                return Convert.FromBase64String(rest[fields.Base64Data].ToString());
            }

            labels.Add(found);
            rest = rest[fields.Location.End..];
        }

        var seen = labels.Count == 0 ? "no PEM block" : $"only {string.Join(", ", labels.Select(l => $"\"{l}\""))}";
        var hint = labels.Contains("ENCRYPTED PRIVATE KEY") || labels.Contains("EC PRIVATE KEY")
            ? " (convert it with: openssl pkey -in key.pem -out pkcs8.pem)"
            : string.Empty;
        throw new FormatException($"Expected a PEM block \"{label}\" but found {seen}{hint}.");
    }

    private static AsymmetricKeyParameter Decode(byte[] der, Func<byte[], AsymmetricKeyParameter> create, string what)
    {
        try
        {
            return create(der);
        }
        catch (Exception e) when (e is ArgumentException or InvalidCastException or IOException or SecurityUtilityException or InvalidOperationException)
        {
            throw new FormatException($"The PEM block is not a {what} that can be read: {e.Message}", e);
        }
    }
}
