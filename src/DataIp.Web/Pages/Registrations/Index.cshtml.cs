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
    /// <summary>The registrations, the soonest deadline first.</summary>
    public IReadOnlyList<HeldRegistration> Registrations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var me = ActingParty.From(User).AccountId!.Value;
        var today = ChinaTime.ToChinaDate(clock.GetUtcNow());
        var held = db.RightHolders.Where(h => h.AccountId == me).Select(h => h.ApplicationId);
        var offered = db.Transfers.Where(t => t.ToAccountId == me && t.Status == TransferStatus.Proposed).Select(t => t.ApplicationId);
        var apps = await db.Applications.AsNoTracking().Include(a => a.Body)
            .Where(a => a.RegistrationNumber != null
                && (held.Contains(a.Id) || offered.Contains(a.Id) || (a.ApplicantId == me && !db.RightHolders.Any(h => h.ApplicationId == a.Id))))
            .ToListAsync(ct).ConfigureAwait(false);
        var ids = apps.Select(a => a.Id).ToList();
        var transfers = await db.Transfers.AsNoTracking().Where(t => ids.Contains(t.ApplicationId) && t.Status == TransferStatus.Proposed).ToListAsync(ct).ConfigureAwait(false);
        var changes = await db.ChangeRequests.AsNoTracking().Where(c => ids.Contains(c.ApplicationId) && c.Status == ChangeStatus.Pending)
            .Select(c => new { c.ApplicationId, c.RequestedAt }).ToListAsync(ct).ConfigureAwait(false);
        var pledges = await db.Pledges.AsNoTracking().Where(p => ids.Contains(p.ApplicationId) && p.Status == PledgeStatus.Filed)
            .Select(p => new { p.ApplicationId, p.Number, p.PledgeeName, p.FiledBy, p.FiledAt }).ToListAsync(ct).ConfigureAwait(false);
        var certificates = await db.Certificates.AsNoTracking().Where(c => ids.Contains(c.ApplicationId)).OrderByDescending(c => c.IssuedAt)
            .Select(c => new { c.ApplicationId, c.CertificateNumber, c.Superseded }).ToListAsync(ct).ConfigureAwait(false);

        Registrations = [.. apps.Select(a =>
        {
            var validUntil = a.ValidUntil ?? DateOnly.MaxValue;
            var status = CertificateStatusRules.Decide(a.State, false, validUntil, today, a.ActivePledges);
            var (next, day) = transfers.FirstOrDefault(t => t.ApplicationId == a.Id && t.ToAccountId == me) is { } toMe
                    ? (Text.Format("Reg.Next.TransferToYou", toMe.Number, toMe.FromName), ChinaTime.ToChinaDate(toMe.ProposedAt))
                : transfers.FirstOrDefault(t => t.ApplicationId == a.Id) is { } fromMe
                    ? (Text.Format("Reg.Next.TransferAwaits", fromMe.Number, fromMe.ToName), ChinaTime.ToChinaDate(fromMe.ProposedAt))
                : pledges.FirstOrDefault(p => p.ApplicationId == a.Id) is { } pledge
                    ? (Text.Format(pledge.FiledBy == "holder" ? "Reg.Next.PledgeAwaitsBank" : "Reg.Next.PledgeAwaitsYou", pledge.Number, pledge.PledgeeName), ChinaTime.ToChinaDate(pledge.FiledAt))
                : changes.FirstOrDefault(c => c.ApplicationId == a.Id) is { } change
                    ? (Text.Get("Reg.Next.ChangeAwaits"), ChinaTime.ToChinaDate(change.RequestedAt))
                : Validity(a, status, today);
            return new HeldRegistration(a.RegistrationNumber!, a.DataName, status, next, day,
                [.. certificates.Where(c => c.ApplicationId == a.Id)
                    .Select(c => (c.CertificateNumber, CertificateStatusRules.Decide(a.State, c.Superseded, validUntil, today, a.ActivePledges)))]);
        }).OrderBy(r => r.NextDay).ThenBy(r => r.RegistrationNumber, StringComparer.Ordinal)];
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
