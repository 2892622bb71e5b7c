namespace DataIp.Data.Attachments;

/// <summary>
/// Why an upload was not stored, for the uploader: <paramref name="Field"/> names the form field
/// ("file") and <paramref name="Message"/> says what would be accepted.
/// </summary>
public sealed record AttachmentRefusal(string Field, string Message);
