using System.CommandLine;
using DataIp.Cli.Fingerprints;
using DataIp.Domain.Fingerprinting;

namespace DataIp.Cli.Commands;

/// <summary>What <c>dataip fingerprint</c> was asked to do.</summary>
/// <param name="Path">The file or directory.</param>
/// <param name="Hash">The hash function.</param>
/// <param name="Rows">The rows options, or null for files mode.</param>
/// <param name="Files">The files options (files mode), or null.</param>
/// <param name="OutPath">Where to write the manifest; null for stdout.</param>
internal sealed record FingerprintRequest(string Path, FingerprintHash Hash, RowsOptions? Rows, FilesOptions? Files, string? OutPath);

/// <summary>
/// <c>dataip fingerprint PATH [--hash sha256|sm3] [--rows csv|jsonl] [--encoding utf-8|gb18030]
/// [--delimiter C] [--no-header] [--chunk-size N] [--threads N] [--out FILE]</c> (M3 item 3):
/// computes the fingerprint (docs/fingerprint-format.md) and writes the manifest to --out or
/// stdout. A progress bar goes to stderr only when stderr is a terminal. Exit 0 done, 1 the
/// data was refused (encoding, malformed row, invalid path), 2 usage or an unreadable path.
/// </summary>
internal static class FingerprintCommand
{
    /// <summary>Builds <c>fingerprint</c>.</summary>
    public static Command Build()
    {
        var path = new Argument<string>("path") { Description = "The file or directory to fingerprint." };
        var hash = FingerprintOptions.Hash();
        var rows = new Option<string?>("--rows") { Description = "Fingerprint the rows of a CSV or JSON Lines file instead of its bytes.", HelpName = "csv|jsonl" };
        rows.AcceptOnlyFromAmong("csv", "jsonl");
        var encoding = new Option<string?>("--encoding") { Description = "The text encoding of --rows input (default utf-8).", HelpName = "utf-8|gb18030" };
        encoding.AcceptOnlyFromAmong("utf-8", "gb18030");
        var delimiter = new Option<string?>("--delimiter") { Description = "The CSV delimiter: one character, or 'tab' (default ',').", HelpName = "c" };
        var noHeader = new Option<bool>("--no-header") { Description = "The CSV has no header record: every record is a row." };
        var chunkSize = new Option<int?>("--chunk-size") { Description = "Files mode chunk size in bytes: a power of two from 4096 to 67108864 (default 1048576).", HelpName = "n" };
        var threads = FingerprintOptions.Threads();
        var output = new Option<string?>("--out") { Description = "Write the manifest to this file instead of stdout.", HelpName = "file" };

        var command = new Command("fingerprint", "Compute a dataset fingerprint and print its manifest (the data never leaves this machine).")
        {
            path, hash, rows, encoding, delimiter, noHeader, chunkSize, threads, output,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            var request = MakeRequest(parseResult, path, hash, rows, encoding, delimiter, noHeader, chunkSize, threads, output, out var usage);
            if (request is null)
            {
                error.WriteLine(usage);
                return Task.FromResult(ExitCodes.UsageError);
            }

            var progress = TerminalProgress.IsWanted(error) ? new TerminalProgress(error) : null;
            return Task.FromResult(Run(request, TimeProvider.System, parseResult.InvocationConfiguration.Output, error, progress, cancellationToken));
        });
        return command;
    }

    /// <summary>Fingerprints and writes the manifest; see the class summary.</summary>
    /// <param name="request">What to fingerprint.</param>
    /// <param name="time">The clock for the manifest's <c>computedAt</c>.</param>
    /// <param name="output">Receives the manifest when there is no --out.</param>
    /// <param name="error">Receives errors.</param>
    /// <param name="progress">The progress bar, or null; disposed here.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    /// <returns>An <see cref="ExitCodes"/> value.</returns>
    public static int Run(FingerprintRequest request, TimeProvider time, TextWriter output, TextWriter error, TerminalProgress? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(error);
        FingerprintManifest manifest;
        using (progress)
        {
            try
            {
                manifest = request.Rows is { } rows
                    ? Fingerprinter.FingerprintRows(request.Path, rows, time, FingerprintFiles.Tool, progress, cancellationToken)
                    : Fingerprinter.FingerprintFiles(request.Path, request.Files!, time, FingerprintFiles.Tool, progress, cancellationToken);
            }
            catch (FingerprintException exception)
            {
                progress?.Dispose();
                error.WriteLine(exception.Message);
                return FingerprintFiles.ExitCodeOf(exception);
            }
        }

        if (!FingerprintFiles.TryWrite(request.OutPath, FingerprintJson.WriteManifest(manifest), output, out var writeError))
        {
            error.WriteLine(writeError);
            return ExitCodes.UsageError;
        }

        if (request.OutPath is not null && progress is not null)
        {
            error.WriteLine($"root {manifest.Root} ({manifest.HashAlgorithm.ToString().ToUpperInvariant()}, {manifest.LeafCount} {(manifest.Mode == FingerprintMode.Rows ? "rows" : "files")}) written to {request.OutPath}");
        }

        return ExitCodes.Success;
    }

    private static FingerprintRequest? MakeRequest(
        ParseResult parse, Argument<string> path, Option<string> hash, Option<string?> rows, Option<string?> encoding, Option<string?> delimiter,
        Option<bool> noHeader, Option<int?> chunkSize, Option<int> threads, Option<string?> output, out string usage)
    {
        usage = string.Empty;
        if (!FingerprintHash.TryParse(parse.GetValue(hash), out var function))
        {
            usage = "--hash must be sha256 or sm3.";
            return null;
        }

        var algorithm = function.Algorithm;
        var format = parse.GetValue(rows);
        if (format is null)
        {
            if (parse.GetValue(encoding) is not null || parse.GetValue(delimiter) is not null || parse.GetValue(noHeader))
            {
                usage = "--encoding, --delimiter and --no-header apply to --rows only.";
                return null;
            }

            var size = parse.GetValue(chunkSize) ?? FilesSummary.DefaultChunkSize;
            if (!FilesSummary.IsValidChunkSize(size))
            {
                usage = $"--chunk-size must be a power of two from {FilesSummary.MinChunkSize} to {FilesSummary.MaxChunkSize}; got {size}.";
                return null;
            }

            return new FingerprintRequest(parse.GetValue(path)!, function, null, new FilesOptions(algorithm, size, parse.GetValue(threads)), parse.GetValue(output));
        }

        if (parse.GetValue(chunkSize) is not null)
        {
            usage = "--chunk-size applies to files mode only, not to --rows.";
            return null;
        }

        if (!FingerprintNames.TryParse(format, out RowFormat rowFormat) || !FingerprintNames.TryParse(parse.GetValue(encoding) ?? "utf-8", out RowEncoding rowEncoding))
        {
            usage = "--rows must be csv or jsonl, and --encoding utf-8 or gb18030.";
            return null;
        }

        if (!FingerprintOptions.TryParseDelimiter(parse.GetValue(delimiter), out var separator))
        {
            usage = "--delimiter must be one character other than '\"', CR or LF (or 'tab').";
            return null;
        }

        if (rowFormat == RowFormat.JsonLines && (parse.GetValue(delimiter) is not null || parse.GetValue(noHeader)))
        {
            usage = "--delimiter and --no-header apply to --rows csv only.";
            return null;
        }

        var options = new RowsOptions(algorithm, rowFormat, rowEncoding, separator, !parse.GetValue(noHeader));
        return new FingerprintRequest(parse.GetValue(path)!, function, options, null, parse.GetValue(output));
    }
}
