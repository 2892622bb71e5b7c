using System.Text;
using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;
using Org.BouncyCastle.Math.EC.Multiplier;

namespace DataIp.Crypto;

/// <summary>
/// SM2 over the curve sm2p256v1 (GB/T 32918.5), with SM3 and the signer ID always passed
/// explicitly: OpenSSL 3.0 applies no default ID, BouncyCastle applies "1234567812345678", and an
/// implicit default on either side would make the two silently disagree.
/// </summary>
internal static class Sm2
{
    /// <summary>The size of an uncompressed public key point: 0x04 || X || Y.</summary>
    public const int PublicKeySize = 65;

    /// <summary>The curve, named by its OID so that PKCS#8 and SPKI encodings carry the OID.</summary>
    public static readonly ECNamedDomainParameters Domain =
        new(GMObjectIdentifiers.sm2p256v1, GMNamedCurves.GetByOid(GMObjectIdentifiers.sm2p256v1));

    private static readonly byte[] SignerId = Encoding.ASCII.GetBytes(NoteSignatureType.Sm2SignerId);

    /// <summary>A signer or verifier, initialised with the explicit signer ID. Not thread-safe: one per call.</summary>
    public static SM2Signer CreateSigner(bool forSigning, ECKeyParameters key)
    {
        var signer = new SM2Signer(new SM3Digest());
        signer.Init(forSigning, new ParametersWithID(key, SignerId));
        return signer;
    }

    /// <summary>
    /// True when <paramref name="d"/> may be an SM2 private key: 1 ≤ d ≤ n − 2 (GB/T 32918.1 §6.1;
    /// d = n − 1 would make (1 + d) non-invertible when signing).
    /// </summary>
    public static bool IsValidPrivateKey(BigInteger d) =>
        d.SignValue > 0 && d.CompareTo(Domain.N.Subtract(BigInteger.Two)) <= 0;

    /// <summary>The public point d·G.</summary>
    public static ECPublicKeyParameters PublicKey(ECPrivateKeyParameters privateKey) =>
        new("EC", new FixedPointCombMultiplier().Multiply(Domain.G, privateKey.D).Normalize(), Domain);

    /// <summary>Decodes an uncompressed point on sm2p256v1; null if it is not one.</summary>
    public static ECPublicKeyParameters? TryDecodePublicKey(ReadOnlySpan<byte> point)
    {
        if (point.Length != PublicKeySize || point[0] != 0x04)
        {
            return null;
        }

        try
        {
            var q = Domain.Curve.DecodePoint(point.ToArray());
            return q.IsInfinity ? null : new ECPublicKeyParameters("EC", q, Domain);
        }
        catch (ArgumentException)
        {
            // Coordinates outside the field or not on the curve.
            return null;
        }
    }

    /// <summary>True when <paramref name="parameters"/> are those of sm2p256v1.</summary>
    public static bool IsSm2Curve(ECDomainParameters parameters) =>
        parameters.Curve.Equals(Domain.Curve) && parameters.G.Equals(Domain.G) && parameters.N.Equals(Domain.N);

    /// <summary>The public point in uncompressed SEC1 form.</summary>
    public static byte[] Encode(ECPoint q) => q.GetEncoded(compressed: false);
}
