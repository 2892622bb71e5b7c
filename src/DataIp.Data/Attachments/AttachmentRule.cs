using DataIp.Domain.Registration;

namespace DataIp.Data.Attachments;

/// <summary>
/// What one <see cref="AttachmentKind"/> accepts: at most <see cref="MaxBytes"/> bytes (at least one)
/// of one of <see cref="AllowedContentTypes"/>, in the order they are named to the uploader.
/// </summary>
public sealed record AttachmentRule
{
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBytes"/> is not positive.</exception>
    /// <exception cref="ArgumentException"><paramref name="allowedContentTypes"/> is empty or has a blank entry.</exception>
    public AttachmentRule(long maxBytes, IEnumerable<string> allowedContentTypes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        ArgumentNullException.ThrowIfNull(allowedContentTypes);
        string[] types = [.. allowedContentTypes];
        if (types.Length == 0 || types.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("An attachment rule needs at least one content type and no blank ones.", nameof(allowedContentTypes));
        }

        MaxBytes = maxBytes;
        AllowedContentTypes = types.AsReadOnly();
    }

    public long MaxBytes { get; }

    public IReadOnlyList<string> AllowedContentTypes { get; }

    public bool Allows(string contentType) => AllowedContentTypes.Contains(contentType, StringComparer.Ordinal);
}
