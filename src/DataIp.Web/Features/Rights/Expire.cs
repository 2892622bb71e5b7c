namespace DataIp.Web.Features.Rights;

/// <summary>
/// The platform records the end of validity of a registration not renewed (from the day after its
/// last day of validity, China time: the lifecycle table's guard); its certificates read expired
/// and open filings lapse with it.
/// </summary>
internal sealed class Expire : IActUseCase
{
    /// <summary>The reasons the platform records.</summary>
    public const string Reason = "Validity ended without renewal.";

    public LifecycleTrigger Trigger => LifecycleTrigger.Expire;

    public async Task<Refusal?> ApplyAsync(ActContext context, CancellationToken cancellationToken)
    {
        await OpenFilings.CloseAsync(context, cancellationToken).ConfigureAwait(false);
        context.Application.DecidedAt = context.Now;
        context.Record(new ExpireAct { ValidUntil = context.Application.ValidUntil });
        return null;
    }
}
