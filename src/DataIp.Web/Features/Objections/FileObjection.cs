namespace DataIp.Web.Features.Objections;

/// <summary>What an objector files.</summary>
/// <param name="ObjectorName">The objector's name (public).</param>
/// <param name="ObjectorContact">How to reach the objector (the body's staff only).</param>
/// <param name="Grounds">The grounds (the act's reasons, the parties').</param>
public sealed record ObjectionFiling(string? ObjectorName, string? ObjectorContact, string? Grounds);

/// <summary>
/// Anyone files an objection during the public notice period (DOMAIN §4), with evidence files the
/// caller has stored already (and deletes again if the act is refused).
/// </summary>
/// <param name="filing">The objection.</param>
/// <param name="attachments">Its stored evidence files.</param>
internal sealed class FileObjection(ObjectionFiling filing, IReadOnlyList<StoredAttachment> attachments) : IActUseCase
{
    /// <summary>Longest grounds accepted.</summary>
    public const int MaxGroundsLength = 5000;

    public LifecycleTrigger Trigger => LifecycleTrigger.FileObjection;

    public Task<Refusal?> ApplyAsync(ActContext context, CancellationToken cancellationToken)
    {
        if (Validate(filing) is { } invalid)
        {
            return Task.FromResult<Refusal?>(invalid);
        }

        var objection = new Objection
        {
            Id = Guid.NewGuid(),
            ApplicationId = context.Application.Id,
            ObjectorName = filing.ObjectorName!.Trim(),
            ObjectorContact = filing.ObjectorContact!.Trim(),
            ObjectorAccountId = context.Party.AccountId,
            Grounds = filing.Grounds!.Trim(),
            Status = ObjectionStatus.Open,
            FiledAt = context.Now,
        };
        context.Db.Objections.Add(objection);
        foreach (var stored in attachments)
        {
            context.Db.Attachments.Add(new AttachmentRecord
            {
                Id = stored.Id,
                ObjectionId = objection.Id,
                Kind = stored.Kind,
                FileName = stored.FileName,
                ContentType = stored.ContentType,
                Length = stored.Length,
                Sha256 = stored.Sha256Hex,
                UploadedById = context.Party.AccountId,
                UploadedAt = context.Now,
            });
        }

        context.Record(new FileObjectionAct
        {
            ObjectionId = objection.Id,
            ObjectorName = objection.ObjectorName,
            Attachments = [.. attachments.Select(a => new AttachmentReference(a.Id, a.FileName))],
            ObjectorContact = objection.ObjectorContact,
            AttachmentHashes = [.. attachments.Select(a => a.Sha256Hex)],
        });
        return Task.FromResult<Refusal?>(null);
    }

    private static Refusal? Validate(ObjectionFiling filing)
    {
        var errors = new Dictionary<string, RefusalMessage[]>();
        Require(errors, "objectorName", filing.ObjectorName, 200, RefusalKey.ObjectorName);
        Require(errors, "objectorContact", filing.ObjectorContact, 200, RefusalKey.ObjectorContact);
        Require(errors, "grounds", filing.Grounds, MaxGroundsLength, RefusalKey.ObjectorGrounds);
        return errors.Count == 0 ? null : Refusal.Invalid(errors);
    }

    private static void Require(Dictionary<string, RefusalMessage[]> errors, string field, string? value, int maxLength, RefusalKey missing)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = [new(missing)];
        }
        else if (value.Trim().Length > maxLength)
        {
            errors[field] = [new(RefusalKey.FieldTooLong, RefusalMessage.Worded(field, RefusalKey.ThisAnswer), maxLength, value.Trim().Length)];
        }
    }
}
