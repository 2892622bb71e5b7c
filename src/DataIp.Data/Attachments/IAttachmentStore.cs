using DataIp.Domain.Registration;

namespace DataIp.Data.Attachments;

/// <summary>
/// Where uploaded documents and sample data live. The store chooses every attachment's id; callers
/// address attachments only by that id, never by a name or path. Implementations are safe for
/// concurrent use.
/// </summary>
public interface IAttachmentStore
{
    /// <summary>
    /// Reads <paramref name="content"/> to its end (or until it exceeds the kind's limit), detects its
    /// type from the bytes and stores it under a new random id. <paramref name="declaredFileName"/> is
    /// only sanitised display metadata. The stream is not disposed.
    /// </summary>
    /// <returns>The stored attachment, or a refusal when the upload is empty, too large or of a type the kind does not allow.</returns>
    /// <exception cref="ArgumentException">An argument is null, the kind is undefined or the stream is not readable.</exception>
    /// <exception cref="IOException">Storage failed ("couldn't store attachment …"); nothing is left under the id.</exception>
    Task<AttachmentSaveResult> SaveAsync(AttachmentKind kind, string declaredFileName, Stream content, CancellationToken cancellationToken);

    /// <summary>Opens a stored attachment for reading; the caller disposes the stream.</summary>
    /// <returns>The content, or null when no attachment has this id.</returns>
    Task<Stream?> OpenReadAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes an attachment, for compensation when the transaction that referenced it fails.
    /// Deleting an absent id does nothing, so compensation can be retried.
    /// </summary>
    Task DeleteAsync(Guid id, CancellationToken cancellationToken);
}
