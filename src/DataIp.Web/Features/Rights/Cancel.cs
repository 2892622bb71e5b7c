namespace DataIp.Web.Features.Rights;

/// <summary>The holder cancels the registration (注销), with every active pledgee's consent; open filings lapse with it.</summary>
internal sealed class Cancel : IActUseCase
{
    public LifecycleTrigger Trigger => LifecycleTrigger.Cancel;

    public async Task<Refusal?> ApplyAsync(ActContext context, CancellationToken cancellationToken)
    {
        var (holders, _) = await Holders.OfAsync(context, cancellationToken).ConfigureAwait(false);
        if (Holders.RequireSole(context.Application, holders, RefusalKey.PhraseCancelIt) is { } coHeld)
        {
            return coHeld;
        }

        var (consents, noConsent) = await Consents.RequireAsync(context, ConsentPurpose.Cancellation, null, new RefusalMessage(RefusalKey.PhraseCancellation), cancellationToken).ConfigureAwait(false);
        if (noConsent is not null)
        {
            return noConsent;
        }

        await OpenFilings.CloseAsync(context, cancellationToken).ConfigureAwait(false);
        context.Application.DecidedAt = context.Now;
        context.Record(new CancelAct { Consents = consents });
        return null;
    }
}
