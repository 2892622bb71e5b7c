using System.Globalization;
using DataIp.Data.Pilots;
using DataIp.Domain.Calendar;

namespace DataIp.Web.Features.PilotImports;

/// <summary>What an import request came to.</summary>
public enum ImportResult
{
    /// <summary>Done (or, in a dry run, checked): the report says what.</summary>
    Done,

    /// <summary>Rows have problems and errors were not to be skipped: nothing imported; the report lists them.</summary>
    RowErrors,

    /// <summary>The file as a whole cannot be read (encoding, quotes, header, size, rows): nothing imported.</summary>
    FileRefused,

    /// <summary>The file is larger than <see cref="PilotImport.MaxBytes"/>.</summary>
    TooLarge,

    /// <summary>No body has that code.</summary>
    BodyUnknown,

    /// <summary>The party is not an administrator of the body nor a national one.</summary>
    NotPermitted,
}

/// <summary>An import's outcome: its result, the report and the file's problems.</summary>
public sealed record ImportOutcome(ImportResult Result, ImportReport? Report, IReadOnlyList<ImportProblem> Problems);

/// <summary>A file to import.</summary>
/// <param name="Bytes">The file as uploaded.</param>
/// <param name="Batch">Its name, recorded with each act.</param>
/// <param name="DryRun">Check only: write nothing.</param>
/// <param name="SkipErrors">Import the good rows of a file with bad ones (and report the bad ones).</param>
public sealed record ImportRequest(byte[] Bytes, string Batch, bool DryRun, bool SkipErrors);

/// <summary>
/// Imports a pilot body's certificates from a CSV file (docs/import.md): the one use case the API
/// (<see cref="PilotImportEndpoints"/>) and the administrator's page run. Every row is checked
/// before anything is written; a file with a bad row imports nothing unless its errors are to be
/// skipped. Each row then goes in as its own transaction (<see cref="PilotRegistration"/>): its
/// <c>importRegistration</c> act, registration, holders, alias and certificate commit together or
/// not at all, so a run that stops halfway leaves whole rows only, and running the file again
/// imports the rest: a row whose pilot-era number the body already has is reported as already
/// imported and skipped (the alias table's unique key makes that hold even for two runs at once).
/// </summary>
public sealed class PilotImport(RegistryDbContext db, TimeProvider clock, PilotRegistration registration)
{
    /// <summary>The largest file: 4 MiB, some 10,000 rows of full particulars.</summary>
    public const int MaxBytes = 4 << 20;

    /// <summary>The most rows of one file (header excluded): a pilot's whole register fits in one (8,700 certificates for all 17).</summary>
    public const int MaxRows = 10_000;

    /// <summary>The longest batch name kept.</summary>
    public const int MaxBatchLength = 200;

    /// <summary>Checks, and unless it is a dry run imports, a file for a body.</summary>
    public async Task<ImportOutcome> RunAsync(string bodyCode, ImportRequest request, ActingParty party, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(party);
        var body = await db.Bodies.AsNoTracking().SingleOrDefaultAsync(b => b.Code == bodyCode, ct).ConfigureAwait(false);
        if (body is null)
        {
            return new(ImportResult.BodyUnknown, null, []);
        }

        if (!MayImport(party, body.Id))
        {
            return new(ImportResult.NotPermitted, null, []);
        }

        if (request.Bytes.Length > MaxBytes)
        {
            return new(ImportResult.TooLarge, null, [new ImportProblem(0, null, ImportProblemCode.FileTooLarge, $"{MaxBytes >> 20} MiB")]);
        }

        var (rows, fileProblems) = Parse(request.Bytes, ChinaTime.ToChinaDate(clock.GetUtcNow()));
        if (rows is null)
        {
            return new(ImportResult.FileRefused, null, fileProblems);
        }

        var (good, errors) = rows.Value;
        var already = await AlreadyImportedAsync(body.Id, good, ct).ConfigureAwait(false);
        var toImport = good.Where(r => !already.ContainsKey(r.PilotNumber)).ToList();
        var batch = Batch(request.Batch);
        var alreadyRows = good.Where(r => already.ContainsKey(r.PilotNumber))
            .Select(r => new ImportedRow(r.Line, r.PilotNumber, already[r.PilotNumber].RegistrationNumber, already[r.PilotNumber].CertificateNumber)).ToList();
        var rowCount = good.Count + errors.Select(e => e.Line).Distinct().Count();
        if (errors.Count > 0 && !request.SkipErrors)
        {
            return new(ImportResult.RowErrors, new ImportReport(body.Code, batch, request.DryRun, rowCount, [], alreadyRows, errors), []);
        }

        if (request.DryRun)
        {
            return new(ImportResult.Done, new ImportReport(body.Code, batch, true, rowCount,
                [.. toImport.Select(r => new ImportedRow(r.Line, r.PilotNumber, null, null))], alreadyRows, errors), []);
        }

        var imported = new List<ImportedRow>();
        foreach (var row in toImport)
        {
            var done = await registration.ImportAsync(body.Id, row, batch, party, ct).ConfigureAwait(false);
            (done.Imported ? imported : alreadyRows).Add(done.Row);
        }

        return new(ImportResult.Done, new ImportReport(body.Code, batch, false, rowCount, imported, [.. alreadyRows.OrderBy(r => r.Line)], errors), []);
    }

