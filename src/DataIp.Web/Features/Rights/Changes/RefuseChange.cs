using DataIp.Data.Rights;

namespace DataIp.Web.Features.Rights.Changes;

/// <summary>An examiner of the body refuses a change, with reasons, which are public.</summary>
internal sealed class RefuseChange(Guid changeId) : ChangeAct(changeId)
{
    public override LifecycleTrigger Trigger => LifecycleTrigger.RefuseChange;

    protected override Task<Refusal?> ApplyAsync(ActContext context, ChangeRequestRecord change, CancellationToken cancellationToken)
    {
        if (context.RequireReason(RefusalKey.ReasonOfChangeRefusal) is { } noReasons)
        {
            return Task.FromResult<Refusal?>(noReasons);
        }

        change.Status = ChangeStatus.Refused;
        change.DecidedAt = context.Now;
        change.Reasons = context.Reason;
        context.Record(new RefuseChangeAct { ChangeId = change.Id });
        return Task.FromResult<Refusal?>(null);
    }
}
