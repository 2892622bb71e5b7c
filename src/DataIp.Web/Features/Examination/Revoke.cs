using DataIp.Web.Features.Rights;

namespace DataIp.Web.Features.Examination;

/// <summary>An examiner of the body revokes a registration (撤销登记) with reasons, which are public; open filings lapse with it.</summary>
internal sealed class Revoke : IActUseCase
{
    public LifecycleTrigger Trigger => LifecycleTrigger.Revoke;

    public async Task<Refusal?> ApplyAsync(ActContext context, CancellationToken cancellationToken)
    {
        if (context.RequireReason(RefusalKey.ReasonOfRevocation) is { } noReasons)
        {
            return noReasons;
        }

        context.Application.DecisionReasons = context.Reason;
        context.Application.DecidedAt = context.Now;
        await OpenFilings.CloseAsync(context, cancellationToken).ConfigureAwait(false);
        context.Record(new RevokeAct());
        return null;
    }
}
