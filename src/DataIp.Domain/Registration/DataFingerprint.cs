namespace DataIp.Domain.Registration;

/// <summary>
/// The hash of the registered data as computed for evidence preservation (DOMAIN §8): the data stays
/// with the holder, the fingerprint proves later what it was.
/// </summary>
public sealed record DataFingerprint
{
    /// <summary>The hash function used.</summary>
    public FingerprintAlgorithm? HashAlgorithm { get; init; }

    /// <summary>The hash (or Merkle root over the data's files): 64 lowercase hexadecimal digits.</summary>
    public string? Root { get; init; }

    /// <summary>Size of the hashed data in bytes, positive.</summary>
    public long? Size { get; init; }

    /// <summary>When the fingerprint was computed; not after the validation date.</summary>
    public DateTimeOffset? ComputedAt { get; init; }
}
