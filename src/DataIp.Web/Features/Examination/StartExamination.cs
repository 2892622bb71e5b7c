namespace DataIp.Web.Features.Examination;

/// <summary>An examiner of the body takes up a submitted application for formal examination.</summary>
internal sealed class StartExamination : IActUseCase
{
    public LifecycleTrigger Trigger => LifecycleTrigger.StartExamination;

    public Task<Refusal?> ApplyAsync(ActContext context, CancellationToken cancellationToken)
    {
        context.Record(new StartExaminationAct());
        return Task.FromResult<Refusal?>(null);
    }
}
