using DataIp.Domain.Calendar;

namespace DataIp.Web.Pages.Registrations;

/// <summary>A registration on the holder's list: where it stands, what waits and by when, its certificates.</summary>
/// <param name="RegistrationNumber">The registration.</param>
/// <param name="DataName">The data's name.</param>
/// <param name="Status">Its legal status (the certificates' rule).</param>
/// <param name="Next">What waits next, with its date, in the page's language.</param>
/// <param name="NextDay">The day it waits for, for the order of the list.</param>
/// <param name="Certificates">Its certificates, newest first, with whether each is superseded.</param>
public sealed record HeldRegistration(
    string RegistrationNumber, string DataName, CertificateStatus Status, string Next, DateOnly NextDay, IReadOnlyList<(string Number, CertificateStatus Status)> Certificates);

/// <summary>
/// "My registrations" (an applicant): those it holds, and those offered to it in transfer, each
/// with its legal status, what waits next and by when (a transfer or change awaiting someone, the
/// renewal window, the end of validity), and its certificates with their PDFs; the soonest first.
/// </summary>
[Authorize(Policy = Policies.Applicant)]
public sealed class IndexModel(RegistryDbContext db, TimeProvider clock) : PageModel
{
    /// <summary>Registrations on one page of the list.</summary>
    public const int PageSize = 50;

    /// <summary>The page of the list asked for, from 1.</summary>
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    /// <summary>Whether a later page exists.</summary>
    public bool HasNext { get; private set; }

    /// <summary>The registrations of this page, the soonest deadline first.</summary>
    public IReadOnlyList<HeldRegistration> Registrations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Pager.Clamp(PageNumber);
        var me = ActingParty.From(User).AccountId!.Value;
        var today = ChinaTime.ToChinaDate(clock.GetUtcNow());
        // Mine: those it holds a share of, those offered to it, and those it applied for that have no holders recorded.
        var mine = db.RightHolders.Where(h => h.AccountId == me).Select(h => h.ApplicationId)
            .Union(db.Transfers.Where(t => t.ToAccountId == me && t.Status == TransferStatus.Proposed).Select(t => t.ApplicationId))
            .Union(db.Applications.Where(a => a.ApplicantId == me && a.RegistrationNumber != null && !db.RightHolders.Any(h => h.ApplicationId == a.Id)).Select(a => a.Id));

        // Those where something waits for a party (a transfer, a pledge, a change): few, found first.
        var waiting = await db.Transfers.Where(t => t.Status == TransferStatus.Proposed && mine.Contains(t.ApplicationId)).Select(t => t.ApplicationId)
            .Union(db.Pledges.Where(p => p.Status == PledgeStatus.Filed && mine.Contains(p.ApplicationId)).Select(p => p.ApplicationId))
            .Union(db.ChangeRequests.Where(c => c.Status == ChangeStatus.Pending && mine.Contains(c.ApplicationId)).Select(c => c.ApplicationId))
            .ToListAsync(ct).ConfigureAwait(false);

