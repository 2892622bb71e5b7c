namespace DataIp.Domain.Registration;

/// <summary>Hash functions accepted for a <see cref="DataFingerprint"/>; both give 256-bit digests.</summary>
public enum FingerprintAlgorithm
{
    /// <summary>SHA-256 (FIPS 180-4), JSON name <c>sha256</c>.</summary>
    Sha256 = 1,

    /// <summary>SM3 (GB/T 32905), China's commercial cryptography hash, JSON name <c>sm3</c>.</summary>
    Sm3 = 2,
}
