using System.Buffers;
using System.Text;

namespace DataIp.Data.Attachments;

/// <summary>
/// Detects an upload's content type from its first bytes (magic numbers), never from what the client
/// claims. The declared file name only chooses between types the bytes cannot tell apart: XLSX versus
/// any other ZIP, and CSV, JSON or JSON Lines versus plain text.
/// </summary>
internal static class AttachmentContentDetector
{
    /// <summary>How many leading bytes are examined; text must be valid UTF-8 without NUL within them.</summary>
    public const int SniffLength = 64 * 1024;

    // ISO 32000-2 §7.5.2: a PDF file begins with "%PDF-" and the version.
    private static ReadOnlySpan<byte> PdfMagic => "%PDF-"u8;

    // PNG (ISO/IEC 15948) §5.2 signature.
    private static ReadOnlySpan<byte> PngMagic => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    // JPEG (ITU-T T.81) SOI marker FF D8 followed by the first marker's FF.
    private static ReadOnlySpan<byte> JpegMagic => [0xFF, 0xD8, 0xFF];

    // ZIP APPNOTE §4.3.7: a local file header begins "PK\x03\x04". XLSX (ECMA-376 OPC) is a ZIP.
    private static ReadOnlySpan<byte> ZipMagic => [0x50, 0x4B, 0x03, 0x04];

    /// <param name="head">The first bytes of the content, at most <see cref="SniffLength"/>.</param>
    /// <param name="isWholeContent">Whether <paramref name="head"/> is all of the content, so a multi-byte character cut at its end is an error.</param>
    /// <param name="fileName">The sanitised declared name, consulted only for its extension.</param>
    /// <returns>One of <see cref="AttachmentContentTypes"/>, or null when the bytes are none of them.</returns>
    public static string? Detect(ReadOnlySpan<byte> head, bool isWholeContent, string fileName)
    {
        if (head.StartsWith(PdfMagic))
        {
            return AttachmentContentTypes.Pdf;
        }

        if (head.StartsWith(PngMagic))
        {
            return AttachmentContentTypes.Png;
        }

        if (head.StartsWith(JpegMagic))
        {
            return AttachmentContentTypes.Jpeg;
        }

        if (head.StartsWith(ZipMagic))
        {
            return Extension(fileName) == ".XLSX" ? AttachmentContentTypes.Xlsx : AttachmentContentTypes.Zip;
        }

        return IsUtf8Text(head, isWholeContent) ? TextContentType(fileName) : null;
    }

    private static bool IsUtf8Text(ReadOnlySpan<byte> head, bool isWholeContent)
    {
        if (head.Contains((byte)0))
        {
            return false;
        }

        // A byte-order mark EF BB BF is itself valid UTF-8 (U+FEFF), so it needs no special case.
        var rest = head;
        while (!rest.IsEmpty)
        {
            var status = Rune.DecodeFromUtf8(rest, out _, out var consumed);
            if (status != OperationStatus.Done)
            {
                // NeedMoreData means the sniff window cut a character in half: fine unless nothing follows.
                return status == OperationStatus.NeedMoreData && !isWholeContent;
            }

            rest = rest[consumed..];
        }

        return true;
    }

    private static string TextContentType(string fileName) => Extension(fileName) switch
    {
        ".CSV" => AttachmentContentTypes.Csv,
        ".JSON" => AttachmentContentTypes.Json,
        ".JSONL" or ".NDJSON" => AttachmentContentTypes.JsonLines,
        _ => AttachmentContentTypes.PlainText,
    };

    private static string Extension(string fileName) => Path.GetExtension(fileName).ToUpperInvariant();
}
