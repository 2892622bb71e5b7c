using DataIp.Data.Rights;

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
internal sealed class ReleasePledge(string pledgeNumber, CourtOrder? courtOrder) : PledgeAct(pledgeNumber)
{
    public override LifecycleTrigger Trigger => LifecycleTrigger.ReleasePledge;

    protected override RightsContext FactsOf(PledgeRecord item) => new() { CourtOrder = courtOrder is not null };

    /// <summary>The longest court order number the register holds.</summary>
    public const int MaxCourtOrderNumber = 100;

    // An examiner releases only on a court order, with reasons; the pledgee never files one.
    protected override Refusal? CheckInput(ActContext context, PledgeRecord item) => ByExaminer(context)
        ? (courtOrder is null || string.IsNullOrWhiteSpace(courtOrder.Number)
            ? Refusal.Invalid("courtOrder", RefusalKey.CourtOrderNeeded)
            : CheckNumber(courtOrder.Number) ?? context.RequireReason(RefusalKey.ReasonOfReleaseOnOrder))
        : courtOrder is not null
            ? Refusal.Invalid("courtOrder", RefusalKey.PledgeeReleasesWithoutOrder)
            : null;

    protected override Task<Refusal?> ApplyAsync(ActContext context, PledgeRecord pledge, CancellationToken cancellationToken)
    {
        var app = context.Application;
        var byExaminer = ByExaminer(context);
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
        if (byExaminer)
        {
            // Released against its will: the pledgee is told here, as it is no longer a party of the registration once the act is saved.
            context.Notices.Add(new Notifications.Notice(
                [pledge.PledgeeAccountId], ActCatalogue.Of<ReleasePledgeAct>().Name, app.Id, $"Pledge {pledge.Number} of registration {app.RegistrationNumber} released on a court order",
                $"An examiner of the registration body released pledge {pledge.Number} on registration {app.RegistrationNumber} “{app.DataName}” on court order {courtOrder!.Number} "
                + $"on {context.Today:yyyy-MM-dd}; it is no longer an encumbrance in the register. Reasons: {context.Reason}"));
        }

        context.Record(new ReleasePledgeAct
        {
            PledgeNumber = pledge.Number,
            Basis = basis,
            CourtOrderNumber = courtOrder?.Number,
            CourtOrderSha256 = courtOrder?.File.Sha256Hex,
        });
        return Task.FromResult<Refusal?>(null);
    }

    // The number enters the register and the public log as one line (the multipart reader checks the same, the page's form does not pass through it).
    private static Refusal? CheckNumber(string number) =>
        number.Length > MaxCourtOrderNumber ? Refusal.Invalid("courtOrderNumber", RefusalKey.CourtOrderNumberTooLong, MaxCourtOrderNumber)
        : RegisterText.Problem(number, singleLine: true) is { } problem ? Refusal.Invalid("courtOrderNumber", RefusalMessage.Worded($"courtOrderNumber {problem}", RefusalKey.CourtOrderNumberInvalid))
        : null;

    private static bool ByExaminer(ActContext context) => !context.Relations.Contains(Actor.Pledgee);
}
