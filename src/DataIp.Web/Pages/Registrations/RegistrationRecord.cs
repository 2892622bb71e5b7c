using DataIp.Domain.Calendar;
using DataIp.Web.Features.Certificates;
using DataIp.Web.Features.Rights;

namespace DataIp.Web.Pages.Registrations;

/// <summary>An act of the registration's history as the reader may read it (the log entry's public fields, or more for its parties).</summary>
/// <param name="At">When.</param>
/// <param name="Type">The act's type.</param>
/// <param name="ActorName">Who.</param>
/// <param name="ActorRole">In what role.</param>
/// <param name="Reason">Why, when the reader may read it.</param>
/// <param name="LogIndex">Its entry in the public log.</param>
/// <param name="CourtOrder">The court order of a release on one (public members of the act).</param>
/// <param name="Proof">Its inclusion proof against the latest checkpoint, once a checkpoint covers it (<see cref="PublicRecord.ProofOf"/>).</param>
public sealed record HistoryLine(DateTimeOffset At, string Type, string ActorName, string ActorRole, string? Reason, long LogIndex, CourtOrderFacts? CourtOrder = null, string? Proof = null);

/// <summary>A transfer or change request waiting for the viewer, with the acts it may take on it now.</summary>
/// <param name="Key">The transfer's number or the change request's id.</param>
/// <param name="Triggers">The acts offered on it.</param>
public sealed record ItemOffer(string Key, IReadOnlyList<LifecycleTrigger> Triggers);

/// <summary>
/// One registration as a viewer may read it: the public record (its particulars, the legal status
/// the API's <c>/status</c> computes, its certificates, its public acts) for anyone, the register
/// of rights (<see cref="RightsRecordView"/>: the API's rule of who sees which entry) for its
/// parties, and the acts the viewer may take now, from the same tables the pipeline decides with.
/// </summary>
public sealed class RegistrationRecord
{
    /// <summary>The acts on the registration itself that the page offers, in this order.</summary>
    public static readonly LifecycleTrigger[] RegistrationActs =
    [
        LifecycleTrigger.RecordLicence, LifecycleTrigger.FilePledge, LifecycleTrigger.ProposeTransfer,
        LifecycleTrigger.RequestChange, LifecycleTrigger.Renew, LifecycleTrigger.Cancel,
    ];

    // The acts of a holder on the whole registration, refused while it has several holders (Holders.RequireSole).
    private static readonly LifecycleTrigger[] SoleHolderActs = [LifecycleTrigger.RecordLicence, LifecycleTrigger.FilePledge, LifecycleTrigger.Cancel];

    private RegistrationRecord(ApplicationRecord application, PublicApplicationView view, LegalStatusView status)
    {
        Application = application;
        View = view;
        Status = status;
    }

    /// <summary>The stored registration (read only; the page shows only <see cref="View"/>'s fields to the public).</summary>
    public ApplicationRecord Application { get; }

    /// <summary>Its public record (no private content).</summary>
    public PublicApplicationView View { get; }

    /// <summary>Its legal status now: holders, validity, licences, pledges in priority order.</summary>
    public LegalStatusView Status { get; }

    /// <summary>The legal status word (valid, pledged, expired, cancelled, revoked), by the certificates' rule.</summary>
    public CertificateStatus LegalState { get; private set; }

    /// <summary>Its certificates, newest first, each with its status.</summary>
    public IReadOnlyList<CertificateStatusView> Certificates { get; private set; } = [];

    /// <summary>Its acts, oldest first, as the viewer may read them.</summary>
    public IReadOnlyList<HistoryLine> History => Public.History;

    /// <summary>The record the page, its JSON and its JSON-LD show (one projection).</summary>
    public PublicRecord Public { get; private set; } = null!;

    /// <summary>The register of rights as the viewer may see it (a party), or null (anyone else: the public record only).</summary>
    public RightsRecordView? Rights { get; private set; }

    /// <summary>Whether the viewer may download the certificate PDFs here: a holder or the body's staff.</summary>
    public bool OffersPdf { get; private set; }

    /// <summary>Whether the viewer may open the application's page (its applicant, the body's staff): revocation and re-issue are there.</summary>
    public bool SeesApplication { get; private set; }

    /// <summary>The acts on the registration the viewer may take now.</summary>
    public IReadOnlyList<LifecycleTrigger> Offered { get; private set; } = [];

