using DataIp.Domain.Registration;

namespace DataIp.Data.Attachments;

/// <summary>
/// An attachment that is safely on storage. <paramref name="FileName"/> is the sanitised display name
/// (metadata only, never part of a path); <paramref name="ContentType"/> was detected from the bytes;
/// <paramref name="Sha256Hex"/> is the lower-case hex SHA-256 of exactly the stored bytes.
/// </summary>
public sealed record StoredAttachment(
    Guid Id,
    AttachmentKind Kind,
    string FileName,
    string ContentType,
    long Length,
    string Sha256Hex);
