namespace DataIp.Web.Pages.Notices;

/// <summary>The confirmation after an objection (anyone): what happens next. It names no objector.</summary>
[AllowAnonymous]
public sealed class FiledModel(RegistryDbContext db) : PageModel
{
    /// <summary>The application objected to.</summary>
    public string ApplicationNumber { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string applicationNumber, CancellationToken ct)
    {
        var underNotice = await db.Applications.AnyAsync(a => a.ApplicationNumber == applicationNumber && a.NoticeStartedAt != null, ct).ConfigureAwait(false);
        if (!underNotice)
        {
            return NotFound();
        }

        ApplicationNumber = applicationNumber;
        return Page();
    }
}