    /// <summary>The open transfers the viewer may accept, decline or withdraw now.</summary>
    public IReadOnlyList<ItemOffer> TransferOffers { get; private set; } = [];

    /// <summary>The pending change requests the viewer may approve or refuse now.</summary>
    public IReadOnlyList<ItemOffer> ChangeOffers { get; private set; } = [];

    /// <summary>The registered pledges the viewer may release on a court order now (an examiner of the registration's body).</summary>
    public IReadOnlyList<string> CourtOrderReleases { get; private set; } = [];

    /// <summary>The first day of the renewal window.</summary>
    public DateOnly? RenewalOpens => Application.ValidUntil?.AddDays(-(Application.Body.Policy.RenewalWindowDays - 1));

    /// <summary>Reads the registration for the party, or null when there is none with that number.</summary>
    /// <param name="db">The database.</param>
    /// <param name="certificates">The certificates' statuses.</param>
    /// <param name="registrationNumber">The registration.</param>
    /// <param name="party">The reader.</param>
    /// <param name="now">The instant of the legal status.</param>
    /// <param name="baseUrl">Where the public reaches the register (the record's URL starts here).</param>
    /// <param name="licence">The register's reuse licence (a URL).</param>
    /// <param name="ct">Cancels the reading.</param>
    public static async Task<RegistrationRecord?> ReadAsync(
        RegistryDbContext db, CertificateService certificates, string registrationNumber, ActingParty party, DateTimeOffset now, Uri baseUrl, string licence,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(certificates);
        ArgumentNullException.ThrowIfNull(party);
        var app = await db.Applications.AsNoTracking().Include(a => a.Body).SingleOrDefaultAsync(a => a.RegistrationNumber == registrationNumber, ct).ConfigureAwait(false);
        var (status, _) = app is null ? (null, false) : await LegalStatus.AtAsync(db, registrationNumber, now, ct).ConfigureAwait(false);
        if (app is null || status is null)
        {
            return null;
        }

        var record = new RegistrationRecord(app, PublicApplicationView.Of(app), status)
        {
            LegalState = CertificateStatusRules.Decide(app.State, false, app.ValidUntil ?? DateOnly.MaxValue, ChinaTime.ToChinaDate(now), app.ActivePledges),
            Rights = await RightsRecordView.ReadAsync(db, registrationNumber, party, ct).ConfigureAwait(false),
        };
        var holders = await HoldersAsync(db, app, ct).ConfigureAwait(false);
        var reader = ApplicationAccess.ReaderOf(party, app);
        record.SeesApplication = reader is not null;
        record.OffersPdf = reader == Disclosure.BodyStaff || (party.AccountId is { } account && holders.Contains(account));
        var history = await HistoryAsync(db, app.Id, reader, ct).ConfigureAwait(false);
        record.Certificates = await CertificatesAsync(db, certificates, app.Id, ct).ConfigureAwait(false);
        var checkpointSize = await db.LogCheckpoints.MaxAsync(c => (long?)c.TreeSize, ct).ConfigureAwait(false) ?? 0;
        record.Public = PublicRecord.Of(record.View, app.Body.RegionCode, status, record.LegalState, record.Certificates, history, checkpointSize, baseUrl, licence);
        record.Offer(party, holders, now);
        return record;
    }

    /// <summary>The accounts holding the registration (its applicant when no holders are recorded yet, as the pipeline reads them).</summary>
    public static async Task<List<Guid>> HoldersAsync(RegistryDbContext db, ApplicationRecord app, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(app);
        var holders = await db.RightHolders.AsNoTracking().Where(h => h.ApplicationId == app.Id && h.AccountId != null).Select(h => h.AccountId!.Value)
            .ToListAsync(ct).ConfigureAwait(false);
        var recorded = await db.RightHolders.AnyAsync(h => h.ApplicationId == app.Id, ct).ConfigureAwait(false);
        return recorded ? holders : [app.ApplicantId];
    }

