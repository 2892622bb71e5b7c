namespace DataIp.Web.Features.Examination;

/// <summary>
/// An examiner passes the current examination (formal or substantive: whichever the application is
/// in when the act is decided). When the next state is the public notice, its end is computed from
/// the body's policy and the calendar, the particulars become public, and the holders of
/// overlapping registered datasets are told.
/// </summary>
internal sealed class PassExamination : IActUseCase
{
    public LifecycleTrigger Trigger { get; private set; } = LifecycleTrigger.PassFormalExamination;

    public ValueTask<Refusal?> PrepareAsync(ActContext context, CancellationToken cancellationToken)
    {
        Trigger = context.Application.State == ApplicationState.SubstantiveExamination
            ? LifecycleTrigger.PassSubstantiveExamination
            : LifecycleTrigger.PassFormalExamination;
        return ValueTask.FromResult<Refusal?>(null);
    }

    public async Task<Refusal?> ApplyAsync(ActContext context, CancellationToken cancellationToken)
    {
        var substantive = Trigger == LifecycleTrigger.PassSubstantiveExamination;
        if (context.Next != ApplicationState.PublicNotice)
        {
            context.Record(new PassFormalExaminationAct());
            return null;
        }

        var app = context.Application;
        var policy = app.Body.Policy;
        var (end, refusal) = await context.PeriodAsync(policy.NoticeLength, policy.NoticeUnit, RefusalKey.PhraseEndOfNotice, cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        app.NoticeStartedAt = context.Now;
        app.NoticeLastDay = end.LastDay;
        app.NoticeEndsAt = end.EndsAt;
        var rights = app.Content.RightsClaimed.Select(r => r.Right).OfType<DataRight>().ToList();
        context.Record(substantive
            ? Submission.WithParticulars(new PassSubstantiveExaminationAct { NoticeLastDay = end.LastDay, Rights = rights }, app)
            : Submission.WithParticulars(new PassFormalExaminationAct { NoticeLastDay = end.LastDay, Rights = rights }, app));
        await context.Pipeline.Evidence.NotifyEarlierHoldersAsync(app, context.Now, cancellationToken).ConfigureAwait(false);
        return null;
    }
}
