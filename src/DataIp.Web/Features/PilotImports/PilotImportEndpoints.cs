namespace DataIp.Web.Features.PilotImports;

/// <summary>One row's problem as the API answers it.</summary>
/// <param name="Line">The file's line (1 is the header; 0 the whole file).</param>
/// <param name="Column">The column, if the problem is one value's.</param>
/// <param name="Code">What is wrong, e.g. <c>badIdentifier</c>.</param>
/// <param name="Message">The sentence.</param>
public sealed record ImportProblemView(int Line, string? Column, string Code, string Message)
{
    /// <summary>The view of a problem.</summary>
    public static ImportProblemView Of(ImportProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return new(problem.Line, problem.Column, JsonNaming.Camel(problem.Code), problem.Message);
    }
}

/// <summary>An import's report as the API answers it.</summary>
public sealed record ImportReportView(
    string Body, string Batch, bool DryRun, int Rows, int ImportedCount, int AlreadyImportedCount, int ErrorCount,
    IReadOnlyList<ImportedRow> Imported, IReadOnlyList<ImportedRow> AlreadyImported, IReadOnlyList<ImportProblemView> Errors)
{
    /// <summary>The view of a report.</summary>
    public static ImportReportView Of(ImportReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new(report.Body, report.Batch, report.DryRun, report.Rows, report.Imported.Count, report.AlreadyImported.Count, report.Errors.Count,
            report.Imported, report.AlreadyImported, [.. report.Errors.Select(ImportProblemView.Of)]);
    }
}

/// <summary><c>POST /api/v1/bodies/{code}/imports</c>: a pilot body's certificates from a CSV file (docs/import.md).</summary>
internal static class PilotImportEndpoints
{
    public static void MapPilotImportsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/bodies/{code}/imports", ImportAsync).WithTags("Registration bodies")
            .RequireAuthorization(Policies.Administrator)
            .Accepts<string>("text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName("ImportPilotCertificates")
            .WithSummary("Import a pilot body's pilot-era certificates from a UTF-8 CSV file (its administrator or a national administrator). "
                + "dryRun=true checks only; skipErrors=true imports the good rows of a file with bad ones; rows already imported are reported, not imported again.");
    }

    private static async Task<Results<Ok<ImportReportView>, ValidationProblem, ProblemHttpResult>> ImportAsync(
        string code, string? dryRun, string? skipErrors, string? batch, HttpRequest http, ClaimsPrincipal user, PilotImport import, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var dry = Flag(nameof(dryRun), dryRun, errors);
        var skip = Flag(nameof(skipErrors), skipErrors, errors);
        if (batch is not null && (batch.Length > PilotImport.MaxBatchLength || RegisterText.Problem(batch, singleLine: true) is { } bad))
        {
            errors[nameof(batch)] = [$"The batch name must be one line of at most {PilotImport.MaxBatchLength} characters without control characters."];
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        if (http.ContentType is not { } type || !type.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase))
        {
            return Problems.UnsupportedMediaType("The body must be the CSV file itself, as text/csv (UTF-8).");
        }

        var bytes = await RequestBodies.ReadBytesAsync(http, PilotImport.MaxBytes, ct).ConfigureAwait(false);
        var outcome = bytes is null
            ? new ImportOutcome(ImportResult.TooLarge, null, [new ImportProblem(0, null, ImportProblemCode.FileTooLarge, $"{PilotImport.MaxBytes >> 20} MiB")])
            : await import.RunAsync(code, new ImportRequest(bytes, batch ?? "upload.csv", dry, skip), ActingParty.From(user), ct).ConfigureAwait(false);
        return outcome.Result switch
        {
            ImportResult.Done => TypedResults.Ok(ImportReportView.Of(outcome.Report!)),
            ImportResult.BodyUnknown => Problems.NotFound($"Registration body {code}"),
            ImportResult.NotPermitted => Problems.Status(StatusCodes.Status403Forbidden, "Not permitted",
                "Only an administrator of this body or a national administrator may import its pilot-era certificates."),
            ImportResult.TooLarge => Problem(StatusCodes.Status413PayloadTooLarge, "File too large", outcome.Problems, null),
            ImportResult.FileRefused => Problem(StatusCodes.Status400BadRequest, "File refused", outcome.Problems, null),
            _ => Problem(StatusCodes.Status422UnprocessableEntity, "Rows refused", outcome.Report!.Errors, outcome.Report),
        };
    }

    // true/false (or 1/0); anything else is named.
    private static bool Flag(string name, string? value, Dictionary<string, string[]> errors)
    {
        switch (value?.ToLowerInvariant())
        {
            case null or "false" or "0":
                return false;
            case "true" or "1" or "":
                return true;
            default:
                errors[name] = [$"{name} is true or false."];
                return false;
        }
    }

    // The problems as errors keyed "line N" or "line N: column", with the structured list and the report beside them.
    private static ProblemHttpResult Problem(int status, string title, IReadOnlyList<ImportProblem> problems, ImportReport? report)
    {
        var errors = problems.GroupBy(Key).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray());
        var details = new HttpValidationProblemDetails(errors)
        {
            Status = status,
            Title = title,
            Detail = report is null
                ? $"The file cannot be imported: {problems[0].Message}"
                : $"{problems.Count} problem(s) in {problems.Select(p => p.Line).Distinct().Count()} row(s); nothing was imported. Correct them, or import the good rows with skipErrors=true.",
        };
        details.Extensions["problems"] = problems.Select(ImportProblemView.Of).ToList();
        if (report is not null)
        {
            details.Extensions["report"] = ImportReportView.Of(report);
        }

        return TypedResults.Problem(details);
    }

    private static string Key(ImportProblem problem) =>
        problem.Line == 0 ? "file" : problem.Column is null ? $"line {problem.Line}" : $"line {problem.Line}: {problem.Column}";
}
