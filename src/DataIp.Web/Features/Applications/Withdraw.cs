namespace DataIp.Web.Features.Applications;

/// <summary>The applicant withdraws its application before registration (only its applicant: the lifecycle table's Applicant relation).</summary>
internal sealed class Withdraw : IActUseCase
{
    public LifecycleTrigger Trigger => LifecycleTrigger.Withdraw;

    public Task<Refusal?> ApplyAsync(ActContext context, CancellationToken cancellationToken)
    {
        context.Application.DecidedAt = context.Now;
        context.Record(new WithdrawAct());
        return Task.FromResult<Refusal?>(null);
    }
}
