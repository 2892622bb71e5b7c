using DataIp.Data.Rights;

namespace DataIp.Web.Features.Rights.Transfers;

/// <summary>An act on one transfer: its two sides are parties to the case, and the transfer table decides in its state.</summary>
/// <param name="transferNumber">The transfer's number.</param>
internal abstract class TransferAct(string transferNumber) : ItemAct<TransferRecord, TransferStatus>("transfer", transferNumber)
{
    protected override RightsTable<TransferStatus> Table => RightsTables.Transfers;

    protected override Task<TransferRecord?> FindAsync(ActContext context, CancellationToken cancellationToken) =>
        context.Db.Transfers.SingleOrDefaultAsync(t => t.ApplicationId == context.Application.Id && t.Number == Key, cancellationToken);

    protected override TransferStatus StateOf(TransferRecord item) => item.Status;

    protected override CaseParties PartiesOf(CaseParties parties, TransferRecord item) =>
        parties with { Transferor = item.FromAccountId, Transferee = item.ToAccountId };
}
