namespace DataIp.Data.Attachments;

/// <summary>
/// Why the store refused an upload (<see cref="AttachmentRefusal"/>). Each code has one English
/// sentence here in the data layer (<see cref="AttachmentRefusal.Message"/>, the API's words) and its
/// words in both languages in the web's resource files (<c>Attachment.&lt;code&gt;</c>); a test walks
/// them all. The arguments each carries are listed here, in order.
/// </summary>
public enum AttachmentRefusalCode
{
    /// <summary>The upload has no bytes.</summary>
    Empty,

    /// <summary>The upload is larger than the kind allows: argument 0 the most bytes (a <see cref="long"/>).</summary>
    TooLarge,

    /// <summary>The upload's bytes are of no type the platform recognises: argument 0 the allowed content types, in the order named.</summary>
    Unrecognised,

    /// <summary>The upload is of a type the kind does not allow: argument 0 the allowed content types, argument 1 the type detected.</summary>
    NotAllowed,
}
