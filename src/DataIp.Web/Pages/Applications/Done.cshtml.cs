namespace DataIp.Web.Pages.Applications;

/// <summary>
/// The confirmation after an act on an application's page (GOV.UK's confirmation page): what was
/// done, and what happens next and by when. Only those who may read the application see it.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class DoneModel(RegistryDbContext db) : PageModel
{
    /// <summary>The application, as it stands after the act.</summary>
    public ApplicationView Application { get; private set; } = null!;

    /// <summary>The act done.</summary>
    public string ActType { get; private set; } = "";

    /// <summary>What happens next, in the page's language, with its dates and numbers.</summary>
    public string Next { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, Guid actId, CancellationToken ct)
    {
        var record = await db.Applications.AsNoTracking().Include(a => a.Body).SingleOrDefaultAsync(a => a.Id == id, ct).ConfigureAwait(false);
        if (record is null || !ApplicationAccess.CanSee(ActingParty.From(User), record))
        {
            return NotFound();
        }

        var type = await db.Acts.AsNoTracking().Where(a => a.Id == actId && a.ApplicationId == id).Select(a => a.Type).SingleOrDefaultAsync(ct).ConfigureAwait(false);
        if (type is null)
        {
            return NotFound();
        }

        Application = ApplicationView.Of(record);
        ActType = type;
        Next = NextStep(type, Application);
        return Page();
    }

    // What follows the act, from the application as it now stands.
    private static string NextStep(string type, ApplicationView a) => type switch
    {
        ActTypes.Submit => Text.Format("Next.submit", a.ApplicationNumber),
        ActTypes.RequestCorrection when a.CorrectionLastDay is { } last => Text.Format("Next.requestCorrection", Labels.Day(last)),
        // Where the body examines no substance, passing the formal examination starts the notice.
        ActTypes.PassFormalExamination or ActTypes.PassSubstantiveExamination when a.NoticeLastDay is { } last => Text.Format("Next.passSubstantiveExamination", Labels.Day(last)),
        ActTypes.Register or ActTypes.IssueCertificate => Text.Format("Next.register", a.RegistrationNumber, a.CertificateNumber),
        ActTypes.ReissueCertificate => Text.Format("Next.reissueCertificate", a.CertificateNumber),
        ActTypes.StartExamination or ActTypes.Resubmit or ActTypes.PassFormalExamination or ActTypes.Reject or ActTypes.Withdraw or ActTypes.Revoke
            or ActTypes.UpholdObjection or ActTypes.DismissObjection =>
            Text.Get("Next." + type),
        _ => Text.Get("Next.other"),
    };
}
