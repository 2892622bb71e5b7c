using DataIp.Data.Rights;

namespace DataIp.Web.Features.Rights.Pledges;

/// <summary>
/// The side that did not file confirms a pledge (the pledge table decides which side that is): it
/// is registered now and ranks after every pledge registered before it.
/// </summary>
internal sealed class ConfirmPledge(string pledgeNumber) : PledgeAct(pledgeNumber)
{
    public override LifecycleTrigger Trigger => LifecycleTrigger.ConfirmPledge;

    protected override RightsContext FactsOf(PledgeRecord item) => new() { FiledBy = Enum.Parse<PledgeSide>(item.FiledBy, ignoreCase: true) };

    protected override async Task<Refusal?> ApplyAsync(ActContext context, PledgeRecord pledge, CancellationToken cancellationToken)
    {
        var app = context.Application;
        var (holders, _) = await Holders.OfAsync(context, cancellationToken).ConfigureAwait(false);
        if (Holders.RequireSole(app, holders, RefusalKey.PhrasePledgeIt) is { } coHeld)
        {
            return coHeld;
        }

        if (holders[0].AccountId != pledge.HolderAccountId)
        {
            return Refusal.Conflict("Holder changed", RefusalKey.HolderChanged, pledge.Number, app.RegistrationNumber);
        }

        var ranked = await context.Db.Pledges.CountAsync(p => p.ApplicationId == app.Id && p.Priority != null, cancellationToken).ConfigureAwait(false);
        pledge.Status = PledgeStatus.Registered;
        pledge.RegisteredAt = context.Now;
        pledge.Priority = ranked + 1;
        app.ActivePledges++;
        context.Record(new ConfirmPledgeAct { Pledge = RightsParticulars.Of(pledge), ContractNumber = pledge.ContractNumber });
        return null;
    }
}
