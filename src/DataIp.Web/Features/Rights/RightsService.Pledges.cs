using DataIp.Data.Accounts;
using DataIp.Data.Rights;
using DataIp.Domain.Registration;
using DataIp.Domain.Rights;
using DataIp.Web.Features.Applications;
using Microsoft.EntityFrameworkCore;

namespace DataIp.Web.Features.Rights;

/// <summary>
/// Pledges (DOMAIN §9): filed by one side and registered only when the other side confirms;
/// priority by the time of registration; released only by the pledgee, or by an examiner on a
/// court order; while in force, transfers, cancellation and exclusive licences need the
/// pledgee's recorded consent.
/// </summary>
public sealed partial class RightsService
{
    /// <summary>The holder (naming the pledgee) or the pledgee (of the registration's sole holder) files a pledge.</summary>
    public Task<ActOutcome> FilePledgeAsync(string number, ActingParty party, PledgeRequest request, CancellationToken ct) =>
        ActAsync(number, party, LifecycleTrigger.FilePledge, null, async (step, ct) =>
        {
            var app = step.Application;
            var (holders, holder) = await HoldersAsync(step, party, ct).ConfigureAwait(false);
            var byPledgee = party.Role == AccountRole.Pledgee;
            if (!byPledgee && holder is null)
            {
                return NotHolder(app, "pledge it");
            }

            if (RequireSoleHolder(app, holders, "pledge it") is { } coHeld)
            {
                return coHeld;
            }

            Account? pledgee;
            if (byPledgee)
            {
                if (request.PledgeeAccountId is { } named && named != party.AccountId)
                {
                    return ActOutcome.InvalidField("pledgeeAccountId", "A pledgee files for itself: leave pledgeeAccountId out or give your own account.");
                }

                pledgee = await db.Users.AsNoTracking().SingleAsync(a => a.Id == party.AccountId, ct).ConfigureAwait(false);
            }
            else
            {
                (pledgee, var refusal) = await AccountAsync(request.PledgeeAccountId, "pledgeeAccountId", AccountRole.Pledgee, "pledgee", ct).ConfigureAwait(false);
                if (refusal is not null)
                {
                    return refusal;
                }
            }

            if (string.IsNullOrWhiteSpace(request.ContractNumber) || request.ContractNumber.Trim().Length > 100)
            {
                return ActOutcome.InvalidField("contractNumber", "Give the pledge contract's number (at most 100 characters).");
            }

            var (money, field, error) = MoneyAmount.Parse(request.SecuredAmount, request.Currency);
            if (money is null)
            {
                return ActOutcome.InvalidField(field == "amount" ? "securedAmount" : "currency", error!);
            }

            if ((CheckRights(app, request.Rights, "pledged") ?? CheckTerm(app, request.StartsOn, request.EndsOn)) is { } invalid)
            {
                return invalid;
            }

            var pledge = new PledgeRecord
            {
                Id = Guid.CreateVersion7(),
                Number = await NextNumberAsync(app, 'P', ct).ConfigureAwait(false),
                ApplicationId = app.Id,
                PledgeeAccountId = pledgee!.Id,
                PledgeeName = pledgee.DisplayName,
                HolderAccountId = holders[0].AccountId ?? Guid.Empty,
                FiledBy = byPledgee ? "pledgee" : "holder",
                ContractNumber = request.ContractNumber.Trim(),
                SecuredAmount = money.Amount,
                Currency = money.Currency,
                StartsOn = request.StartsOn!.Value,
                EndsOn = request.EndsOn!.Value,
                Rights = RightsText(request.Rights!),
                Status = PledgeStatus.Filed,
                FiledAt = step.Now,
            };
            db.Pledges.Add(pledge);
            step.Payload["registrationNumber"] = app.RegistrationNumber;
            step.Payload["pledge"] = PledgePayload(pledge);
            step.Private["contractNumber"] = pledge.ContractNumber;
            return null;
        }, ct);

