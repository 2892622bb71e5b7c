using System.Globalization;
using DataIp.Data.Rights;

namespace DataIp.Web.Features.Rights.Pledges;

/// <summary>A court order attached to a release, as sent (the use case checks each part).</summary>
/// <param name="Number">The order's number (案号).</param>
/// <param name="CourtName">The court that made it (e.g. 深圳市中级人民法院).</param>
/// <param name="Date">The day it was made, as sent: <c>yyyy-MM-dd</c>.</param>
/// <param name="File">The stored order.</param>
public sealed record CourtOrder(string Number, string CourtName, string Date, StoredAttachment File);

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

    /// <summary>The longest court name the register holds.</summary>
    public const int MaxCourtName = 100;

    /// <summary>The earliest day a court order may bear: the People's Republic's courts date from its founding.</summary>
    public static readonly DateOnly FirstCourtOrderDate = new(1949, 10, 1);

    // An examiner releases only on a court order, with reasons; the pledgee never files one.
    protected override Refusal? CheckInput(ActContext context, PledgeRecord item) => ByExaminer(context)
        ? (courtOrder is null || string.IsNullOrWhiteSpace(courtOrder.Number)
            ? Refusal.Invalid("courtOrder", RefusalKey.CourtOrderNeeded)
            : CheckParticulars(courtOrder, context.Today) ?? context.RequireReason(RefusalKey.ReasonOfReleaseOnOrder))
        : courtOrder is not null
            ? Refusal.Invalid("courtOrder", RefusalKey.PledgeeReleasesWithoutOrder)
            : null;

    /// <summary>The day of a court order as sent (<c>yyyy-MM-dd</c>), or null when it is not one.</summary>
    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    protected override Task<Refusal?> ApplyAsync(ActContext context, PledgeRecord pledge, CancellationToken cancellationToken)
    {
        var app = context.Application;
        var byExaminer = ByExaminer(context);
        var basis = byExaminer ? ReleaseBasis.CourtOrder : ReleaseBasis.Pledgee;
        pledge.Status = PledgeStatus.Released;
        pledge.ReleasedAt = context.Now;
        pledge.ReleaseBasis = RightsParticulars.Stored(basis);
        pledge.CourtOrderNumber = courtOrder?.Number;
        pledge.CourtName = courtOrder?.CourtName;
        pledge.CourtOrderDate = ParseDate(courtOrder?.Date);
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
                + $"of {courtOrder.CourtName} dated {pledge.CourtOrderDate:yyyy-MM-dd} on {context.Today:yyyy-MM-dd}; it is no longer an encumbrance in the register. Reasons: {context.Reason}"));
        }

        context.Record(new ReleasePledgeAct
        {
            PledgeNumber = pledge.Number,
            Basis = basis,
            CourtOrderNumber = courtOrder?.Number,
            CourtName = courtOrder?.CourtName,
            CourtOrderDate = pledge.CourtOrderDate,
            CourtOrderSha256 = courtOrder?.File.Sha256Hex,
        });
        return Task.FromResult<Refusal?>(null);
    }

    // The order's number, court and date, each a field of its own, all refused at once; they enter the register and the public log.
    private static Refusal? CheckParticulars(CourtOrder order, DateOnly today)
    {
        var fields = new Dictionary<string, RefusalMessage[]>(StringComparer.Ordinal);
        Add("courtOrderNumber", CheckNumber(order.Number));
        Add("courtName", CheckCourt(order.CourtName));
        Add("courtOrderDate", CheckDate(order.Date, today));
        return fields.Count == 0 ? null : Refusal.Invalid(fields, fields.Count == 1 ? fields.Values.Single()[0] : null);

        void Add(string field, RefusalMessage? message)
        {
            if (message is not null)
            {
                fields[field] = [message];
            }
        }
    }

    // One line each (the multipart reader checks the same, the page's form does not pass through it).
    private static RefusalMessage? CheckNumber(string number) =>
        number.Length > MaxCourtOrderNumber ? new(RefusalKey.CourtOrderNumberTooLong, MaxCourtOrderNumber)
        : RegisterText.Problem(number, singleLine: true) is { } problem ? RefusalMessage.Worded($"courtOrderNumber {problem}", RefusalKey.CourtOrderNumberInvalid)
        : null;

    private static RefusalMessage? CheckCourt(string court) =>
        string.IsNullOrWhiteSpace(court) ? new(RefusalKey.CourtNameMissing)
        : court.Length > MaxCourtName ? new(RefusalKey.CourtNameTooLong, MaxCourtName)
        : RegisterText.Problem(court, singleLine: true) is { } problem ? RefusalMessage.Worded($"courtName {problem}", RefusalKey.CourtNameInvalid)
        : null;

    // A day of the court's calendar: not after today in China (an order cannot be dated ahead), not before the courts existed.
    private static RefusalMessage? CheckDate(string date, DateOnly today) =>
        string.IsNullOrWhiteSpace(date) ? new(RefusalKey.CourtOrderDateMissing)
        : ParseDate(date) is not { } day ? new(RefusalKey.CourtOrderDateInvalid)
        : day > today ? new(RefusalKey.CourtOrderDateInFuture, day, today)
        : day < FirstCourtOrderDate ? new(RefusalKey.CourtOrderDateTooEarly, FirstCourtOrderDate)
        : null;

    private static bool ByExaminer(ActContext context) => !context.Relations.Contains(Actor.Pledgee);
}
