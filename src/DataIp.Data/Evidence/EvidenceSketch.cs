namespace DataIp.Data.Evidence;

/// <summary>
/// The similarity sketch of an application's dataset (docs/fingerprint-format.md §4), kept so
/// that examiners see which registered datasets a new one overlaps. One per application: a
/// resubmission with another fingerprint replaces it.
/// </summary>
public sealed class EvidenceSketch
{
    /// <summary>The application whose evidence this is.</summary>
    public Guid ApplicationId { get; set; }

    /// <summary>The fingerprint's hash algorithm name (sha256, sm3).</summary>
    public string HashAlgorithm { get; set; } = "";

    /// <summary>The fingerprint root, 64 lowercase hex digits.</summary>
    public string Root { get; set; } = "";

    /// <summary>What the sketch's features are: rows or content-chunks.</summary>
    public string FeatureKind { get; set; } = "";

    /// <summary>How many features went into the sketch.</summary>
    public long FeatureCount { get; set; }

    /// <summary>The 128 MinHash values, each 8 bytes little-endian.</summary>
    public byte[] Values { get; set; } = [];

    /// <summary>When the sketch was stored (the submission that carried it).</summary>
    public DateTimeOffset IndexedAt { get; set; }
}

/// <summary>One band key of a sketch (<see cref="DataIp.Domain.Evidence.OverlapBands"/>): the
/// search index that finds candidate overlaps without reading every sketch.</summary>
public sealed class EvidenceBand
{
    /// <summary>The band key.</summary>
    public long Key { get; set; }

    /// <summary>The application whose sketch has this key.</summary>
    public Guid ApplicationId { get; set; }
}
