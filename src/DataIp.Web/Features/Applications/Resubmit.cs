using DataIp.Domain.Acts;
using DataIp.Domain.Registration;
using DataIp.Web.Features.Acts;

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
        var fingerprint = await context.Pipeline.Evidence.RecordSubmissionAsync(context.Application, context.Now, cancellationToken).ConfigureAwait(false);
        context.Record(Submission.WithParticulars(new ResubmitAct { Fingerprint = fingerprint }, context.Application));
        return null;
    }
}
