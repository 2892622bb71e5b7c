using DataIp.Web.Features.Rights;

namespace DataIp.Web.Pages.Registrations;

/// <summary>
/// The confirmation after an act on a registration's page: what was done, its reference, and what
/// happens next and by when. Only those who may read the register of rights (<see cref="RightsRecordView"/>)
/// or who did the act see it.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class DoneModel(RegistryDbContext db) : PageModel
{
    /// <summary>The registration's number.</summary>
    public string RegistrationNumber { get; private set; } = "";

    /// <summary>The data's name, as it now stands.</summary>
    public string DataName { get; private set; } = "";

    /// <summary>The act done.</summary>
    public string ActType { get; private set; } = "";

    /// <summary>The act's own reference (a licence's, pledge's or transfer's number), or the registration number.</summary>
    public string Reference { get; private set; } = "";

    /// <summary>What happens next, in the page's language, with its dates and numbers.</summary>
    public string Next { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string registrationNumber, Guid actId, CancellationToken ct)
    {
        var app = await db.Applications.AsNoTracking().Include(a => a.Body).SingleOrDefaultAsync(a => a.RegistrationNumber == registrationNumber, ct).ConfigureAwait(false);
        var act = app is null ? null : await db.Acts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == actId && a.ApplicationId == app.Id, ct).ConfigureAwait(false);
        var party = ActingParty.From(User);
        if (app is null || act is null
            || (act.ActorId != party.AccountId && await RightsRecordView.ReadAsync(db, registrationNumber, party, ct).ConfigureAwait(false) is null))
        {
            return NotFound();
        }

        RegistrationNumber = registrationNumber;
        DataName = app.DataName;
        ActType = act.Type;
        (Reference, Next) = NextStep(ActJson.Read(act.Type, act.Payload), app);
        return Page();
    }

    // What follows the act, from its record and the registration as it now stands.
    private static (string Reference, string Next) NextStep(ActPayload act, ApplicationRecord app)
    {
        var number = app.RegistrationNumber!;
        var body = Text.InEnglish ? app.Body.NameEn : app.Body.Name;
        return act switch
        {
            RecordLicenceAct { Licence: var l } => (l.Number, Text.Format("Rights.Next.recordLicence", l.Number)),
            FilePledgeAct { Pledge: var p } => (p.Number, Text.Format("Rights.Next.filePledge", p.Number, p.Pledgee)),
            ProposeTransferAct { Transfer: var t } => (t.Number, Text.Format("Rights.Next.proposeTransfer", t.Number, t.To)),
            AcceptTransferAct { Transfer: var t } => (t.Number, Text.Format("Rights.Next.acceptTransfer", t.Number, app.CertificateNumber)),
            DeclineTransferAct { Transfer: var t } => (t.Number, Text.Format("Rights.Next.declineTransfer", t.Number)),
            RequestChangeAct => (number, Text.Format("Rights.Next.requestChange", body)),
            ApproveChangeAct => (number, Text.Format("Rights.Next.approveChange", app.CertificateNumber)),
            RefuseChangeAct => (number, Text.Get("Rights.Next.refuseChange")),
            RenewAct renew => (number, Text.Format("Rights.Next.renew", Labels.Day(renew.ValidUntil), app.CertificateNumber)),
            CancelAct => (number, Text.Get("Rights.Next.cancel")),
            ReleasePledgeAct { Basis: ReleaseBasis.CourtOrder } r => (r.PledgeNumber, Text.Format("Examiner.Next.courtOrderRelease", r.PledgeNumber, r.CourtOrderNumber, r.CourtName, r.CourtOrderDate is { } day ? Labels.Day(day) : "")),
            _ => (number, Text.Get("Next.other")),
        };
    }
}
