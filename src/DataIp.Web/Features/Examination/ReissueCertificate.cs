using DataIp.Web.Features.Certificates;
using DataIp.Web.Features.Rights;

namespace DataIp.Web.Features.Examination;

/// <summary>
/// An examiner of the body re-issues a registration's certificate (补发/换发: lost or damaged, a
/// corrected print, a rotated key), with reasons: a new certificate number for the same
/// registration; the earlier certificate reads superseded.
/// </summary>
internal sealed class ReissueCertificate : IActUseCase
{
    public LifecycleTrigger Trigger => LifecycleTrigger.ReissueCertificate;

    public async Task<Refusal?> ApplyAsync(ActContext context, CancellationToken cancellationToken)
    {
        if (context.RequireReason(RefusalKey.ReasonOfReissue) is { } noReasons)
        {
            return noReasons;
        }

        var supersedes = context.Application.CertificateNumber;
        var holders = await Holders.NamesAsync(context.Db, context.Application.Id, cancellationToken).ConfigureAwait(false);
        await CertificateIssuance.IssueAsync(context, holders, cancellationToken).ConfigureAwait(false);
        context.Record(new ReissueCertificateAct { Supersedes = supersedes });
        return null;
    }
}
