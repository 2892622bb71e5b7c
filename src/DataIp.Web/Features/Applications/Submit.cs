using DataIp.Data.Numbering;
using DataIp.Domain.Numbering;

namespace DataIp.Web.Features.Applications;

/// <summary>
/// The applicant submits: the content must be complete and the account verified for the name it
/// applies in; the body's application number is assigned.
/// </summary>
internal sealed class Submit : IActUseCase
{
    public LifecycleTrigger Trigger => LifecycleTrigger.Submit;

    public async Task<Refusal?> ApplyAsync(ActContext context, CancellationToken cancellationToken)
    {
        var app = context.Application;
        if ((Submission.Validate(context) ?? await Accounts.OrganisationBinding.RefusalAsync(context.Db, app, cancellationToken).ConfigureAwait(false)) is { } refused)
        {
            return refused;
        }

        var year = context.Today.Year;
        var serial = await SerialNumbers.NextAsync(context.Db, $"application:{app.Body.Code}:{year}", cancellationToken).ConfigureAwait(false);
        app.ApplicationNumber = ApplicationNumber.Create(app.Body.Code, year, serial).Value;
        app.SubmittedAt = context.Now;
        await Submission.FileAsync(context, new SubmitAct(), cancellationToken).ConfigureAwait(false);
        return null;
    }
}
