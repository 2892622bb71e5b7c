using DataIp.Data.Rights;
using DataIp.Web.Features.Acts;
using Microsoft.EntityFrameworkCore;

namespace DataIp.Web.Features.Rights.Transfers;

/// <summary>Finds the transfer an act is on and names its two sides as parties to the case.</summary>
internal static class TransferLookup
{
    public static async Task<(TransferRecord? Transfer, Refusal? Refusal)> FindAsync(ActContext context, string transferNumber, CancellationToken cancellationToken)
    {
        var app = context.Application;
        var transfer = await context.Db.Transfers.SingleOrDefaultAsync(t => t.ApplicationId == app.Id && t.Number == transferNumber, cancellationToken).ConfigureAwait(false);
        if (transfer is null)
        {
            return (null, new Refusal(RefusalCode.NotFound, "Not found", $"Registration {app.RegistrationNumber} has no transfer {transferNumber}."));
        }

        context.Case = context.Case with { Transferor = transfer.FromAccountId, Transferee = transfer.ToAccountId };
        return (transfer, null);
    }
}
