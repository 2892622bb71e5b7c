namespace DataIp.Web.Features.Applications;

/// <summary>The applicant answers a correction request before its deadline (the lifecycle table's guard).</summary>
internal sealed class Resubmit : IActUseCase
{
    public LifecycleTrigger Trigger => LifecycleTrigger.Resubmit;

    public async Task<Refusal?> ApplyAsync(ActContext context, CancellationToken cancellationToken)
    {
        if (Submission.Validate(context) is { } invalid)
        {
            return invalid;
        }

        Submission.ClearCorrection(context.Application);
        await Submission.FileAsync(context, new ResubmitAct(), cancellationToken).ConfigureAwait(false);
        return null;
    }
}
