using DataIp.Data.Numbering;
using DataIp.Domain.Acts;
using DataIp.Domain.Numbering;
using DataIp.Domain.Registration;
using DataIp.Web.Features.Acts;

namespace DataIp.Web.Features.Applications;

/// <summary>The applicant submits: the content must be complete; the body's application number is assigned.</summary>
internal sealed class Submit : IActUseCase
{
    public LifecycleTrigger Trigger => LifecycleTrigger.Submit;

    public async Task<Refusal?> ApplyAsync(ActContext context, CancellationToken cancellationToken)
    {
        if (Submission.Validate(context) is { } invalid)
        {
            return invalid;
        }

        if (await Accounts.OrganisationBinding.RefusalAsync(context.Db, context.Application, cancellationToken).ConfigureAwait(false) is { } unbound)
        {
            return unbound;
        }

        var app = context.Application;
        var year = context.Today.Year;
        var serial = await SerialNumbers.NextAsync(context.Db, $"application:{app.Body.Code}:{year}", cancellationToken).ConfigureAwait(false);
        app.ApplicationNumber = ApplicationNumber.Create(app.Body.Code, year, serial).Value;
        app.SubmittedAt = context.Now;
        var fingerprint = await context.Pipeline.Evidence.RecordSubmissionAsync(app, context.Now, cancellationToken).ConfigureAwait(false);
        context.Record(Submission.WithParticulars(new SubmitAct { Fingerprint = fingerprint }, app));
        return null;
    }
}
