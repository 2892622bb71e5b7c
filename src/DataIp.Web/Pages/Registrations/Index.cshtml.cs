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
        var apps = await PageAsync(me, today, (PageNumber - 1) * PageSize, PageSize + 1, ct).ConfigureAwait(false);
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

    /// <summary>
    /// The holder's list from <paramref name="offset"/>, in one order that pages follow: first what
    /// waits for a party (a transfer offered to it or by it, a pledge, a change: few, found from the
    /// pending items), then those in force by the end of validity (the renewal window opens before
    /// it), then those that have ended. The last two are read from the holder's share rows, which
    /// carry their registration's end of validity and whether it has ended
    /// (<see cref="Data.Rights.RightHolder.ValidUntil"/>), through the index (AccountId, ValidUntil,
    /// ApplicationId): the database walks the holder's index entries from the page's start and
    /// stops at the page's end, so a holder of 60,000 registrations waits no longer for its first
    /// page than a holder of six.
    /// </summary>
    private async Task<List<ApplicationRecord>> PageAsync(Guid me, DateOnly today, int offset, int count, CancellationToken ct)
    {
        var held = db.RightHolders.Where(h => h.AccountId == me).Select(h => h.ApplicationId);
        var waitingIds = await db.Transfers.Where(t => t.Status == TransferStatus.Proposed && (t.ToAccountId == me || held.Contains(t.ApplicationId))).Select(t => t.ApplicationId)
            .Union(db.Pledges.Where(p => p.Status == PledgeStatus.Filed && held.Contains(p.ApplicationId)).Select(p => p.ApplicationId))
            .Union(db.ChangeRequests.Where(c => c.Status == ChangeStatus.Pending && held.Contains(c.ApplicationId)).Select(c => c.ApplicationId))
            .ToListAsync(ct).ConfigureAwait(false);
        var waiting = (await db.Applications.AsNoTracking().Where(a => waitingIds.Contains(a.Id) && a.RegistrationNumber != null)
                .Select(a => new { a.Id, a.State, a.ValidUntil, a.RegistrationNumber }).ToListAsync(ct).ConfigureAwait(false))
            .OrderBy(a => a.State == ApplicationState.Registered && a.ValidUntil >= today ? 0 : 1).ThenBy(a => a.ValidUntil).ThenBy(a => a.RegistrationNumber, StringComparer.Ordinal)
            .Select(a => a.Id).ToList();

        var ids = waiting.Skip(offset).Take(count).ToList();
        var skip = Math.Max(0, offset - waiting.Count);
        var mine = db.RightHolders.Where(h => h.AccountId == me && !waiting.Contains(h.ApplicationId));
        var inForce = mine.Where(h => !h.Ended && h.ValidUntil >= today);
        if (ids.Count < count)
        {
            var found = await inForce.OrderBy(h => h.ValidUntil).ThenBy(h => h.ApplicationId).Select(h => h.ApplicationId)
                .Skip(skip).Take(count - ids.Count).ToListAsync(ct).ConfigureAwait(false);
            ids.AddRange(found);

            // Past the last in force: the ended ones start after them (a page that found none started after them all).
            skip = found.Count > 0 || skip == 0 ? 0 : skip - await inForce.CountAsync(ct).ConfigureAwait(false);
        }

        if (ids.Count < count)
        {
            ids.AddRange(await mine.Where(h => h.Ended || h.ValidUntil < today).OrderBy(h => h.ValidUntil).ThenBy(h => h.ApplicationId).Select(h => h.ApplicationId)
                .Skip(skip).Take(count - ids.Count).ToListAsync(ct).ConfigureAwait(false));
        }

        var apps = await db.Applications.AsNoTracking().Include(a => a.Body).Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct).ConfigureAwait(false);
        return [.. ids.Select(id => apps[id])];
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
