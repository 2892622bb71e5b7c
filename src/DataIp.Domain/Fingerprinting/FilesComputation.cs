using DataIp.Domain.TransparencyLog;

namespace DataIp.Domain.Fingerprinting;

/// <summary>Everything a files-mode pass found: the manifest's numbers, and what a prover needs
/// (32 bytes per file, and per chunk of the one file asked for).</summary>
internal sealed class FilesComputation
{
    public required Hash Root { get; init; }

    public required long Size { get; init; }

    public required long ChunkCount { get; init; }

    public required SimilaritySketch Sketch { get; init; }

    /// <summary>The file records, in committed order.</summary>
    public required IReadOnlyList<FileEvidence> Records { get; init; }

    /// <summary>The leaf hash of each file record.</summary>
    public required IReadOnlyList<Hash> RecordLeafHashes { get; init; }

    /// <summary>The chunk leaf hashes of the captured file, or null.</summary>
    public Hash[]? CapturedChunkHashes { get; init; }

    /// <summary>The bytes of the captured chunk, or null.</summary>
    public byte[]? CapturedChunkData { get; init; }
}

/// <summary>Which file (and chunk) a files-mode pass should keep for a proof.</summary>
/// <param name="Path">The committed path.</param>
/// <param name="ChunkIndex">The chunk whose bytes to keep, or null for a file proof.</param>
internal sealed record FilesCapture(string Path, long? ChunkIndex);
