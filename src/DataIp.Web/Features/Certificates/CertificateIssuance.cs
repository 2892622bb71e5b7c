using DataIp.Data.Certificates;
using DataIp.Data.Numbering;
using DataIp.Domain.Numbering;

namespace DataIp.Web.Features.Certificates;

/// <summary>
/// Issuing a certificate with an act (registration, re-issue, approved change, renewal, accepted
/// transfer): a new certificate number, an <c>issueCertificate</c> act after the act, and the
/// credential signed once that act is saved, since it names the act's log index and leaf hash,
/// known only then. The earlier certificate, if any, reads superseded from then on.
/// </summary>
internal static class CertificateIssuance
{
    /// <summary>Issues the step's registration a new certificate.</summary>
    /// <param name="context">The act's context; the application is registered.</param>
    /// <param name="holders">The holders' names as the certificate prints them (after the act).</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public static Task IssueAsync(ActContext context, IReadOnlyList<string> holders, CancellationToken cancellationToken) =>
        IssueAsync(context, holders, null, cancellationToken);

    /// <summary>Issues the step's registration a new certificate that names a pilot-era number (an import's first).</summary>
    /// <param name="context">The act's context; the application is registered.</param>
    /// <param name="holders">The holders' names as the certificate prints them (after the act).</param>
    /// <param name="pilotNumber">The pilot-era certificate number the certificate names, or null.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public static async Task IssueAsync(ActContext context, IReadOnlyList<string> holders, string? pilotNumber, CancellationToken cancellationToken)
    {
        var app = context.Application;
        var db = context.Db;
        string? supersedes = null;
        if (app.CertificateNumber is { } current)
        {
            var previous = await db.Certificates.SingleAsync(c => c.CertificateNumber == current, cancellationToken).ConfigureAwait(false);
            previous.Superseded = true;
            supersedes = current;
        }

        var today = context.Today;
        var serial = await SerialNumbers.NextAsync(db, $"certificate:{app.Body.Code}:{today.Year}", cancellationToken).ConfigureAwait(false);
        var certificate = new Certificate
        {
            CertificateNumber = CertificateNumber.Create(today.Year, today.Month, app.Body.Code, serial).Value,
            RegistrationNumber = app.RegistrationNumber!,
            ApplicationId = app.Id,
            IssuedAt = context.Now,
            Supersedes = supersedes,
        };
        app.CertificateNumber = certificate.CertificateNumber;
        db.Certificates.Add(certificate);
        context.FollowingActs.Add(new IssueCertificateAct
        {
            CertificateNumber = certificate.CertificateNumber,
            RegistrationNumber = certificate.RegistrationNumber,
            ApplicationNumber = app.ApplicationNumber,
            BodyCode = app.Body.Code,
            DataName = app.DataName,
            Holder = string.Join("、", holders),
            ValidUntil = app.ValidUntil,
            Supersedes = supersedes,
        });
        var issuer = context.Pipeline.Certificates;
        context.ThenAfterSave((recorded, _) =>
        {
            var issuance = recorded.Single(r => r.Act.Type == ActCatalogue.Of<IssueCertificateAct>().Name);
            issuer.Sign(certificate, app, issuance.Act.LogIndex, issuance.Entry.LeafHash, holders, pilotNumber);
            return Task.CompletedTask;
        });
    }
}