    /// <summary>
    /// The other side confirms a filed pledge: it is registered now and ranks after every pledge
    /// registered before it. The side that filed cannot confirm its own filing.
    /// </summary>
    public Task<ActOutcome> ConfirmPledgeAsync(string number, string pledgeNumber, ActingParty party, CancellationToken ct) =>
        ActAsync(number, party, LifecycleTrigger.ConfirmPledge, null, async (step, ct) =>
        {
            var app = step.Application;
            var pledge = await PledgeAsync(app.Id, pledgeNumber, ct).ConfigureAwait(false);
            if (pledge is null)
            {
                return PledgeNotFound(app, pledgeNumber);
            }

            var (holders, holder) = await HoldersAsync(step, party, ct).ConfigureAwait(false);
            var isPledgee = party.AccountId == pledge.PledgeeAccountId;
            if (!isPledgee && holder is null)
            {
                return ActOutcome.Refused(StatusCodes.Status403Forbidden, "Not permitted",
                    $"Only the pledgee ({pledge.PledgeeName}) or a holder of registration {app.RegistrationNumber} may confirm pledge {pledge.Number}.");
            }

            if (pledge.Status != PledgeStatus.Filed)
            {
                return ActOutcome.Refused(StatusCodes.Status409Conflict, "Not awaiting confirmation", $"Pledge {pledge.Number} is {JsonNaming.Camel(pledge.Status)}, not awaiting confirmation.");
            }

            if ((isPledgee && pledge.FiledBy == "pledgee") || (!isPledgee && pledge.FiledBy == "holder"))
            {
                var other = pledge.FiledBy == "holder" ? $"the pledgee ({pledge.PledgeeName})" : "the holder";
                return ActOutcome.Refused(StatusCodes.Status409Conflict, "Filed by one side only",
                    $"A pledge is registered jointly: pledge {pledge.Number} was filed by the {pledge.FiledBy} and must be confirmed by {other}.");
            }

            if (RequireSoleHolder(app, holders, "pledge it") is { } coHeld)
            {
                return coHeld;
            }

            if (holders[0].AccountId != pledge.HolderAccountId)
            {
                return ActOutcome.Refused(StatusCodes.Status409Conflict, "Holder changed",
                    $"Pledge {pledge.Number} was filed with a holder who no longer holds registration {app.RegistrationNumber}; file it again with the current holder.");
            }

            var ranked = await db.Pledges.CountAsync(p => p.ApplicationId == app.Id && p.Priority != null, ct).ConfigureAwait(false);
            pledge.Status = PledgeStatus.Registered;
            pledge.RegisteredAt = step.Now;
            pledge.Priority = ranked + 1;
            app.ActivePledges++;
            step.Payload["registrationNumber"] = app.RegistrationNumber;
            step.Payload["pledge"] = PledgePayload(pledge);
            step.Private["contractNumber"] = pledge.ContractNumber;
            return null;
        }, ct);

    /// <summary>The pledgee of a registered pledge records its consent to one act.</summary>
    public Task<ActOutcome> ConsentAsync(string number, string pledgeNumber, ActingParty party, ConsentRequest request, CancellationToken ct) =>
        ActAsync(number, party, LifecycleTrigger.ConsentToAct, null, async (step, ct) =>
        {
            var app = step.Application;
            var pledge = await PledgeAsync(app.Id, pledgeNumber, ct).ConfigureAwait(false);
            if (pledge is null)
            {
                return PledgeNotFound(app, pledgeNumber);
            }

            if (party.AccountId != pledge.PledgeeAccountId)
            {
                return ActOutcome.Refused(StatusCodes.Status403Forbidden, "Not permitted", $"Only the pledgee of pledge {pledge.Number} ({pledge.PledgeeName}) may consent for it.");
            }

            if (pledge.Status != PledgeStatus.Registered)
            {
                return ActOutcome.Refused(StatusCodes.Status409Conflict, "Pledge not in force", $"Pledge {pledge.Number} is {JsonNaming.Camel(pledge.Status)}; only a registered pledge's consent is needed.");
            }

            if (request.Purpose is null)
            {
                return ActOutcome.InvalidField("purpose", "Say what you consent to: transfer, cancellation or exclusiveLicence.");
            }

            var reference = string.IsNullOrWhiteSpace(request.Reference) ? null : request.Reference.Trim();
            if (reference is { Length: > 200 })
            {
                return ActOutcome.InvalidField("reference", "The reference has at most 200 characters.");
            }

            db.PledgeConsents.Add(new PledgeConsent
            {
                Id = Guid.CreateVersion7(),
                PledgeId = pledge.Id,
                ApplicationId = app.Id,
                Purpose = request.Purpose.Value,
                Reference = reference,
                GivenAt = step.Now,
            });
            step.Payload["registrationNumber"] = app.RegistrationNumber;
            step.Payload["pledgeNumber"] = pledge.Number;
            step.Payload["purpose"] = JsonNaming.Camel(request.Purpose.Value);
            step.Payload["reference"] = reference;
            return null;
        }, ct);

