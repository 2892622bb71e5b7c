using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.IO;

namespace DataIp.Crypto.Credentials;

/// <summary>
/// Reads one embedded file from a PDF: the catalog's /Names /EmbeddedFiles name tree
/// (ISO 32000-1 §7.7.4, §7.9.6), its /Filespec /EF /F stream (§7.11.4), decoded through the
/// stream's filters (FlateDecode). Thread-safe: no state.
/// </summary>
public static class PdfAttachment
{
    // A name tree this deep is a loop or an attack, not a certificate.
    private const int MaxDepth = 16;

    /// <summary>The content of the embedded file named <paramref name="name"/>, or null with why not.</summary>
    /// <param name="pdf">The PDF's bytes.</param>
    /// <param name="name">The file name, e.g. "credential.json".</param>
    /// <param name="error">Why there is no content; null when found.</param>
    /// <returns>The file's decoded bytes, or null.</returns>
    public static byte[]? TryRead(byte[] pdf, string name, out string? error)
    {
        PdfDictionary? tree;
        try
        {
            using var stream = new MemoryStream(pdf, writable: false);
            using var document = PdfReader.Open(stream, PdfDocumentOpenMode.Import);
            tree = document.Internals.Catalog.Elements.GetDictionary("/Names")?.Elements.GetDictionary("/EmbeddedFiles");
            var content = tree is null ? null : Find(tree, name, 0);
            error = tree is null ? "the PDF embeds no files"
                : content is null ? $"the PDF embeds no file named {name}"
                : null;
            return content;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // PDFsharp throws many kinds for damaged files; all mean the same here.
            error = $"couldn't read the PDF: {exception.Message}";
            return null;
        }
    }

    private static byte[]? Find(PdfDictionary node, string name, int depth)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        if (node.Elements.GetArray("/Names") is { } names)
        {
            for (var i = 0; i + 1 < names.Elements.Count; i += 2)
            {
                if (names.Elements[i] is PdfString key && key.Value == name)
                {
                    return Content(Resolve(names.Elements[i + 1]));
                }
            }
        }

        foreach (var kid in node.Elements.GetArray("/Kids")?.Elements ?? Enumerable.Empty<PdfItem>())
        {
            if (Resolve(kid) is { } child && Find(child, name, depth + 1) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static byte[]? Content(PdfDictionary? specification) =>
        specification?.Elements.GetDictionary("/EF") is { } embedded
        && (embedded.Elements.GetDictionary("/F") ?? embedded.Elements.GetDictionary("/UF")) is { Stream: { } stream }
            ? stream.UnfilteredValue
            : null;

    private static PdfDictionary? Resolve(PdfItem? item) => item switch
    {
        PdfDictionary dictionary => dictionary,
        PdfReference reference => reference.Value as PdfDictionary,
        _ => null,
    };
}