    // The lifecycle table's rows for the viewer's relations whose guards hold now, then each thing's own table: no form leads to a refusal by who or when.
    private void Offer(ActingParty party, List<Guid> holders, DateTimeOffset now)
    {
        var app = Application;
        var parties = new CaseParties(app.ApplicantId, app.BodyId, holders);
        var relations = Relations.Of(party.Party, parties);
        var facts = ActPipeline.TransitionOf(app, now, 0);
        bool Allowed(LifecycleTrigger t, IReadOnlySet<Actor> r) => Lifecycle.Decide(app.State, t, r, facts).IsAllowed;
        var changePending = Rights?.Changes.Any(c => c.Status == "pending") ?? false;
        var coHeld = Status.Holders.Count > 1;
        Offered = [.. RegistrationActs.Where(t => Allowed(t, relations)
            // A bank files its own pledges from its desk; here the holder names the bank.
            && (t != LifecycleTrigger.FilePledge || relations.Contains(Actor.Holder))
            && !(coHeld && SoleHolderActs.Contains(t))
            && (t != LifecycleTrigger.RequestChange || RightsTables.Changes.Decide(null, t, relations, new RightsContext { ChangePending = changePending }).IsAllowed))];

        TransferOffers = [.. (Rights?.Transfers ?? []).Where(t => t.Status == "proposed").Select(t =>
        {
            var with = Relations.Of(party.Party, parties with { Transferor = t.FromAccountId, Transferee = t.ToAccountId });
            return new ItemOffer(t.Number, [.. new[] { LifecycleTrigger.AcceptTransfer, LifecycleTrigger.DeclineTransfer }
                .Where(x => Allowed(x, with) && RightsTables.Transfers.Decide(TransferStatus.Proposed, x, with, new RightsContext()).IsAllowed)]);
        }).Where(o => o.Triggers.Count > 0)];

        LifecycleTrigger[] decisions = [LifecycleTrigger.ApproveChange, LifecycleTrigger.RefuseChange];
        var mayDecide = decisions.Where(x => Allowed(x, relations) && RightsTables.Changes.Decide(ChangeStatus.Pending, x, relations, new RightsContext()).IsAllowed).ToList();
        // A pledgee releases its own pledge from the bank's desk; here an examiner of the body releases one on a court order.
        CourtOrderReleases = [.. (Rights?.Pledges ?? []).Where(p => p.Status == JsonNaming.Camel(PledgeStatus.Registered)).Where(p =>
        {
            var with = Relations.Of(party.Party, parties with { Pledgee = p.PledgeeAccountId });
            return !with.Contains(Actor.Pledgee) && Allowed(LifecycleTrigger.ReleasePledge, with)
                && RightsTables.Pledges.Decide(PledgeStatus.Registered, LifecycleTrigger.ReleasePledge, with, new RightsContext { CourtOrder = true }).IsAllowed;
        }).Select(p => p.Number)];

        ChangeOffers = mayDecide.Count == 0 ? [] : [.. (Rights?.Changes ?? []).Where(c => c.Status == "pending").Select(c => new ItemOffer(c.Id.ToString(), mayDecide))];
    }

    // The reasons the public may read are those the log holds in clear (a public decision); the parties read what the acts API shows them.
    private static async Task<List<HistoryLine>> HistoryAsync(RegistryDbContext db, Guid id, Disclosure? reader, CancellationToken ct)
    {
        var acts = await db.Acts.AsNoTracking().Where(a => a.ApplicationId == id).OrderBy(a => a.Sequence).ToListAsync(ct).ConfigureAwait(false);
        return [.. acts.Select(a => new HistoryLine(a.At, a.Type, a.ActorName, a.ActorRole,
            reader is not null || ActCatalogue.Find(a.Type)?.Reason == ReasonDisclosure.Public ? a.Reason : null, a.LogIndex, CourtOrderFacts.OfAct(a.Type, a.Payload)))];
    }

    private static async Task<List<CertificateStatusView>> CertificatesAsync(RegistryDbContext db, CertificateService certificates, Guid id, CancellationToken ct)
    {
        var numbers = await db.Certificates.AsNoTracking().Where(c => c.ApplicationId == id).OrderByDescending(c => c.IssuedAt)
            .Select(c => c.CertificateNumber).ToListAsync(ct).ConfigureAwait(false);
        var views = new List<CertificateStatusView>(numbers.Count);
        foreach (var number in numbers)
        {
            if (await certificates.FindAsync(number, ct).ConfigureAwait(false) is { } found)
            {
                views.Add(await certificates.ViewAsync(found, ct).ConfigureAwait(false));
            }
        }

        return views;
    }
}
