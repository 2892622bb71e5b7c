using DataIp.Web.Features.Certificates;

namespace DataIp.Web.Features.Rights;

/// <summary>
/// A holder renews within the renewal window (the lifecycle table's guard): validity runs on for
/// the body's period from the day after the current last day (no further than the end of an
/// agreement the rights rest on), and a new certificate is issued.
/// </summary>
internal sealed class Renew : IActUseCase
{
    public LifecycleTrigger Trigger => LifecycleTrigger.Renew;

    public async Task<Refusal?> ApplyAsync(ActContext context, CancellationToken cancellationToken)
    {
        var app = context.Application;
        var (holders, _) = await Holders.OfAsync(context, cancellationToken).ConfigureAwait(false);
        var current = app.ValidUntil!.Value;
        var next = Validity.Until(current.AddDays(1), app.Body.Policy.ValidityYears, app.Content);
        if (next <= current)
        {
            return Refusal.Conflict("Cannot extend", RefusalKey.CannotExtend, app.RegistrationNumber, next);
        }

        app.ValidUntil = next;
        await CertificateIssuance.IssueAsync(context, Holders.Names(holders), cancellationToken).ConfigureAwait(false);
        context.Record(new RenewAct { PreviousValidUntil = current, ValidUntil = next });
        return null;
    }
}
