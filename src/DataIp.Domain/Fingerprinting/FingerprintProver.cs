using System.Globalization;
using DataIp.Domain.TransparencyLog;

namespace DataIp.Domain.Fingerprinting;

/// <summary>
/// Builds inclusion proofs (docs/fingerprint-format.md §6) by recomputing the fingerprint with the
/// manifest's parameters, keeping 32 bytes per leaf; refuses when the recomputed root is not the
/// manifest's (the data changed). Errors throw <see cref="FingerprintException"/>
/// (<see cref="FingerprintErrorKind.DataChanged"/>, <see cref="FingerprintErrorKind.NotFound"/>,
/// or as <see cref="Fingerprinter"/>). Thread-safe: each call is independent.
/// </summary>
public static class FingerprintProver
{
    /// <summary>A proof that row <paramref name="number"/> (from 1) is in the rows-mode dataset.</summary>
    /// <param name="path">The CSV or JSON Lines file.</param>
    /// <param name="manifest">Its rows-mode manifest.</param>
    /// <param name="number">The row number, from 1.</param>
    /// <param name="progress">Receives progress; may be null.</param>
    /// <param name="cancellationToken">Stops the computation.</param>
    /// <returns>The row proof.</returns>
    /// <exception cref="ArgumentException">The manifest is not a rows-mode manifest.</exception>
    /// <exception cref="FingerprintException">The data changed, the row does not exist, or the input is bad.</exception>
    public static FingerprintProof ProveRow(string path, FingerprintManifest manifest, long number, IProgress<FingerprintProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var rows = manifest.Rows ?? throw new ArgumentException("A row proof needs a rows-mode manifest.", nameof(manifest));
        Fingerprinter.RequireRegularFile(path);
        var options = RowsOptions.From(Fingerprinter.AlgorithmOf(manifest), rows);
        var result = RowsComputation.Compute(path, options, number, progress, cancellationToken);
        RequireSameRoot(path, manifest, result.Root);
        if (number < 1 || number > result.RowCount)
        {
            throw new FingerprintException(FingerprintErrorKind.NotFound, path, string.Create(CultureInfo.InvariantCulture, $"couldn't prove row {number} of {path}: it has {result.RowCount} rows."));
        }

        var hash = FingerprintHash.For(options.Algorithm);
        var path2 = FingerprintTree.InclusionPath(hash, result.LeafHashes!.ToArray(), number - 1);
        return new FingerprintProof(options.Algorithm, FingerprintMode.Rows, result.Root, number - 1, result.RowCount, path2, new RowEvidence(number, result.CapturedRow!), null, null);
    }

    /// <summary>A proof that the file <paramref name="relativePath"/> (and, if asked, its chunk
    /// <paramref name="chunkIndex"/>) is in the files-mode dataset at <paramref name="path"/>.</summary>
    /// <param name="path">The file or directory that was fingerprinted.</param>
    /// <param name="manifest">Its files-mode manifest.</param>
    /// <param name="relativePath">The file's committed path ('/'-separated).</param>
    /// <param name="chunkIndex">The chunk to prove, from 0; null for a file proof.</param>
    /// <param name="threads">Threads for hashing; 0 for the processor count.</param>
    /// <param name="progress">Receives progress; may be null.</param>
    /// <param name="cancellationToken">Stops the computation.</param>
    /// <returns>The file or chunk proof.</returns>
    /// <exception cref="ArgumentException">The manifest is not a files-mode manifest.</exception>
    /// <exception cref="FingerprintException">The data changed, the file or chunk does not exist, or the input is bad.</exception>
    public static FingerprintProof ProveFile(
        string path, FingerprintManifest manifest, string relativePath, long? chunkIndex, int threads = 0, IProgress<FingerprintProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(relativePath);
        var summary = manifest.Files ?? throw new ArgumentException("A file proof needs a files-mode manifest.", nameof(manifest));
        var options = new FilesOptions(Fingerprinter.AlgorithmOf(manifest), summary.ChunkSize, threads);
        var wanted = relativePath.Normalize(System.Text.NormalizationForm.FormC);
        var files = DatasetWalk.List(path, cancellationToken);
        var result = FilesFingerprinter.Compute(files, options, new FilesCapture(wanted, chunkIndex), progress, cancellationToken);
        RequireSameRoot(path, manifest, result.Root);
        var index = result.Records.ToList().FindIndex(r => string.Equals(r.Path, wanted, StringComparison.Ordinal));
        if (index < 0)
        {
            throw new FingerprintException(FingerprintErrorKind.NotFound, path, $"couldn't prove \"{relativePath}\": the dataset at {path} has no file of that path.");
        }

        var hash = FingerprintHash.For(options.Algorithm);
        var record = result.Records[index];
        var auditPath = FingerprintTree.InclusionPath(hash, result.RecordLeafHashes.ToArray(), index);
        ChunkEvidence? chunk = null;
        if (chunkIndex is { } k)
        {
            var chunkHashes = result.CapturedChunkHashes!;
            if (k < 0 || k >= chunkHashes.Length)
            {
                throw new FingerprintException(FingerprintErrorKind.NotFound, path, string.Create(CultureInfo.InvariantCulture, $"couldn't prove chunk {k} of \"{relativePath}\": the file has {chunkHashes.Length} chunks."));
            }

            chunk = new ChunkEvidence(k, chunkHashes.Length, result.CapturedChunkData!, FingerprintTree.InclusionPath(hash, chunkHashes, k));
        }

        return new FingerprintProof(options.Algorithm, FingerprintMode.Files, result.Root, index, result.Records.Count, auditPath, null, record, chunk);
    }

    private static void RequireSameRoot(string path, FingerprintManifest manifest, Hash root)
    {
        if (root != manifest.Root)
        {
            throw new FingerprintException(FingerprintErrorKind.DataChanged, path, $"couldn't prove anything from {path}: its root is now {root}, not the manifest's {manifest.Root}; the data changed since it was fingerprinted.");
        }
    }
}
