using DataIp.Data.Applications;
using DataIp.Data.Attachments;
using DataIp.Data.Rights;
using DataIp.Domain.Acts;
using DataIp.Domain.Registration;
using DataIp.Domain.Rights;
using DataIp.Web.Features.Acts;

namespace DataIp.Web.Features.Rights.Pledges;

/// <summary>A court order attached to a release.</summary>
/// <param name="Number">The order's number (案号).</param>
/// <param name="File">The stored order.</param>
public sealed record CourtOrder(string Number, StoredAttachment File);

/// <summary>
/// Releases a registered pledge: by its pledgee, or by an examiner of the body on a court order
/// (its number and the order itself, stored as an attachment of the registration). Nobody else,
/// the holder included, can release a pledge (a charges register that let anyone file a release
/// saw hundreds of malicious releases).
/// </summary>
internal sealed class ReleasePledge(string pledgeNumber, CourtOrder? courtOrder) : IActUseCase
{
    private PledgeRecord? _pledge;

    public LifecycleTrigger Trigger => LifecycleTrigger.ReleasePledge;

    public async ValueTask<Refusal?> PrepareAsync(ActContext context, CancellationToken cancellationToken)
    {
        (_pledge, var refusal) = await PledgeLookup.FindAsync(context, pledgeNumber, cancellationToken).ConfigureAwait(false);
        return refusal;
    }

    public Task<Refusal?> ApplyAsync(ActContext context, CancellationToken cancellationToken) => Task.FromResult(Apply(context));

    private Refusal? Apply(ActContext context)
    {
        var pledge = _pledge!;
        var app = context.Application;
        var byExaminer = !context.Relations.Contains(Actor.Pledgee);
        var refused = byExaminer && (courtOrder is null || string.IsNullOrWhiteSpace(courtOrder.Number))
                ? Refusal.Invalid("courtOrder", "An examiner releases a pledge only on a court order: attach it (multipart field 'courtOrder') and give its number ('courtOrderNumber').")
            : !byExaminer && courtOrder is not null
                ? Refusal.Invalid("courtOrder", "A pledgee releases its own pledge without a court order: send JSON {\"reason\": …}. Court orders are filed by an examiner of the body.")
            : context.Decide(RightsTables.Pledges, pledge.Status, new RightsContext { CourtOrder = courtOrder is not null })
            ?? (byExaminer ? context.RequireReason("A release on a court order") : null);
        if (refused is not null)
        {
            return refused;
        }

        var basis = byExaminer ? ReleaseBasis.CourtOrder : ReleaseBasis.Pledgee;
        pledge.Status = PledgeStatus.Released;
        pledge.ReleasedAt = context.Now;
        pledge.ReleaseBasis = RightsParticulars.Stored(basis);
        pledge.CourtOrderNumber = courtOrder?.Number;
        pledge.CourtOrderAttachmentId = courtOrder?.File.Id;
        if (courtOrder is not null)
        {
            context.Db.Attachments.Add(new AttachmentRecord
            {
                Id = courtOrder.File.Id,
                ApplicationId = app.Id,
                Kind = AttachmentKind.CourtOrder,
                FileName = courtOrder.File.FileName,
                ContentType = courtOrder.File.ContentType,
                Length = courtOrder.File.Length,
                Sha256 = courtOrder.File.Sha256Hex,
                UploadedById = context.Party.AccountId,
                UploadedAt = context.Now,
            });
        }

        app.ActivePledges--;
        context.Record(new ReleasePledgeAct
        {
            PledgeNumber = pledge.Number,
            Basis = basis,
            CourtOrderNumber = courtOrder?.Number,
            CourtOrderSha256 = courtOrder?.File.Sha256Hex,
        });
        return null;
    }
}
