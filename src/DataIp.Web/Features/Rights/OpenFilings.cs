namespace DataIp.Web.Features.Rights;

/// <summary>
/// When a registration ends (cancellation, expiry, revocation), filings never confirmed and
/// transfers never accepted lapse with it. Registered pledges stay on record until released.
/// </summary>
internal static class OpenFilings
{
    public static async Task CloseAsync(ActContext context, CancellationToken cancellationToken)
    {
        var id = context.Application.Id;
        foreach (var pledge in await context.Db.Pledges.Where(p => p.ApplicationId == id && p.Status == PledgeStatus.Filed)
            .ToListAsync(cancellationToken).ConfigureAwait(false))
        {
            pledge.Status = PledgeStatus.Withdrawn;
        }

        foreach (var transfer in await context.Db.Transfers.Where(t => t.ApplicationId == id && t.Status == TransferStatus.Proposed)
            .ToListAsync(cancellationToken).ConfigureAwait(false))
        {
            transfer.Status = TransferStatus.Declined;
            transfer.DecidedAt = context.Now;
        }
    }
}
