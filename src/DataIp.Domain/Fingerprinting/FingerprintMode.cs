namespace DataIp.Domain.Fingerprinting;

/// <summary>What the leaves of a fingerprint's top tree are (docs/fingerprint-format.md §2–§3).</summary>
public enum FingerprintMode
{
    /// <summary>Files mode, JSON name <c>files</c>: one leaf per file record, each file a tree of fixed-size chunks.</summary>
    Files = 1,

    /// <summary>Rows mode, JSON name <c>rows</c>: one leaf per canonical row of a CSV or JSON Lines file.</summary>
    Rows = 2,
}
