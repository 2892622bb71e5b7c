using DataIp.Data.Rights;

namespace DataIp.Web.Features.Rights.Pledges;

/// <summary>An act on one pledge: its pledgee is a party to the case, and the pledge table decides in its state.</summary>
/// <param name="pledgeNumber">The pledge's number.</param>
internal abstract class PledgeAct(string pledgeNumber) : ItemAct<PledgeRecord, PledgeStatus>("pledge", pledgeNumber)
{
    protected override RightsTable<PledgeStatus> Table => RightsTables.Pledges;

    protected override Task<PledgeRecord?> FindAsync(ActContext context, CancellationToken cancellationToken) =>
        context.Db.Pledges.SingleOrDefaultAsync(p => p.ApplicationId == context.Application.Id && p.Number == Key, cancellationToken);

    protected override PledgeStatus StateOf(PledgeRecord item) => item.Status;

    protected override CaseParties PartiesOf(CaseParties parties, PledgeRecord item) => parties with { Pledgee = item.PledgeeAccountId };
}
