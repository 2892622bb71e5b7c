namespace DataIp.Data.Attachments;

/// <summary>
/// The content types the platform can recognise from an upload's bytes. A stored attachment's
/// content type is always one of these; the client's declared type is never used.
/// </summary>
public static class AttachmentContentTypes
{
    public const string Pdf = "application/pdf";
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";
    public const string Zip = "application/zip";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Csv = "text/csv";
    public const string Json = "application/json";
    public const string JsonLines = "application/x-ndjson";
    public const string PlainText = "text/plain";

    /// <summary>The short name people know a type by ("PDF", "JSON Lines"); the type itself if unknown.</summary>
    public static string DisplayName(string contentType) => contentType switch
    {
        Pdf => "PDF",
        Png => "PNG",
        Jpeg => "JPEG",
        Zip => "ZIP",
        Xlsx => "XLSX",
        Csv => "CSV",
        Json => "JSON",
        JsonLines => "JSON Lines",
        PlainText => "plain text",
        _ => contentType,
    };
}
