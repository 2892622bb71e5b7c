using DataIp.Data.Attachments;
using DataIp.Domain.Registration;

namespace DataIp.Data.Applications;

/// <summary>
/// Metadata of a stored attachment; the bytes live in the <see cref="IAttachmentStore"/> under the
/// same id.
/// </summary>
public sealed class AttachmentRecord
{
    /// <summary>Identifier, equal to the store's id.</summary>
    public Guid Id { get; set; }

    /// <summary>The application it belongs to, if any.</summary>
    public Guid? ApplicationId { get; set; }

    /// <summary>The objection it belongs to, if any.</summary>
    public Guid? ObjectionId { get; set; }

    /// <summary>What the attachment is.</summary>
    public AttachmentKind Kind { get; set; }

    /// <summary>Sanitised file name for display only; never a path.</summary>
    public string FileName { get; set; } = "";

    /// <summary>Content type detected from the bytes.</summary>
    public string ContentType { get; set; } = "";

    /// <summary>Size in bytes.</summary>
    public long Length { get; set; }

    /// <summary>SHA-256 of the content, lowercase hex.</summary>
    public string Sha256 { get; set; } = "";

    /// <summary>Who uploaded it (null for an anonymous objector).</summary>
    public Guid? UploadedById { get; set; }

    /// <summary>When it was uploaded.</summary>
    public DateTimeOffset UploadedAt { get; set; }
}
