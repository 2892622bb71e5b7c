using DataIp.Domain.Registration;
using DataIp.Domain.TransparencyLog;

namespace DataIp.Domain.Fingerprinting;

/// <summary>
/// What <c>dataip fingerprint</c> publishes about a dataset (docs/fingerprint-format.md §5): the
/// root, the parameters needed to recompute it, counts and a similarity sketch; never the data,
/// file names or column names. Exactly one of <see cref="Files"/> and <see cref="Rows"/> is set,
/// as <see cref="Mode"/> says. JSON form: <see cref="FingerprintJson"/>. Immutable.
/// </summary>
/// <param name="HashAlgorithm">H: SHA-256 or SM3.</param>
/// <param name="Mode">Files or rows.</param>
/// <param name="Root">The fingerprint root.</param>
/// <param name="Size">Bytes read: the sum of file sizes (files mode) or the file's size (rows mode).</param>
/// <param name="LeafCount">Leaves of the top tree: files or rows.</param>
/// <param name="Files">Files mode's parameters and counts; null in rows mode.</param>
/// <param name="Rows">Rows mode's parameters and counts; null in files mode.</param>
/// <param name="Sketch">The MinHash sketch.</param>
/// <param name="ComputedAt">When it was computed (written in UTC).</param>
/// <param name="Tool">The program and version, e.g. "dataip 1.0.0".</param>
public sealed record FingerprintManifest(
    FingerprintAlgorithm HashAlgorithm,
    FingerprintMode Mode,
    Hash Root,
    long Size,
    long LeafCount,
    FilesSummary? Files,
    RowsSummary? Rows,
    SimilaritySketch Sketch,
    DateTimeOffset ComputedAt,
    string Tool)
{
    /// <summary>The <c>format</c> field: <c>dataip-fingerprint</c>.</summary>
    public const string FormatName = "dataip-fingerprint";

    /// <summary>The only <c>version</c> this code writes and reads: 1.</summary>
    public const int FormatVersion = 1;
}

/// <summary>Files mode in a manifest: <c>{"count", "chunkSize", "chunkCount"}</c>.</summary>
/// <param name="Count">The number of files.</param>
/// <param name="ChunkSize">The chunk size in bytes, a power of two from 4,096 to 67,108,864.</param>
/// <param name="ChunkCount">The number of chunks over all files.</param>
public sealed record FilesSummary(long Count, int ChunkSize, long ChunkCount)
{
    /// <summary>The default chunk size: 1 MiB.</summary>
    public const int DefaultChunkSize = 1 << 20;

    /// <summary>The smallest chunk size: 4 KiB.</summary>
    public const int MinChunkSize = 1 << 12;

    /// <summary>The largest chunk size: 64 MiB.</summary>
    public const int MaxChunkSize = 1 << 26;

    /// <summary>Whether <paramref name="chunkSize"/> is allowed: a power of two in [4 KiB, 64 MiB].</summary>
    /// <param name="chunkSize">The candidate.</param>
    /// <returns>Whether it is allowed.</returns>
    public static bool IsValidChunkSize(long chunkSize) =>
        chunkSize is >= MinChunkSize and <= MaxChunkSize && (chunkSize & (chunkSize - 1)) == 0;
}

/// <summary>Rows mode in a manifest: <c>{"format", "encoding", "delimiter", "header", "count"}</c>.</summary>
/// <param name="Format">CSV or JSON Lines.</param>
/// <param name="Encoding">The text encoding.</param>
/// <param name="Delimiter">The CSV delimiter; null for JSON Lines.</param>
/// <param name="Header">Whether the CSV's first record is a header; null for JSON Lines.</param>
/// <param name="Count">The number of rows (the header is not a row).</param>
public sealed record RowsSummary(RowFormat Format, RowEncoding Encoding, char? Delimiter, bool? Header, long Count);
