using DataIp.Domain.Registration;
using DataIp.Domain.TransparencyLog;

namespace DataIp.Domain.Fingerprinting;

/// <summary>
/// An inclusion proof for one row, file or chunk of a fingerprinted dataset
/// (docs/fingerprint-format.md §6). It carries the evidence itself (a row's canonical JSON, a file
/// record, a chunk's bytes) and the audit path; the root it is checked against comes from
/// elsewhere (<see cref="FingerprintProofChecker"/>). A row proof has <see cref="Row"/>; a file
/// proof has <see cref="File"/>; a chunk proof has <see cref="File"/> and <see cref="Chunk"/>.
/// JSON form: <see cref="FingerprintJson"/>. Immutable.
/// </summary>
/// <param name="HashAlgorithm">H.</param>
/// <param name="Mode">Rows for a row proof, files for a file or chunk proof.</param>
/// <param name="Root">The fingerprint root the proof claims to lead to.</param>
/// <param name="LeafIndex">The leaf in the top tree: row number − 1, or the file's position in path order.</param>
/// <param name="LeafCount">The number of leaves of the top tree.</param>
/// <param name="AuditPath">The top tree's audit path, bottom-up.</param>
/// <param name="Row">The row, for a row proof.</param>
/// <param name="File">The file record, for a file or chunk proof.</param>
/// <param name="Chunk">The chunk, for a chunk proof.</param>
public sealed record FingerprintProof(
    FingerprintAlgorithm HashAlgorithm,
    FingerprintMode Mode,
    Hash Root,
    long LeafIndex,
    long LeafCount,
    IReadOnlyList<Hash> AuditPath,
    RowEvidence? Row,
    FileEvidence? File,
    ChunkEvidence? Chunk)
{
    /// <summary>The <c>format</c> field: <c>dataip-fingerprint-proof</c>.</summary>
    public const string FormatName = "dataip-fingerprint-proof";

    /// <summary>The only <c>version</c> this code writes and reads: 1.</summary>
    public const int FormatVersion = 1;

    /// <summary>Which kind of proof this is, from the evidence it carries.</summary>
    public FingerprintProofKind Kind => Row is not null ? FingerprintProofKind.Row
        : Chunk is not null ? FingerprintProofKind.Chunk
        : FingerprintProofKind.File;
}

/// <summary>The three kinds of <see cref="FingerprintProof"/>.</summary>
public enum FingerprintProofKind
{
    /// <summary>A row of rows mode.</summary>
    Row = 1,

    /// <summary>A file of files mode.</summary>
    File = 2,

    /// <summary>A chunk of a file of files mode.</summary>
    Chunk = 3,
}

/// <summary>The row of a row proof: its number and its canonical JSON (the leaf data).</summary>
/// <param name="Number">The row number, from 1.</param>
/// <param name="CanonicalData">JCS of the row (RFC 8785, UTF-8): the exact leaf data.</param>
public sealed record RowEvidence(long Number, ReadOnlyMemory<byte> CanonicalData);

/// <summary>The file record of a file or chunk proof (§2.6).</summary>
/// <param name="Path">The file's relative path, '/'-separated, NFC.</param>
/// <param name="Size">The file's size in bytes.</param>
/// <param name="Root">The root over the file's chunks.</param>
public sealed record FileEvidence(string Path, long Size, Hash Root);

/// <summary>The chunk of a chunk proof: its position, bytes and path to the file's root.</summary>
/// <param name="Index">The chunk index within the file, from 0.</param>
/// <param name="Count">The number of chunks of the file.</param>
/// <param name="Data">The chunk's bytes.</param>
/// <param name="AuditPath">The audit path from the chunk to the file root, bottom-up.</param>
public sealed record ChunkEvidence(long Index, long Count, ReadOnlyMemory<byte> Data, IReadOnlyList<Hash> AuditPath);
