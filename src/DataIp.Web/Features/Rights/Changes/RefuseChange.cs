using DataIp.Data.Rights;
using DataIp.Domain.Acts;
using DataIp.Domain.Registration;
using DataIp.Domain.Rights;
using DataIp.Web.Features.Acts;

namespace DataIp.Web.Features.Rights.Changes;

/// <summary>An examiner of the body refuses a change, with reasons, which are public.</summary>
internal sealed class RefuseChange(Guid changeId) : IActUseCase
{
    private ChangeRequestRecord? _change;

    public LifecycleTrigger Trigger => LifecycleTrigger.RefuseChange;

    public async ValueTask<Refusal?> PrepareAsync(ActContext context, CancellationToken cancellationToken)
    {
        (_change, var refusal) = await ChangeLookup.FindAsync(context, changeId, cancellationToken).ConfigureAwait(false);
        return refusal;
    }

    public Task<Refusal?> ApplyAsync(ActContext context, CancellationToken cancellationToken)
    {
        var change = _change!;
        if ((context.Decide(RightsTables.Changes, change.Status, new RightsContext()) ?? context.RequireReason("A refusal")) is { } refused)
        {
            return Task.FromResult<Refusal?>(refused);
        }

        change.Status = ChangeStatus.Refused;
        change.DecidedAt = context.Now;
        change.Reasons = context.Reason;
        context.Record(new RefuseChangeAct { ChangeId = change.Id });
        return Task.FromResult<Refusal?>(null);
    }
}
