using DataIp.Data.Rights;
using DataIp.Web.Features.Acts;
using Microsoft.EntityFrameworkCore;

namespace DataIp.Web.Features.Rights.Pledges;

/// <summary>Finds the pledge an act is on and names its pledgee as a party to the case.</summary>
internal static class PledgeLookup
{
    public static async Task<(PledgeRecord? Pledge, Refusal? Refusal)> FindAsync(ActContext context, string pledgeNumber, CancellationToken cancellationToken)
    {
        var app = context.Application;
        var pledge = await context.Db.Pledges.SingleOrDefaultAsync(p => p.ApplicationId == app.Id && p.Number == pledgeNumber, cancellationToken).ConfigureAwait(false);
        if (pledge is null)
        {
            return (null, new Refusal(RefusalCode.NotFound, "Not found", $"Registration {app.RegistrationNumber} has no pledge {pledgeNumber}."));
        }

        context.Case = context.Case with { Pledgee = pledge.PledgeeAccountId };
        return (pledge, null);
    }
}
