using DataIp.Data.Rights;
using DataIp.Domain.Acts;
using DataIp.Domain.Registration;
using DataIp.Domain.Rights;
using DataIp.Web.Features.Acts;

namespace DataIp.Web.Features.Rights.Transfers;

/// <summary>The transferee declines, or the offering holder withdraws, an open transfer.</summary>
internal sealed class DeclineTransfer(string transferNumber) : IActUseCase
{
    private TransferRecord? _transfer;

    public LifecycleTrigger Trigger => LifecycleTrigger.DeclineTransfer;

    public async ValueTask<Refusal?> PrepareAsync(ActContext context, CancellationToken cancellationToken)
    {
        (_transfer, var refusal) = await TransferLookup.FindAsync(context, transferNumber, cancellationToken).ConfigureAwait(false);
        return refusal;
    }

    public Task<Refusal?> ApplyAsync(ActContext context, CancellationToken cancellationToken)
    {
        var transfer = _transfer!;
        if (context.Decide(RightsTables.Transfers, transfer.Status, new RightsContext()) is { } refused)
        {
            return Task.FromResult<Refusal?>(refused);
        }

        transfer.Status = TransferStatus.Declined;
        transfer.DecidedAt = context.Now;
        context.Record(new DeclineTransferAct { Transfer = RightsParticulars.Of(transfer) });
        return Task.FromResult<Refusal?>(null);
    }
}
