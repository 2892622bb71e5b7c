namespace DataIp.Domain.Fingerprinting;

/// <summary>How far a fingerprint computation has got: bytes read of the total.</summary>
/// <param name="BytesDone">Bytes read so far.</param>
/// <param name="BytesTotal">Bytes to read in all.</param>
public readonly record struct FingerprintProgress(long BytesDone, long BytesTotal);
