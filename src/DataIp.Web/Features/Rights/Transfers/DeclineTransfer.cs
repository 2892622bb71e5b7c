using DataIp.Data.Rights;

namespace DataIp.Web.Features.Rights.Transfers;

/// <summary>The transferee declines, or the offering holder withdraws, an open transfer.</summary>
internal sealed class DeclineTransfer(string transferNumber) : TransferAct(transferNumber)
{
    public override LifecycleTrigger Trigger => LifecycleTrigger.DeclineTransfer;

    protected override Task<Refusal?> ApplyAsync(ActContext context, TransferRecord transfer, CancellationToken cancellationToken)
    {
        transfer.Status = TransferStatus.Declined;
        transfer.DecidedAt = context.Now;
        context.Record(new DeclineTransferAct { Transfer = RightsParticulars.Of(transfer) });
        return Task.FromResult<Refusal?>(null);
    }
}