    /// <summary>Whether the party may import for the body: an administrator of it, or a national one.</summary>
    public static bool MayImport(ActingParty party, int bodyId) =>
        party is { Role: AccountRole.Administrator, AccountId: not null } && (party.BodyId is null || party.BodyId == bodyId);

    // Every row checked; a problem of the file as a whole (its encoding, quotes, header, size) stops it.
    private static ((List<PilotCertificate> Good, List<ImportProblem> Errors)? Rows, List<ImportProblem> Problems) Parse(byte[] bytes, DateOnly today)
    {
        var (records, problem) = PilotCsv.Read(bytes, MaxRows + 1);
        if (problem is not null)
        {
            return (null, [problem]);
        }

        if (records!.Count < 2)
        {
            return (null, [new ImportProblem(records.Count == 0 ? 0 : 1, null, ImportProblemCode.NoRows)]);
        }

        var (index, headerProblems) = PilotRows.Header(records[0]);
        if (headerProblems.Count > 0)
        {
            return (null, headerProblems);
        }

        var good = new List<PilotCertificate>();
        var errors = new List<ImportProblem>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var record in records.Skip(1))
        {
            var (certificate, problems) = PilotRows.Check(record, index, records[0].Fields.Count, today);
            errors.AddRange(problems);
            if (certificate is null)
            {
                continue;
            }

            if (seen.TryGetValue(certificate.PilotNumber, out var first))
            {
                errors.Add(new ImportProblem(record.Line, "pilot_certificate_number", ImportProblemCode.DuplicateInFile, first.ToString(CultureInfo.InvariantCulture)));
                continue;
            }

            seen[certificate.PilotNumber] = record.Line;
            good.Add(certificate);
        }

        return ((good, errors), []);
    }

    // The body's aliases among the file's numbers, read in chunks (a query's parameters are limited).
    private async Task<Dictionary<string, PilotAliasMatch>> AlreadyImportedAsync(int bodyId, List<PilotCertificate> rows, CancellationToken ct)
    {
        var found = new Dictionary<string, PilotAliasMatch>(StringComparer.Ordinal);
        foreach (var chunk in rows.Select(r => r.PilotNumber).Chunk(500))
        {
            var matches = await (from alias in db.PilotAliases.AsNoTracking()
                                 join app in db.Applications on alias.ApplicationId equals app.Id
                                 where alias.BodyId == bodyId && chunk.Contains(alias.PilotNumber)
                                 select new PilotAliasMatch(alias.PilotNumber, "", alias.ApplicationId, app.RegistrationNumber, app.CertificateNumber))
                .ToListAsync(ct).ConfigureAwait(false);
            foreach (var match in matches)
            {
                found[match.PilotNumber] = match;
            }
        }

        return found;
    }

    private static string Batch(string? name)
    {
        var batch = string.IsNullOrWhiteSpace(name) ? "upload.csv" : Path.GetFileName(name.Trim());
        batch = RegisterText.Problem(batch, singleLine: true) is null ? batch : "upload.csv";
        return batch.Length <= MaxBatchLength ? batch : batch[..MaxBatchLength];
    }
}
