using DataIp.Domain.Fingerprinting;

namespace DataIp.Domain.Registration;

/// <summary>
/// The hash of the registered data as computed for evidence preservation (DOMAIN §8): the data stays
/// with the holder, the fingerprint proves later what it was. Either the manifest written by
/// <c>dataip fingerprint</c> (docs/fingerprint-format.md §5: <see cref="Format"/> is
/// <c>dataip-fingerprint</c>), taken as it is, or a plain hash computed by another tool
/// (<see cref="Format"/> absent: only algorithm, root, size and time), which can be neither
/// proven against row by row nor compared with other datasets.
/// </summary>
public sealed record DataFingerprint
{
    /// <summary>The manifest's format name, <c>dataip-fingerprint</c>; absent for a plain hash.</summary>
    public string? Format { get; init; }

    /// <summary>The manifest's format version; 1.</summary>
    public int? Version { get; init; }

    /// <summary>The hash function used.</summary>
    public FingerprintAlgorithm? HashAlgorithm { get; init; }

    /// <summary>What the tree's leaves are: files or rows (manifests only).</summary>
    public FingerprintMode? Mode { get; init; }

    /// <summary>The hash (or Merkle root over the data's files): 64 lowercase hexadecimal digits.</summary>
    public string? Root { get; init; }

    /// <summary>Size of the hashed data in bytes, positive.</summary>
    public long? Size { get; init; }

    /// <summary>Leaves of the top tree: files or rows (manifests only).</summary>
    public long? LeafCount { get; init; }

    /// <summary>Files mode: how the files were cut.</summary>
    public FingerprintFiles? Files { get; init; }

    /// <summary>Rows mode: how the rows were read.</summary>
    public FingerprintRows? Rows { get; init; }

    /// <summary>The similarity sketch (manifests only).</summary>
    public FingerprintSketch? Sketch { get; init; }

    /// <summary>When the fingerprint was computed; not after the validation date.</summary>
    public DateTimeOffset? ComputedAt { get; init; }

    /// <summary>The program that computed it, e.g. <c>dataip 1.0.0</c>.</summary>
    public string? Tool { get; init; }
}

/// <summary>Files-mode particulars of a manifest.</summary>
public sealed record FingerprintFiles
{
    /// <summary>Number of files.</summary>
    public long? Count { get; init; }

    /// <summary>Chunk size in bytes: a power of two from 4,096 to 67,108,864.</summary>
    public int? ChunkSize { get; init; }

    /// <summary>Number of chunks over all files.</summary>
    public long? ChunkCount { get; init; }
}

/// <summary>Rows-mode particulars of a manifest.</summary>
public sealed record FingerprintRows
{
    /// <summary>CSV or JSON Lines.</summary>
    public RowFormat? Format { get; init; }

    /// <summary>The text encoding, e.g. <c>utf-8</c> or <c>gb18030</c>.</summary>
    public string? Encoding { get; init; }

    /// <summary>CSV only: the delimiter, one character.</summary>
    public string? Delimiter { get; init; }

    /// <summary>CSV only: whether the first record was a header.</summary>
    public bool? Header { get; init; }

    /// <summary>Number of rows.</summary>
    public long? Count { get; init; }
}

/// <summary>A MinHash similarity sketch (docs/fingerprint-format.md §4).</summary>
public sealed record FingerprintSketch
{
    /// <summary><c>minhash-splitmix64</c>.</summary>
    public string? Algorithm { get; init; }

    /// <summary>Number of values: 128.</summary>
    public int? K { get; init; }

    /// <summary>What the features are: <c>rows</c> or <c>content-chunks</c>.</summary>
    public string? Features { get; init; }

    /// <summary>Features seen, with repetition.</summary>
    public long? FeatureCount { get; init; }

    /// <summary>The values, base64 of 128 × 8 bytes little-endian.</summary>
    public string? Values { get; init; }
}
