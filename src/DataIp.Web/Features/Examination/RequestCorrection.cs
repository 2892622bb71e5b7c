namespace DataIp.Web.Features.Examination;

/// <summary>An examiner asks for a correction; the deadline follows the body's policy and the working-day calendar.</summary>
internal sealed class RequestCorrection : IActUseCase
{
    public LifecycleTrigger Trigger => LifecycleTrigger.RequestCorrection;

    public async Task<Refusal?> ApplyAsync(ActContext context, CancellationToken cancellationToken)
    {
        if (context.Reason is not { } request)
        {
            return Refusal.Invalid(LogEntryFields.Reason, RefusalKey.CorrectionNeedsReason);
        }

        var policy = context.Application.Body.Policy;
        var (end, refusal) = await context.PeriodAsync(policy.CorrectionLength, policy.CorrectionUnit, RefusalKey.PhraseCorrectionDeadline, cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        context.Application.CorrectionRequest = request;
        context.Application.CorrectionLastDay = end.LastDay;
        context.Application.CorrectionDeadline = end.EndsAt;
        context.Record(new RequestCorrectionAct { CorrectionLastDay = end.LastDay });
        return null;
    }
}
