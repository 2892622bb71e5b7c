namespace DataIp.Web.Features.Applications;

/// <summary>The correction deadline passed unanswered: the platform withdraws the application.</summary>
internal sealed class LapseCorrection : IActUseCase
{
    /// <summary>The reasons the platform records.</summary>
    public const string Reason = "The correction deadline passed without an answer.";

    public LifecycleTrigger Trigger => LifecycleTrigger.LapseCorrection;

    public Task<Refusal?> ApplyAsync(ActContext context, CancellationToken cancellationToken)
    {
        var lastDay = context.Application.CorrectionLastDay;
        Submission.ClearCorrection(context.Application);
        context.Application.DecidedAt = context.Now;
        context.Record(new LapseCorrectionAct { CorrectionLastDay = lastDay });
        return Task.FromResult<Refusal?>(null);
    }
}
