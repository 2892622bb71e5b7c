using System.Globalization;
using System.Text;
using DataIp.Data.Bodies;
using DataIp.Web.Features.PilotImports;

namespace DataIp.Web.Pages.Admin.PilotImports;

/// <summary>
/// /admin/imports (a body's administrator for its body, a national one for any): upload a pilot
/// body's CSV file (docs/import.md), see every row it would refuse with its line, column and reason,
/// then import. Both steps run <see cref="PilotImport"/>, the API's use case. The checked file is
/// kept in the form (a hidden field), so nothing is stored between the two steps; a file with bad
/// rows imports nothing unless "skip errors" is chosen.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
[RequestSizeLimit(MaxBody)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBody, ValueLengthLimit = MaxBody)]
public sealed class IndexModel(RegistryDbContext db, PilotImport import, TimeProvider clock) : PageModel
{
    // The file, and again as the kept text after a check, with the form's other fields.
    private const int MaxBody = (PilotImport.MaxBytes * 3) + (64 << 10);

    /// <summary>The bodies the administrator may import for.</summary>
    public IReadOnlyList<RegistrationBody> Bodies { get; private set; } = [];

    /// <summary>The body chosen.</summary>
    [BindProperty]
    public string? Body { get; set; }

    /// <summary>Import the good rows of a file with bad ones.</summary>
    [BindProperty]
    public bool SkipErrors { get; set; }

    /// <summary>The checked file's text, kept for the import step.</summary>
    [BindProperty]
    public string? Csv { get; set; }

    /// <summary>The checked file's name.</summary>
    [BindProperty]
    public string? FileName { get; set; }

    /// <summary>The check's report, after a check.</summary>
    public ImportReport? Report { get; private set; }

    /// <summary>The form's errors.</summary>
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct).ConfigureAwait(false);

    /// <summary>Checks the uploaded file: the report, nothing written.</summary>
    public async Task<IActionResult> OnPostCheckAsync(IFormFile? file, CancellationToken ct)
    {
        await LoadAsync(ct).ConfigureAwait(false);
        var bytes = await ReadAsync(file, ct).ConfigureAwait(false);
        if (bytes is null)
        {
            return Refused();
        }

        FileName = Path.GetFileName(file!.FileName);
        var outcome = await import.RunAsync(Body ?? "", new ImportRequest(bytes, FileName, DryRun: true, SkipErrors: true), ActingParty.From(User), ct).ConfigureAwait(false);
        if (Answer(outcome) is { } refused)
        {
            return refused;
        }

        Report = outcome.Report;
        Csv = Encoding.UTF8.GetString(bytes);
        return Page();
    }

    /// <summary>Imports the checked file, then the confirmation.</summary>
    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        await LoadAsync(ct).ConfigureAwait(false);
        if (string.IsNullOrEmpty(Csv))
        {
            Errors = [new FieldError("file", Text.Get("Import.Page.NoFile"))];
            return Refused();
        }

        var since = clock.GetUtcNow();
        var outcome = await import.RunAsync(Body ?? "", new ImportRequest(Encoding.UTF8.GetBytes(Csv), FileName ?? "upload.csv", DryRun: false, SkipErrors), ActingParty.From(User), ct)
            .ConfigureAwait(false);
        if (Answer(outcome) is { } refused)
        {
            return refused;
        }

        if (outcome.Result == ImportResult.RowErrors)
        {
            Report = outcome.Report;
            Errors = [new FieldError("skip-errors", Text.Format("Import.Page.RowsRefused", outcome.Report!.Errors.Select(e => e.Line).Distinct().Count()))];
            return Refused();
        }

        var report = outcome.Report!;
        return Redirect(string.Create(CultureInfo.InvariantCulture,
            $"/admin/imports/done?body={report.Body}&since={since.ToUnixTimeMilliseconds()}&imported={report.Imported.Count}&already={report.AlreadyImported.Count}&refused={report.Errors.Select(e => e.Line).Distinct().Count()}"));
    }

    // A refusal of the whole request or file as the form's error; null to go on (done, or rows refused).
    private PageResult? Answer(ImportOutcome outcome)
    {
        switch (outcome.Result)
        {
            case ImportResult.BodyUnknown or ImportResult.NotPermitted:
                Errors = [new FieldError("body", Text.Get("Import.Page.BodyError"))];
                return Refused();
            case ImportResult.FileRefused or ImportResult.TooLarge:
                Errors = [.. outcome.Problems.Select(p => new FieldError("file", Where(p) + p.PageMessage))];
                Csv = null;
                return Refused();
            default:
                return null;
        }
    }

    /// <summary>Where a problem is, in the page's words.</summary>
    public static string Where(ImportProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return problem.Line == 0 ? "" : Text.Format("Import.Page.AtLine", problem.Line);
    }

    private async Task<byte[]?> ReadAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            Errors = [new FieldError("file", Text.Get("Import.Page.NoFile"))];
            return null;
        }

        if (file.Length > PilotImport.MaxBytes)
        {
            Errors = [new FieldError("file", Text.Format("Import.Problem.FileTooLarge", $"{PilotImport.MaxBytes >> 20} MiB"))];
            return null;
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct).ConfigureAwait(false);
        return buffer.ToArray();
    }

    private PageResult Refused()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var party = ActingParty.From(User);
        Bodies = await db.Bodies.AsNoTracking().Where(b => party.BodyId == null || b.Id == party.BodyId).OrderBy(b => b.Code).ToListAsync(ct).ConfigureAwait(false);
        Body ??= Bodies.Count == 1 ? Bodies[0].Code : null;
    }
}
