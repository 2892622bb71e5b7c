using System.Diagnostics.CodeAnalysis;

namespace DataIp.Data.Attachments;

/// <summary>
/// The outcome of <see cref="IAttachmentStore.SaveAsync"/>: exactly one of <see cref="Attachment"/>
/// (when <see cref="IsStored"/>) or <see cref="Refusal"/> is set. A refusal is an expected outcome the
/// edge maps to a 400 ProblemDetails; infrastructure failures are thrown instead.
/// </summary>
public sealed record AttachmentSaveResult
{
    private AttachmentSaveResult(StoredAttachment? attachment, AttachmentRefusal? refusal)
    {
        Attachment = attachment;
        Refusal = refusal;
    }

    public StoredAttachment? Attachment { get; }

    public AttachmentRefusal? Refusal { get; }

    [MemberNotNullWhen(true, nameof(Attachment))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool IsStored => Attachment is not null;

    public static AttachmentSaveResult Stored(StoredAttachment attachment)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        return new AttachmentSaveResult(attachment, null);
    }

    public static AttachmentSaveResult Refused(AttachmentRefusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return new AttachmentSaveResult(null, refusal);
    }
}
