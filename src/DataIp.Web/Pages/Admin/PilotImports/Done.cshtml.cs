namespace DataIp.Web.Pages.Admin.PilotImports;

/// <summary>
/// /admin/imports/done: what an import did (the counts it redirected with) and the registrations the
/// body imported since it began, each linked; what happens next: they are on the register now, their
/// certificates verify by both numbers, and the holders may act on them once their accounts are verified.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class DoneModel(RegistryDbContext db) : PageModel
{
    /// <summary>The most registrations listed.</summary>
    public const int MaxListed = 50;

    [FromQuery(Name = "body")]
    public string? Body { get; set; }

    [FromQuery(Name = "since")]
    public long Since { get; set; }

    [FromQuery(Name = "imported")]
    public int Imported { get; set; }

    [FromQuery(Name = "already")]
    public int Already { get; set; }

    [FromQuery(Name = "refused")]
    public int Refused { get; set; }

    /// <summary>The registrations imported since the import began, the latest first.</summary>
    public IReadOnlyList<(string PilotNumber, string? RegistrationNumber, string? CertificateNumber, string DataName)> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var party = ActingParty.From(User);
        var body = await db.Bodies.AsNoTracking().SingleOrDefaultAsync(b => b.Code == Body, ct).ConfigureAwait(false);
        if (body is null || !Features.PilotImports.PilotImport.MayImport(party, body.Id) || Since < 0 || Since > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
        {
            return NotFound();
        }

        var since = DateTimeOffset.FromUnixTimeMilliseconds(Since);
        var rows = await (from alias in db.PilotAliases.AsNoTracking()
                          join app in db.Applications on alias.ApplicationId equals app.Id
                          where alias.BodyId == body.Id && alias.ImportedAt >= since
                          orderby alias.ImportedAt descending
                          select new { alias.PilotNumber, app.RegistrationNumber, app.CertificateNumber, app.DataName })
            .Take(MaxListed).ToListAsync(ct).ConfigureAwait(false);
        Rows = [.. rows.Select(r => (r.PilotNumber, r.RegistrationNumber, r.CertificateNumber, r.DataName))];
        return Page();
    }
}
