using DataIp.Data.Rights;
using DataIp.Web.Features.Acts;
using Microsoft.EntityFrameworkCore;

namespace DataIp.Web.Features.Rights.Changes;

/// <summary>Finds the change request an examiner decides.</summary>
internal static class ChangeLookup
{
    public static async Task<(ChangeRequestRecord? Change, Refusal? Refusal)> FindAsync(ActContext context, Guid changeId, CancellationToken cancellationToken)
    {
        var app = context.Application;
        var change = await context.Db.ChangeRequests.SingleOrDefaultAsync(c => c.Id == changeId && c.ApplicationId == app.Id, cancellationToken).ConfigureAwait(false);
        return change is null
            ? (null, new Refusal(RefusalCode.NotFound, "Not found", $"Registration {app.RegistrationNumber} has no change request {changeId}."))
            : (change, null);
    }
}
