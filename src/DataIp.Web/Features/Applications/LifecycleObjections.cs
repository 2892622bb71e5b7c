using DataIp.Data.Applications;
using DataIp.Data.Attachments;
using DataIp.Domain.Registration;
using Microsoft.EntityFrameworkCore;

namespace DataIp.Web.Features.Applications;

/// <summary>What an objector files.</summary>
/// <param name="ObjectorName">The objector's name (public).</param>
/// <param name="ObjectorContact">How to reach the objector (examiners only).</param>
/// <param name="Grounds">The grounds.</param>
public sealed record ObjectionFiling(string? ObjectorName, string? ObjectorContact, string? Grounds);

/// <summary>Objections and rulings (DOMAIN §4: objections only during the notice period).</summary>
public sealed partial class LifecycleService
{
    /// <summary>Longest grounds accepted.</summary>
    public const int MaxGroundsLength = 5000;

    /// <summary>
    /// Anyone files an objection during the notice period, with attachments already stored by the
    /// caller (which deletes them again if this act is refused).
    /// </summary>
    public Task<ActOutcome> FileObjectionAsync(
        Guid applicationId, ActingParty party, ObjectionFiling filing, IReadOnlyList<StoredAttachment> attachments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filing);
        ArgumentNullException.ThrowIfNull(attachments);
        return ApplyAsync(applicationId, party, LifecycleTrigger.FileObjection, filing.Grounds, (step, _) =>
        {
            if (ValidateFiling(filing) is { } invalid)
            {
                return Task.FromResult<ActOutcome?>(invalid);
            }

            var objection = new Objection
            {
                Id = Guid.NewGuid(),
                ApplicationId = applicationId,
                ObjectorName = filing.ObjectorName!.Trim(),
                ObjectorContact = filing.ObjectorContact!.Trim(),
                ObjectorAccountId = party.AccountId,
                Grounds = filing.Grounds!.Trim(),
                Status = ObjectionStatus.Open,
                FiledAt = step.Now,
            };
            db.Objections.Add(objection);
            foreach (var stored in attachments)
            {
                db.Attachments.Add(new AttachmentRecord
                {
                    Id = stored.Id,
                    ObjectionId = objection.Id,
                    Kind = stored.Kind,
                    FileName = stored.FileName,
                    ContentType = stored.ContentType,
                    Length = stored.Length,
                    Sha256 = stored.Sha256Hex,
                    UploadedById = party.AccountId,
                    UploadedAt = step.Now,
                });
            }

            step.Payload["objectionId"] = objection.Id;
            step.Payload["objectorName"] = objection.ObjectorName;
            step.Payload["attachments"] = attachments.Select(a => new { a.Id, a.FileName }).ToList();
            step.Private["objectorContact"] = objection.ObjectorContact;
            step.Private["attachmentHashes"] = attachments.Select(a => a.Sha256Hex).ToList();
            return Task.FromResult<ActOutcome?>(null);
        }, cancellationToken);
    }

    /// <summary>
    /// An examiner rules on an open objection: upheld rejects the application; dismissed lets the
    /// notice period continue.
    /// </summary>
    public async Task<ActOutcome> RuleObjectionAsync(Guid objectionId, ActingParty party, bool upheld, string? reasons, CancellationToken cancellationToken)
    {
        var applicationId = await db.Objections.Where(o => o.Id == objectionId).Select(o => (Guid?)o.ApplicationId)
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (applicationId is null)
        {
            return ActOutcome.Refused(StatusCodes.Status404NotFound, "Not found", "The objection was not found or is not visible to you.");
        }

        var trigger = upheld ? LifecycleTrigger.UpholdObjection : LifecycleTrigger.DismissObjection;
        return await ApplyAsync(applicationId.Value, party, trigger, reasons, async (step, ct) =>
        {
            if (string.IsNullOrWhiteSpace(reasons))
            {
                return ActOutcome.InvalidField("reason", "A ruling on an objection must state its reasons.");
            }

            var objection = await db.Objections.SingleAsync(o => o.Id == objectionId, ct).ConfigureAwait(false);
            if (objection.Status != ObjectionStatus.Open)
            {
                return ActOutcome.Refused(StatusCodes.Status409Conflict, "Objection already ruled on",
                    $"The objection was already {JsonNaming.Camel(objection.Status)} on {objection.RuledAt:yyyy-MM-dd}.");
            }

            objection.Status = upheld ? ObjectionStatus.Upheld : ObjectionStatus.Dismissed;
            objection.RuledAt = step.Now;
            objection.RuledById = party.AccountId;
            objection.RulingReasons = reasons.Trim();
            if (upheld)
            {
                step.Application.DecisionReasons = "Objection upheld: " + reasons.Trim();
                step.Application.DecidedAt = step.Now;
            }

            step.Payload["objectionId"] = objectionId;
            step.Payload["ruling"] = upheld ? "upheld" : "dismissed";
            return null;
        }, cancellationToken).ConfigureAwait(false);
    }

    private static ActOutcome? ValidateFiling(ObjectionFiling filing)
    {
        var errors = new Dictionary<string, string[]>();
        Require(errors, "objectorName", filing.ObjectorName, 200, "Give the objector's name.");
        Require(errors, "objectorContact", filing.ObjectorContact, 200, "Give a phone number or e-mail address where the examiner can reach the objector.");
        Require(errors, "grounds", filing.Grounds, MaxGroundsLength, "State the grounds of the objection.");
        return errors.Count == 0 ? null : ActOutcome.Invalid(errors);
    }

    private static void Require(Dictionary<string, string[]> errors, string field, string? value, int maxLength, string missing)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = [missing];
        }
        else if (value.Trim().Length > maxLength)
        {
            errors[field] = [$"{field} must be at most {maxLength} characters; it has {value.Trim().Length}."];
        }
    }
}
