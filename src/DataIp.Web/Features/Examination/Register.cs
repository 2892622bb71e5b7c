using DataIp.Data.Numbering;
using DataIp.Domain.Numbering;
using DataIp.Web.Features.Certificates;
using DataIp.Web.Features.Rights;

namespace DataIp.Web.Features.Examination;

/// <summary>
/// An examiner of the body (or the platform) registers an application whose notice period ended
/// with no open objection: the registration number, validity, first holders and the first
/// certificate, in the same transaction.
/// </summary>
internal sealed class Register : IActUseCase
{
    public LifecycleTrigger Trigger => LifecycleTrigger.Register;

    public async Task<Refusal?> ApplyAsync(ActContext context, CancellationToken cancellationToken)
    {
        var app = context.Application;
        var content = app.Content;
        var today = context.Today;
        var sequence = await SerialNumbers.NextAsync(context.Db, $"registration:{today.Year}", cancellationToken).ConfigureAwait(false);
        app.RegistrationNumber = RegistrationNumber.Create(
            today.Year,
            content.DataObject?.DataSourceType ?? DataSourceType.Other,
            content.Applicant?.RegistrantType ?? RegistrantType.Other,
            sequence).Value;
        app.RegistrationDate = today;
        app.ValidUntil = Validity.Until(today, app.Body.Policy.ValidityYears, content);
        app.DecidedAt = context.Now;
        var holders = Holders.RecordFirst(context.Db, app);
        await CertificateIssuance.IssueAsync(context, Holders.Names(holders), cancellationToken).ConfigureAwait(false);
        context.Record(new RegisterAct
        {
            RegistrationDate = today,
            ValidUntil = app.ValidUntil.Value,
            Holder = content.Applicant?.Name,
            Rights = [.. content.RightsClaimed.Select(r => r.Right).OfType<DataRight>()],
            Holders = Holders.Shares(holders),
        });
        return null;
    }
}
