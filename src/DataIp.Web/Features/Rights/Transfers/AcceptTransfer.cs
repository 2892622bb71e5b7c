using DataIp.Data.Rights;
using DataIp.Web.Features.Certificates;

namespace DataIp.Web.Features.Rights.Transfers;

/// <summary>
/// The transferee accepts: with every active pledgee's consent the share moves, and a new
/// certificate names the holders after it. The transferring holder must still hold the share.
/// </summary>
internal sealed class AcceptTransfer(string transferNumber) : TransferAct(transferNumber)
{
    public override LifecycleTrigger Trigger => LifecycleTrigger.AcceptTransfer;

    protected override async Task<Refusal?> ApplyAsync(ActContext context, TransferRecord transfer, CancellationToken cancellationToken)
    {
        var (holders, _) = await Holders.OfAsync(context, cancellationToken).ConfigureAwait(false);
        var from = holders.FirstOrDefault(h => h.AccountId == transfer.FromAccountId);
        if (from is null || from.Share < transfer.Share)
        {
            return Refusal.Conflict("Share no longer held", RefusalKey.ShareNoLongerHeld, transfer.FromName, transfer.Number);
        }

        var (consents, noConsent) = await Consents.RequireAsync(context, ConsentPurpose.Transfer, transfer.Number, new RefusalMessage(RefusalKey.PhraseTransferNumbered, transfer.Number), cancellationToken).ConfigureAwait(false);
        if (noConsent is not null)
        {
            return noConsent;
        }

        await MoveShareAsync(context, holders, from, transfer, cancellationToken).ConfigureAwait(false);
        transfer.Status = TransferStatus.Accepted;
        transfer.DecidedAt = context.Now;
        var app = context.Application;
        // The transferring holder may hold nothing after the act, so it is told here.
        context.Notices.Add(new Notifications.Notice(
            [transfer.FromAccountId], ActCatalogue.Of<AcceptTransferAct>().Name, app.Id, $"Transfer {transfer.Number} of registration {app.RegistrationNumber} took effect",
            $"{transfer.ToName} accepted transfer {transfer.Number}: {transfer.Share / 100m:0.##}% of registration {app.RegistrationNumber} “{app.DataName}” "
            + $"passed from {transfer.FromName} on {context.Today:yyyy-MM-dd}; a new certificate names the holders."));
        await CertificateIssuance.IssueAsync(context, Holders.Names(holders), cancellationToken).ConfigureAwait(false);
        context.Record(new AcceptTransferAct { Transfer = RightsParticulars.Of(transfer), Holders = Holders.Shares(holders), Consents = consents });
        return null;
    }

    // The share moves; a transferee new to the registration becomes a holder, in the place of a holder who leaves.
    private static async Task MoveShareAsync(ActContext context, List<RightHolder> holders, RightHolder from, TransferRecord transfer, CancellationToken cancellationToken)
    {
        from.Share -= transfer.Share;
        var to = holders.FirstOrDefault(h => h.AccountId == transfer.ToAccountId);
        if (to is null)
        {
            var account = await context.Db.Users.AsNoTracking().SingleAsync(a => a.Id == transfer.ToAccountId, cancellationToken).ConfigureAwait(false);
            to = new RightHolder
            {
                Id = Guid.CreateVersion7(),
                ApplicationId = context.Application.Id,
                AccountId = account.Id,
                Name = account.DisplayName,
                Identifier = account.Identifier,
                Position = holders.Max(h => h.Position) + 1,
            };
            context.Db.RightHolders.Add(to);
            holders.Add(to);
        }

        to.Share += transfer.Share;
        if (from.Share == 0)
        {
            context.Db.RightHolders.Remove(from);
            holders.Remove(from);
            to.Position = Math.Min(to.Position, from.Position);
        }
    }
}