        // The order is the database's, so that pages follow each other: first what waits for a
        // party, then those in force by the end of validity (the renewal window opens before it),
        // then those that have ended.
        var apps = await db.Applications.AsNoTracking().Include(a => a.Body)
            .Where(a => a.RegistrationNumber != null && mine.Contains(a.Id))
            .OrderBy(a => waiting.Contains(a.Id) ? 0 : 1)
            .ThenBy(a => a.State == ApplicationState.Registered && a.ValidUntil >= today ? 0 : 1)
            .ThenBy(a => a.ValidUntil)
            .ThenBy(a => a.RegistrationNumber)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1)
            .ToListAsync(ct).ConfigureAwait(false);
        HasNext = apps.Count > PageSize;
        apps = [.. apps.Take(PageSize)];

        // What waits on this page's registrations and their certificates: one query each, then looked up by registration.
        var ids = apps.Select(a => a.Id).ToList();
        var transfers = (await db.Transfers.AsNoTracking().Where(t => ids.Contains(t.ApplicationId) && t.Status == TransferStatus.Proposed)
            .OrderBy(t => t.ProposedAt).ToListAsync(ct).ConfigureAwait(false)).ToLookup(t => t.ApplicationId);
        var changes = (await db.ChangeRequests.AsNoTracking().Where(c => ids.Contains(c.ApplicationId) && c.Status == ChangeStatus.Pending)
            .OrderBy(c => c.RequestedAt).Select(c => new { c.ApplicationId, c.RequestedAt }).ToListAsync(ct).ConfigureAwait(false)).ToLookup(c => c.ApplicationId);
        var pledges = (await db.Pledges.AsNoTracking().Where(p => ids.Contains(p.ApplicationId) && p.Status == PledgeStatus.Filed)
            .OrderBy(p => p.FiledAt).Select(p => new { p.ApplicationId, p.Number, p.PledgeeName, p.FiledBy, p.FiledAt }).ToListAsync(ct).ConfigureAwait(false)).ToLookup(p => p.ApplicationId);
        var certificates = (await db.Certificates.AsNoTracking().Where(c => ids.Contains(c.ApplicationId)).OrderByDescending(c => c.IssuedAt)
            .Select(c => new { c.ApplicationId, c.CertificateNumber, c.Superseded }).ToListAsync(ct).ConfigureAwait(false)).ToLookup(c => c.ApplicationId);

        Registrations = [.. apps.Select(a =>
        {
            var validUntil = a.ValidUntil ?? DateOnly.MaxValue;
            var status = CertificateStatusRules.Decide(a.State, false, validUntil, today, a.ActivePledges);
            var (next, day) = transfers[a.Id].FirstOrDefault(t => t.ToAccountId == me) is { } toMe
                    ? (Text.Format("Reg.Next.TransferToYou", toMe.Number, toMe.FromName), ChinaTime.ToChinaDate(toMe.ProposedAt))
                : transfers[a.Id].FirstOrDefault() is { } fromMe
                    ? (Text.Format("Reg.Next.TransferAwaits", fromMe.Number, fromMe.ToName), ChinaTime.ToChinaDate(fromMe.ProposedAt))
                : pledges[a.Id].FirstOrDefault() is { } pledge
                    ? (Text.Format(pledge.FiledBy == "holder" ? "Reg.Next.PledgeAwaitsBank" : "Reg.Next.PledgeAwaitsYou", pledge.Number, pledge.PledgeeName), ChinaTime.ToChinaDate(pledge.FiledAt))
                : changes[a.Id].FirstOrDefault() is { } change
                    ? (Text.Get("Reg.Next.ChangeAwaits"), ChinaTime.ToChinaDate(change.RequestedAt))
                : Validity(a, status, today);
            return new HeldRegistration(a.RegistrationNumber!, a.DataName, status, next, day,
                [.. certificates[a.Id].Select(c => (c.CertificateNumber, CertificateStatusRules.Decide(a.State, c.Superseded, validUntil, today, a.ActivePledges)))]);
        })];
    }

    // The end of validity, or the renewal window before it (the lifecycle guard's days); nothing for a registration that has ended.
    private static (string Next, DateOnly Day) Validity(ApplicationRecord a, CertificateStatus status, DateOnly today)
    {
        if (status is CertificateStatus.Cancelled or CertificateStatus.Revoked or CertificateStatus.Expired || a.ValidUntil is not { } last)
        {
            return (Text.Get("Reg.Next.Ended"), DateOnly.MaxValue);
        }

        var opens = last.AddDays(-(a.Body.Policy.RenewalWindowDays - 1));
        return today >= opens
            ? (Text.Format("Reg.Next.RenewBy", Labels.Day(last)), last)
            : (Text.Format("Reg.Next.RenewalOpens", Labels.Day(opens), Labels.Day(last)), opens);
    }
}