    /// <summary>
    /// Releases a registered pledge: by its pledgee, or by an examiner of the body on a court order
    /// (its number and the order itself, stored as an attachment). Nobody else, the holder
    /// included, can release a pledge.
    /// </summary>
    public Task<ActOutcome> ReleasePledgeAsync(
        string number, string pledgeNumber, ActingParty party, string? reason, CourtOrder? courtOrder, CancellationToken ct) =>
        ActAsync(number, party, LifecycleTrigger.ReleasePledge, reason, async (step, ct) =>
        {
            var app = step.Application;
            var pledge = await PledgeAsync(app.Id, pledgeNumber, ct).ConfigureAwait(false);
            if (pledge is null)
            {
                return PledgeNotFound(app, pledgeNumber);
            }

            var byExaminer = party.Role == AccountRole.Examiner;
            if (byExaminer && party.BodyId != app.BodyId)
            {
                return ActOutcome.Refused(StatusCodes.Status403Forbidden, "Not permitted", "Only an examiner of the registration's body may release a pledge on a court order.");
            }

            if (!byExaminer && party.AccountId != pledge.PledgeeAccountId)
            {
                return ActOutcome.Refused(StatusCodes.Status403Forbidden, "Not permitted",
                    $"Only the pledgee of pledge {pledge.Number} ({pledge.PledgeeName}) may release it, or an examiner on a court order.");
            }

            if (byExaminer && (courtOrder is null || string.IsNullOrWhiteSpace(courtOrder.Number)))
            {
                return ActOutcome.InvalidField("courtOrder", "An examiner releases a pledge only on a court order: attach it (multipart field 'courtOrder') and give its number ('courtOrderNumber').");
            }

            if (pledge.Status != PledgeStatus.Registered)
            {
                return ActOutcome.Refused(StatusCodes.Status409Conflict, "Pledge not in force", $"Pledge {pledge.Number} is {JsonNaming.Camel(pledge.Status)}; only a registered pledge can be released.");
            }

            if (byExaminer && string.IsNullOrWhiteSpace(reason))
            {
                return ActOutcome.InvalidField("reason", "Say why the pledge is released (the court order's ruling).");
            }

            pledge.Status = PledgeStatus.Released;
            pledge.ReleasedAt = step.Now;
            pledge.ReleaseBasis = byExaminer ? "courtOrder" : "pledgee";
            pledge.CourtOrderNumber = courtOrder?.Number;
            pledge.CourtOrderAttachmentId = courtOrder?.File.Id;
            if (courtOrder is not null)
            {
                db.Attachments.Add(new Data.Applications.AttachmentRecord
                {
                    Id = courtOrder.File.Id,
                    ApplicationId = app.Id,
                    Kind = DataIp.Domain.Registration.AttachmentKind.CourtOrder,
                    FileName = courtOrder.File.FileName,
                    ContentType = courtOrder.File.ContentType,
                    Length = courtOrder.File.Length,
                    Sha256 = courtOrder.File.Sha256Hex,
                    UploadedById = party.AccountId,
                    UploadedAt = step.Now,
                });
            }

            app.ActivePledges--;
            step.Payload["registrationNumber"] = app.RegistrationNumber;
            step.Payload["pledgeNumber"] = pledge.Number;
            step.Payload["basis"] = pledge.ReleaseBasis;
            step.Payload["courtOrderNumber"] = courtOrder?.Number;
            step.Private["courtOrderSha256"] = courtOrder?.File.Sha256Hex;
            return null;
        }, ct);

    /// <summary>A pledge as its acts record it (public particulars; the contract number is private).</summary>
    internal static Dictionary<string, object?> PledgePayload(PledgeRecord pledge) => new()
    {
        ["number"] = pledge.Number,
        ["pledgee"] = pledge.PledgeeName,
        ["filedBy"] = pledge.FiledBy,
        ["securedAmount"] = new MoneyAmount(pledge.SecuredAmount, pledge.Currency).Text,
        ["currency"] = pledge.Currency,
        ["startsOn"] = pledge.StartsOn,
        ["endsOn"] = pledge.EndsOn,
        ["rights"] = RightsList(pledge.Rights),
        ["status"] = JsonNaming.Camel(pledge.Status),
        ["priority"] = pledge.Priority,
    };

    private Task<PledgeRecord?> PledgeAsync(Guid applicationId, string pledgeNumber, CancellationToken ct) =>
        db.Pledges.SingleOrDefaultAsync(p => p.ApplicationId == applicationId && p.Number == pledgeNumber, ct);

    private static ActOutcome PledgeNotFound(Data.Applications.ApplicationRecord app, string pledgeNumber) =>
        ActOutcome.Refused(StatusCodes.Status404NotFound, "Not found", $"Registration {app.RegistrationNumber} has no pledge {pledgeNumber}.");
}

/// <summary>A court order attached to a release.</summary>
/// <param name="Number">The order's number (案号).</param>
/// <param name="File">The stored order.</param>
public sealed record CourtOrder(string Number, Data.Attachments.StoredAttachment File);
