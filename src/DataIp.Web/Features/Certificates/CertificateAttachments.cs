using PdfSharp.Pdf;

namespace DataIp.Web.Features.Certificates;

/// <summary>
/// Embeds files in the certificate PDF (ISO 32000-1 §7.11.4 embedded file streams, §7.7.4 the
/// EmbeddedFiles name tree). Built by hand rather than with PdfDocument.AddEmbeddedFile so each
/// file carries its MIME type (/Subtype), its size and a Unicode file name (/UF).
/// </summary>
internal static class CertificateAttachments
{
    /// <summary>Adds <paramref name="attachments"/> as one flat name tree, names sorted as §7.9.6 requires.</summary>
    /// <exception cref="ArgumentException">A name is empty or repeated, or a MIME type is empty.</exception>
    public static void Embed(PdfDocument pdf, IReadOnlyList<(string Name, byte[] Content, string MimeType)> attachments)
    {
        if (attachments.Count == 0)
        {
            return;
        }

        var names = new PdfArray(pdf);
        foreach (var (name, content, mimeType) in attachments.OrderBy(a => a.Name, StringComparer.Ordinal))
        {
            names.Elements.Add(new PdfString(name, PdfStringEncoding.Unicode));
            names.Elements.Add(FileSpecification(pdf, name, content, mimeType).Reference!);
        }

        var tree = new PdfDictionary(pdf);
        tree.Elements["/Names"] = names;
        var nameDictionary = new PdfDictionary(pdf);
        nameDictionary.Elements["/EmbeddedFiles"] = tree;
        pdf.Internals.Catalog.Elements["/Names"] = nameDictionary;
    }

    /// <summary>Throws unless names are non-empty and distinct and every file has a MIME type.</summary>
    public static void Validate(IReadOnlyList<(string Name, byte[] Content, string MimeType)> attachments)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, content, mimeType) in attachments)
        {
            if (string.IsNullOrWhiteSpace(name) || !seen.Add(name))
            {
                throw new ArgumentException($"Attachment names must be non-empty and distinct: '{name}'.", nameof(attachments));
            }

            if (content is null || string.IsNullOrWhiteSpace(mimeType))
            {
                throw new ArgumentException($"Attachment '{name}' needs content and a MIME type.", nameof(attachments));
            }
        }
    }

    private static PdfDictionary FileSpecification(PdfDocument pdf, string name, byte[] content, string mimeType)
    {
        var file = new PdfDictionary(pdf);
        file.Elements.SetName("/Type", "/EmbeddedFile");
        file.Elements.SetName("/Subtype", "/" + mimeType);
        var parameters = new PdfDictionary(pdf);
        parameters.Elements.SetInteger("/Size", content.Length);
        file.Elements["/Params"] = parameters;
        file.CreateStream(content);
        pdf.Internals.AddObject(file);

        var embedded = new PdfDictionary(pdf);
        embedded.Elements["/F"] = file.Reference;
        embedded.Elements["/UF"] = file.Reference;

        var specification = new PdfDictionary(pdf);
        specification.Elements.SetName("/Type", "/Filespec");
        specification.Elements["/F"] = new PdfString(name, PdfStringEncoding.Unicode);
        specification.Elements["/UF"] = new PdfString(name, PdfStringEncoding.Unicode);
        specification.Elements["/EF"] = embedded;
        specification.Elements.SetName("/AFRelationship", "/Data");
        pdf.Internals.AddObject(specification);
        return specification;
    }
}
