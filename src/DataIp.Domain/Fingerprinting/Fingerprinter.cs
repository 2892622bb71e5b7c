using DataIp.Domain.Registration;

namespace DataIp.Domain.Fingerprinting;

/// <summary>
/// Computes fingerprints (docs/fingerprint-format.md): files mode over a file or directory tree,
/// rows mode over a CSV or JSON Lines file. The result is the same on every run, machine and
/// thread count. Problems with the input (unreadable paths, links, bad encodings, malformed rows)
/// throw <see cref="FingerprintException"/> with the path, line and column; cancellation throws
/// <see cref="OperationCanceledException"/>. Thread-safe: each call is independent.
/// </summary>
public static class Fingerprinter
{
    /// <summary>The files-mode fingerprint of <paramref name="path"/>.</summary>
    /// <param name="path">A regular file or a directory.</param>
    /// <param name="options">Hash, chunk size and threads.</param>
    /// <param name="time">The clock for <see cref="FingerprintManifest.ComputedAt"/>.</param>
    /// <param name="tool">The program and version for <see cref="FingerprintManifest.Tool"/>.</param>
    /// <param name="progress">Receives bytes done and total now and then; may be null.</param>
    /// <param name="cancellationToken">Stops the computation.</param>
    /// <returns>The manifest.</returns>
    /// <exception cref="FingerprintException">The input cannot be fingerprinted.</exception>
    public static FingerprintManifest FingerprintFiles(
        string path, FilesOptions options, TimeProvider time, string tool, IProgress<FingerprintProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        var files = DatasetWalk.List(path, cancellationToken);
        var result = FilesFingerprinter.Compute(files, options, null, progress, cancellationToken);
        return new FingerprintManifest(
            options.Algorithm,
            FingerprintMode.Files,
            result.Root,
            result.Size,
            files.Count,
            new FilesSummary(files.Count, options.ChunkSize, result.ChunkCount),
            null,
            result.Sketch,
            time.GetUtcNow(),
            tool);
    }

    /// <summary>The rows-mode fingerprint of the CSV or JSON Lines file <paramref name="path"/>.</summary>
    /// <param name="path">A regular file.</param>
    /// <param name="options">Hash, format, encoding, delimiter and header.</param>
    /// <param name="time">The clock for <see cref="FingerprintManifest.ComputedAt"/>.</param>
    /// <param name="tool">The program and version for <see cref="FingerprintManifest.Tool"/>.</param>
    /// <param name="progress">Receives bytes done and total now and then; may be null.</param>
    /// <param name="cancellationToken">Stops the computation.</param>
    /// <returns>The manifest.</returns>
    /// <exception cref="FingerprintException">The input cannot be fingerprinted.</exception>
    public static FingerprintManifest FingerprintRows(
        string path, RowsOptions options, TimeProvider time, string tool, IProgress<FingerprintProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        RequireRegularFile(path);
        var result = RowsComputation.Compute(path, options, null, progress, cancellationToken);
        return new FingerprintManifest(
            options.Algorithm,
            FingerprintMode.Rows,
            result.Root,
            result.Size,
            result.RowCount,
            null,
            new RowsSummary(
                options.Format,
                options.Encoding,
                options.Format == RowFormat.Csv ? options.Delimiter : null,
                options.Format == RowFormat.Csv ? options.Header : null,
                result.RowCount),
            result.Sketch,
            time.GetUtcNow(),
            tool);
    }

    /// <summary>The manifest's hash algorithm, refusing what this code cannot compute.</summary>
    internal static FingerprintAlgorithm AlgorithmOf(FingerprintManifest manifest) => FingerprintHash.For(manifest.HashAlgorithm).Algorithm;

    /// <summary>Rows mode reads one regular file: not a directory, a link, a pipe, a socket or a
    /// device (which is never opened: a pipe would block, docs/fingerprint-format.md §3).</summary>
    internal static void RequireRegularFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var info = new FileInfo(path);
        if (Directory.Exists(path))
        {
            throw new FingerprintException(FingerprintErrorKind.NotRegularFile, path, $"couldn't read {path} as rows: it is a directory (rows mode reads one CSV or JSON Lines file).");
        }

        if (!info.Exists)
        {
            throw new FingerprintException(FingerprintErrorKind.Unreadable, path, $"couldn't read {path}: no such file.");
        }

        if (EntryKinds.Of(info) is not EntryKind.RegularFile and var kind)
        {
            throw new FingerprintException(FingerprintErrorKind.NotRegularFile, path, $"couldn't read {path}: it is {EntryKinds.Describe(kind)}, not a regular file; only regular files are committed.");
        }
    }
}
