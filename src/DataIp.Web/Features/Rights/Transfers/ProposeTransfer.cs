using DataIp.Data.Rights;

namespace DataIp.Web.Features.Rights.Transfers;

/// <summary>A transfer to offer.</summary>
/// <param name="TransfereeAccountId">The transferee's account (an applicant account).</param>
/// <param name="Share">The share transferred in basis points of the whole (10000 = all); omitted for the holder's whole share.</param>
/// <param name="Reason">Why (e.g. the contract's reference); private.</param>
public sealed record TransferRequest(Guid? TransfereeAccountId, int? Share, string? Reason);

/// <summary>A holder offers its share, or part of it, to another applicant account; it takes effect when accepted.</summary>
internal sealed class ProposeTransfer(TransferRequest request) : IActUseCase
{
    public LifecycleTrigger Trigger => LifecycleTrigger.ProposeTransfer;

    public async Task<Refusal?> ApplyAsync(ActContext context, CancellationToken cancellationToken)
    {
        // The lifecycle table let only a holder through.
        var holder = (await Holders.OfAsync(context, cancellationToken).ConfigureAwait(false)).Actor!;
        var (transferee, refusal) = await RightsChecks.AccountAsync(context.Db, request.TransfereeAccountId, "transfereeAccountId", AccountRole.Applicant, RefusalKey.PartyTransferee, cancellationToken)
            .ConfigureAwait(false);
        var share = request.Share ?? holder.Share;
        refusal ??= transferee!.Id == holder.AccountId ? Refusal.Invalid("transfereeAccountId", RefusalKey.TransferToSelf)
            : Holdings.ShareProblem(share, holder.Share) is not null ? Refusal.Invalid("share", RefusalKey.ShareOutOfRange, holder.Share, holder.Share / 100m)
            : context.Decide(RightsTables.Transfers, null, new RightsContext());
        if (refusal is not null)
        {
            return refusal;
        }

        var transfer = new TransferRecord
        {
            Id = Guid.CreateVersion7(),
            Number = await RightsChecks.NextNumberAsync(context, 'T', cancellationToken).ConfigureAwait(false),
            ApplicationId = context.Application.Id,
            FromAccountId = holder.AccountId!.Value,
            FromName = holder.Name,
            ToAccountId = transferee!.Id,
            ToName = transferee.DisplayName,
            Share = share,
            Status = TransferStatus.Proposed,
            ProposedAt = context.Now,
        };
        context.Db.Transfers.Add(transfer);
        context.Record(new ProposeTransferAct { Transfer = RightsParticulars.Of(transfer) });
        return null;
    }
}
