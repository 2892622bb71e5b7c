using System.CommandLine;
using DataIp.Cli.Fingerprints;
using DataIp.Domain.Fingerprinting;

namespace DataIp.Cli.Commands;

/// <summary>What <c>dataip prove</c> was asked to do.</summary>
/// <param name="Path">The fingerprinted file or directory.</param>
/// <param name="ManifestPath">Its manifest.</param>
/// <param name="Row">The row number (rows mode), or null.</param>
/// <param name="File">The file's committed path (files mode), or null.</param>
/// <param name="Chunk">The chunk index within <paramref name="File"/>, or null.</param>
/// <param name="OutPath">Where to write the proof; null for stdout.</param>
/// <param name="Threads">Hashing threads; 0 for the processor count.</param>
internal sealed record ProveRequest(string Path, string ManifestPath, long? Row, string? File, long? Chunk, string? OutPath, int Threads);

/// <summary>
/// <c>dataip prove PATH --manifest M (--row N | --file REL [--chunk K]) [--out proof.json]</c>
/// (M3 item 3): recomputes the fingerprint with the manifest's parameters, refuses if the root
/// differs (the data changed), and writes an inclusion proof (docs/fingerprint-format.md §6).
/// Exit 0 written, 1 refused (data changed, no such row/file/chunk, bad manifest), 2 usage.
/// </summary>
internal static class ProveCommand
{
    /// <summary>Builds <c>prove</c>.</summary>
    public static Command Build()
    {
        var path = new Argument<string>("path") { Description = "The file or directory that was fingerprinted." };
        var manifest = new Option<string>("--manifest") { Description = "Its manifest, as written by dataip fingerprint.", HelpName = "file", Required = true };
        var row = new Option<long?>("--row") { Description = "Prove this row (from 1) of a rows-mode fingerprint.", HelpName = "n" };
        var file = new Option<string?>("--file") { Description = "Prove this file (its path relative to PATH, '/'-separated) of a files-mode fingerprint.", HelpName = "rel" };
        var chunk = new Option<long?>("--chunk") { Description = "With --file: prove this chunk (from 0) of the file, with its bytes.", HelpName = "k" };
        var output = new Option<string?>("--out") { Description = "Write the proof to this file instead of stdout.", HelpName = "file" };
        var threads = FingerprintOptions.Threads();

        var command = new Command("prove", "Prove that a row, file or chunk is part of a fingerprinted dataset.") { path, manifest, row, file, chunk, output, threads };
        command.Validators.Add(result =>
        {
            var hasRow = result.GetValue(row) is not null;
            var hasFile = result.GetValue(file) is not null;
            if (hasRow == hasFile)
            {
                result.AddError("Give exactly one of --row and --file.");
            }
            else if (result.GetValue(chunk) is not null && !hasFile)
            {
                result.AddError("--chunk needs --file.");
            }
        });
        command.SetAction((parseResult, cancellationToken) =>
        {
            var request = new ProveRequest(
                parseResult.GetValue(path)!,
                parseResult.GetValue(manifest)!,
                parseResult.GetValue(row),
                parseResult.GetValue(file),
                parseResult.GetValue(chunk),
                parseResult.GetValue(output),
                parseResult.GetValue(threads));
            var configuration = parseResult.InvocationConfiguration;
            var progress = TerminalProgress.IsWanted(configuration.Error) ? new TerminalProgress(configuration.Error) : null;
            return Task.FromResult(Run(request, configuration.Output, configuration.Error, progress, cancellationToken));
        });
        return command;
    }

    /// <summary>Builds and writes the proof; see the class summary.</summary>
    /// <param name="request">What to prove.</param>
    /// <param name="output">Receives the proof when there is no --out.</param>
    /// <param name="error">Receives errors.</param>
    /// <param name="progress">The progress bar, or null; disposed here.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    /// <returns>An <see cref="ExitCodes"/> value.</returns>
    public static int Run(ProveRequest request, TextWriter output, TextWriter error, TerminalProgress? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(error);
        var manifest = FingerprintFiles.TryReadManifest(request.ManifestPath, out var manifestError, out var unreadable);
        if (manifest is null)
        {
            error.WriteLine($"--manifest: {manifestError}");
            return unreadable ? ExitCodes.UsageError : ExitCodes.Invalid;
        }

        if ((request.Row is not null) != (manifest.Mode == FingerprintMode.Rows))
        {
            error.WriteLine(manifest.Mode == FingerprintMode.Rows
                ? "The manifest is of rows mode: prove a row with --row N."
                : "The manifest is of files mode: prove a file with --file REL (and a chunk with --chunk K).");
            return ExitCodes.UsageError;
        }

        FingerprintProof proof;
        using (progress)
        {
            try
            {
                proof = request.Row is { } number
                    ? FingerprintProver.ProveRow(request.Path, manifest, number, progress, cancellationToken)
                    : FingerprintProver.ProveFile(request.Path, manifest, request.File!, request.Chunk, request.Threads, progress, cancellationToken);
            }
            catch (FingerprintException exception)
            {
                progress?.Dispose();
                error.WriteLine(exception.Message);
                return FingerprintFiles.ExitCodeOf(exception);
            }
        }

        if (!FingerprintFiles.TryWrite(request.OutPath, FingerprintJson.WriteProof(proof), output, out var writeError))
        {
            error.WriteLine(writeError);
            return ExitCodes.UsageError;
        }

        return ExitCodes.Success;
    }
}
