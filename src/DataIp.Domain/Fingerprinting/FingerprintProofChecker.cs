using DataIp.Domain.TransparencyLog;
using static System.FormattableString;

namespace DataIp.Domain.Fingerprinting;

/// <summary>Why a fingerprint proof did not verify; <see cref="None"/> when it did.</summary>
public enum FingerprintProofFailure
{
    /// <summary>The proof verified.</summary>
    None = 0,

    /// <summary>The proof names another root than the one it is checked against: a proof for another dataset.</summary>
    RootMismatch,

    /// <summary>The parts of the proof do not fit together: wrong evidence for its mode, a leaf
    /// index that is not the row number − 1, a negative size or count.</summary>
    Inconsistent,

    /// <summary>An index is not below its count (the leaf index, or the chunk index).</summary>
    IndexOutOfRange,

    /// <summary>An audit path has the wrong number of hashes for its index and count.</summary>
    WrongPathLength,

    /// <summary>The chunk does not lead to the file's root: an altered chunk byte, chunk index or sibling.</summary>
    ChunkNotInFile,

    /// <summary>The leaf does not lead to the root: an altered row, file record, index or sibling.</summary>
    LeafNotInTree,
}

/// <summary>The outcome of <see cref="FingerprintProofChecker.Check"/>: valid, or the failure and
/// a message saying what did not hold. A class so that no default value passes for valid. Immutable.</summary>
public sealed class FingerprintProofCheck
{
    private FingerprintProofCheck(FingerprintProofFailure failure, string message)
    {
        Failure = failure;
        Message = message;
    }

    /// <summary>The outcome of a proof that verified.</summary>
    public static FingerprintProofCheck Valid { get; } = new(FingerprintProofFailure.None, "The proof is valid.");

    /// <summary>Whether the proof verified.</summary>
    public bool IsValid => Failure == FingerprintProofFailure.None;

    /// <summary>Why not; <see cref="FingerprintProofFailure.None"/> when valid.</summary>
    public FingerprintProofFailure Failure { get; }

    /// <summary>What was checked and did not hold.</summary>
    public string Message { get; }

    /// <summary>The message.</summary>
    /// <returns><see cref="Message"/>.</returns>
    public override string ToString() => Message;

    internal static FingerprintProofCheck Fail(FingerprintProofFailure failure, string message) => new(failure, message);
}

/// <summary>
/// Verifies a <see cref="FingerprintProof"/> offline against a trusted root (from a manifest, the
/// command line or the register), per docs/fingerprint-format.md §6: the proof's root must be
/// the expected one, its parts consistent, the chunk (if any) must lead to the file root and the
/// leaf to the root. Never throws on a bad proof. Thread-safe: pure.
/// </summary>
public static class FingerprintProofChecker
{
    /// <summary>Checks <paramref name="proof"/> against <paramref name="expectedRoot"/>.</summary>
    /// <param name="proof">The proof as read (<see cref="FingerprintJson.ReadProof"/>).</param>
    /// <param name="expectedRoot">The root the dataset was registered with.</param>
    /// <returns>Valid, or why not.</returns>
    public static FingerprintProofCheck Check(FingerprintProof proof, Hash expectedRoot)
    {
        ArgumentNullException.ThrowIfNull(proof);
        if (proof.Root != expectedRoot)
        {
            return FingerprintProofCheck.Fail(FingerprintProofFailure.RootMismatch, $"The proof is for root {proof.Root}, not for the expected root {expectedRoot}.");
        }

        var hash = FingerprintHash.For(proof.HashAlgorithm);
        if (CheckShape(proof) is { } misshapen)
        {
            return misshapen;
        }

        if (proof.Chunk is { } chunk && CheckChunk(hash, chunk, proof.File!) is { } badChunk)
        {
            return badChunk;
        }

        var leaf = proof.Row is { } row
            ? hash.HashLeaf(row.CanonicalData.Span)
            : hash.HashLeaf(FileRecord.Canonical(proof.File!.Path, proof.File.Size, proof.File.Root));
        var top = FingerprintTree.VerifyInclusion(hash, (ulong)proof.LeafIndex, (ulong)proof.LeafCount, leaf, proof.AuditPath, expectedRoot);
        return top.IsValid ? FingerprintProofCheck.Valid : FromTree(top, FingerprintProofFailure.LeafNotInTree, Describe(proof));
    }

    private static FingerprintProofCheck? CheckShape(FingerprintProof proof)
    {
        if (!Enum.IsDefined(proof.HashAlgorithm))
        {
            return Inconsistent("The proof's hash algorithm is not sha256 or sm3.");
        }

        if (proof.LeafIndex < 0 || proof.LeafCount < 0)
        {
            return Inconsistent("The proof's leaf index and leaf count must not be negative.");
        }

        return proof.Mode switch
        {
            FingerprintMode.Rows when proof.Row is null || proof.File is not null || proof.Chunk is not null =>
                Inconsistent("A rows-mode proof must carry a row and no file or chunk."),
            FingerprintMode.Rows when proof.Row!.Number - 1 != proof.LeafIndex =>
                Inconsistent(Invariant($"Row {proof.Row.Number} is leaf {proof.Row.Number - 1}, but the proof says leaf {proof.LeafIndex}.")),
            FingerprintMode.Files when proof.File is null || proof.Row is not null =>
                Inconsistent("A files-mode proof must carry a file and no row."),
            FingerprintMode.Files when proof.File!.Size < 0 || proof.Chunk is { Index: < 0 } or { Count: < 0 } =>
                Inconsistent("A file size, chunk index or chunk count must not be negative."),
            FingerprintMode.Rows or FingerprintMode.Files => null,
            _ => Inconsistent("The proof's mode is not files or rows."),
        };
    }

    private static FingerprintProofCheck? CheckChunk(FingerprintHash hash, ChunkEvidence chunk, FileEvidence file)
    {
        var leaf = hash.HashLeaf(chunk.Data.Span);
        var result = FingerprintTree.VerifyInclusion(hash, (ulong)chunk.Index, (ulong)chunk.Count, leaf, chunk.AuditPath, file.Root);
        return result.IsValid
            ? null
            : FromTree(result, FingerprintProofFailure.ChunkNotInFile, Invariant($"chunk {chunk.Index} of {chunk.Count} of file \"{file.Path}\""));
    }

    private static FingerprintProofCheck FromTree(ProofVerification result, FingerprintProofFailure mismatch, string what)
    {
        var failure = result.Failure switch
        {
            ProofFailure.IndexOutOfRange => FingerprintProofFailure.IndexOutOfRange,
            ProofFailure.WrongProofLength => FingerprintProofFailure.WrongPathLength,
            _ => mismatch,
        };
        return FingerprintProofCheck.Fail(failure, $"The proof of {what} does not verify: {result.Message}");
    }

    private static string Describe(FingerprintProof proof) => proof.Row is { } row
        ? Invariant($"row {row.Number}")
        : Invariant($"file \"{proof.File!.Path}\" (leaf {proof.LeafIndex} of {proof.LeafCount})");

    private static FingerprintProofCheck Inconsistent(string message) => FingerprintProofCheck.Fail(FingerprintProofFailure.Inconsistent, message);
}
