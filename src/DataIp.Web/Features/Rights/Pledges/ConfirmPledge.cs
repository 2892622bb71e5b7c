using DataIp.Data.Rights;
using DataIp.Domain.Acts;
using DataIp.Domain.Registration;
using DataIp.Domain.Rights;
using DataIp.Web.Features.Acts;
using Microsoft.EntityFrameworkCore;

namespace DataIp.Web.Features.Rights.Pledges;

/// <summary>
/// The side that did not file confirms a pledge (the pledge table decides which side that is): it
/// is registered now and ranks after every pledge registered before it.
/// </summary>
internal sealed class ConfirmPledge(string pledgeNumber) : IActUseCase
{
    private PledgeRecord? _pledge;

    public LifecycleTrigger Trigger => LifecycleTrigger.ConfirmPledge;

    public async ValueTask<Refusal?> PrepareAsync(ActContext context, CancellationToken cancellationToken)
    {
        (_pledge, var refusal) = await PledgeLookup.FindAsync(context, pledgeNumber, cancellationToken).ConfigureAwait(false);
        return refusal;
    }

    public async Task<Refusal?> ApplyAsync(ActContext context, CancellationToken cancellationToken)
    {
        var pledge = _pledge!;
        var app = context.Application;
        if (context.Decide(RightsTables.Pledges, pledge.Status, new RightsContext { FiledBy = Enum.Parse<PledgeSide>(pledge.FiledBy, ignoreCase: true) }) is { } refused)
        {
            return refused;
        }

        var (holders, _) = await Holders.OfAsync(context, cancellationToken).ConfigureAwait(false);
        if (Holders.RequireSole(app, holders, "pledge it") is { } coHeld)
        {
            return coHeld;
        }

        if (holders[0].AccountId != pledge.HolderAccountId)
        {
            return Refusal.Conflict("Holder changed",
                $"Pledge {pledge.Number} was filed with a holder who no longer holds registration {app.RegistrationNumber}; file it again with the current holder.");
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
