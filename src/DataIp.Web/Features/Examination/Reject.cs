namespace DataIp.Web.Features.Examination;

/// <summary>An examiner refuses registration (不予登记) with reasons, which are public.</summary>
internal sealed class Reject : IActUseCase
{
    public LifecycleTrigger Trigger => LifecycleTrigger.Reject;

    public Task<Refusal?> ApplyAsync(ActContext context, CancellationToken cancellationToken)
    {
        if (context.RequireReason(RefusalKey.ReasonOfRejection) is { } noReasons)
        {
            return Task.FromResult<Refusal?>(noReasons);
        }

        context.Application.DecisionReasons = context.Reason;
        context.Application.DecidedAt = context.Now;
        context.Record(new RejectAct());
        return Task.FromResult<Refusal?>(null);
    }
}
