using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace DataIp.Web.Features.Certificates;

/// <summary>
/// Renders the unified electronic data-IP registration certificate (DOMAIN §7): A4 portrait,
/// single-sided, bilingual labels, QR code bottom left, the body's seal bottom right. Thread-safe:
/// every call builds its own document; the font resolver is shared and installed once.
/// </summary>
public static class CertificatePdf
{
    private const double Margin = 72;
    private const double LabelX = 84;
    private const double ValueX = 220;
    private const double LineHeight = 17;
    private const double MarkSize = 120;
    private static readonly XColor Ink = XColor.FromArgb(0x1A, 0x1A, 0x1A);
    private static readonly XColor Frame = XColor.FromArgb(0x1F, 0x3A, 0x5F);
    private static readonly XColor Muted = XColor.FromArgb(0x55, 0x55, 0x55);
    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    /// <summary>Renders <paramref name="document"/> to PDF bytes.</summary>
    /// <param name="document">What to print.</param>
    /// <param name="seal">The registration body's seal, or the demo placeholder.</param>
    /// <param name="attachments">Files to embed (for example the signed credential JSON); names distinct.</param>
    /// <param name="fontPath">A configured CJK font (see <see cref="CertificateFonts.Locate"/>); null tries Debian's.</param>
    /// <exception cref="ArgumentException">A field is empty, there is no holder or right, or the URL is not absolute http(s).</exception>
    /// <exception cref="FileNotFoundException">No CJK font was found.</exception>
    public static byte[] Render(CertificateDocument document, CertificateSeal seal,
        IReadOnlyList<(string Name, byte[] Content, string MimeType)>? attachments = null, string? fontPath = null)
    {
        Validate(document);
        ArgumentNullException.ThrowIfNull(seal);
        CertificateAttachments.Validate(attachments ?? []);
        var family = CertificateFonts.Locate(fontPath);
        CertificateFonts.EnsureResolverInstalled();

        using var pdf = new PdfDocument();
        var documentId = Describe(pdf, document);
        var page = pdf.AddPage();
        page.Size = PageSize.A4;
        page.Orientation = PageOrientation.Portrait;
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            DrawPage(gfx, document, seal, family);
        }

        CertificateAttachments.Embed(pdf, attachments ?? []);
        using var output = new MemoryStream();
        pdf.Save(output, closeStream: false);
        var bytes = output.ToArray();
        PdfDeterminism.Apply(bytes, documentId);
        return bytes;
    }

    /// <summary>The Chinese and English names of <paramref name="right"/>, as printed.</summary>
    public static (string Chinese, string English) RightName(DataRight right) => right switch
    {
        DataRight.Holding => ("数据资源持有权", "Data resource holding right"),
        DataRight.ProcessingAndUse => ("数据加工使用权", "Data processing and use right"),
        DataRight.ProductOperation => ("数据产品经营权", "Data product operation right"),
        _ => throw new ArgumentOutOfRangeException(nameof(right), right, "Unknown data right."),
    };

    internal static XFont Font(string family, double size) =>
        new(family, size, XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode, PdfFontEmbedding.TryComputeSubset));

    private static void Validate(CertificateDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var (value, name) in new[]
        {
            (document.CertificateNumber, nameof(document.CertificateNumber)),
            (document.RegistrationNumber, nameof(document.RegistrationNumber)),
            (document.DataName, nameof(document.DataName)),
            (document.RegistrationBody, nameof(document.RegistrationBody)),
        })
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(value, name);
        }

        if (document.Holders is not { Count: > 0 } || document.Holders.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("A certificate names at least one holder, none empty.", nameof(document));
        }

        if (document.Rights is not { Count: > 0 })
        {
            throw new ArgumentException("A certificate records at least one right.", nameof(document));
        }

        if (document.VerificationUrl is not { IsAbsoluteUri: true } url || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("The verification URL must be an absolute http(s) URL.", nameof(document));
        }
    }

    // Deterministic metadata: fixed dates and a document ID derived from the certificate number,
    // so the same document renders the same bytes (PDFsharp otherwise uses the clock and a new GUID).
    private static byte[] Describe(PdfDocument pdf, CertificateDocument document)
    {
        var issuedAt = document.IssuedAt ?? new DateTimeOffset(document.RegistrationDate.ToDateTime(TimeOnly.MinValue), ChinaStandardTime);
        pdf.Info.Title = $"数据知识产权登记证书 {document.CertificateNumber}";
        pdf.Info.Subject = $"Data Intellectual Property Registration Certificate {document.CertificateNumber}, registration {document.RegistrationNumber}";
        pdf.Info.Author = document.RegistrationBody;
        pdf.Info.Creator = "DataIP Registry";
        pdf.Info.CreationDate = issuedAt.UtcDateTime;
        pdf.Info.ModificationDate = issuedAt.UtcDateTime;
        var id = SHA256.HashData(Encoding.UTF8.GetBytes($"{document.CertificateNumber}\n{document.RegistrationNumber}"));
        var idString = new string([.. id.AsSpan(0, 16).ToArray().Select(b => (char)b)]);
        pdf.Internals.FirstDocumentID = idString;
        pdf.Internals.SecondDocumentID = idString;
        return id;
    }

    private static void DrawPage(XGraphics gfx, CertificateDocument document, CertificateSeal seal, string family)
    {
        var width = gfx.PageSize.Width;
        var height = gfx.PageSize.Height;
        gfx.DrawRectangle(new XPen(Frame, 2.5), 28, 28, width - 56, height - 56);
        gfx.DrawRectangle(new XPen(Frame, 0.6), 34, 34, width - 68, height - 68);

        gfx.DrawString("数据知识产权登记证书", Font(family, 28), new XSolidBrush(Frame), new XRect(0, 78, width, 36), XStringFormats.Center);
        gfx.DrawString("Data Intellectual Property Registration Certificate", Font(family, 12), new XSolidBrush(Muted),
            new XRect(0, 116, width, 16), XStringFormats.Center);

        var y = 172.0;
        foreach (var (chinese, english, value, note) in Rows(document))
        {
            y = DrawRow(gfx, family, y, width - Margin - ValueX, (chinese, english), value, note);
        }

        var bottom = height - Margin - MarkSize - 20;
        var qr = new XRect(Margin, bottom, MarkSize, MarkSize);
        CertificateMarks.DrawQrCode(gfx, document.VerificationUrl, qr);
        DrawCaption(gfx, family, new XRect(Margin, qr.Bottom + 4, MarkSize, 20), "扫码查验", "Scan to verify");

        var sealBox = new XRect(width - Margin - MarkSize, bottom, MarkSize, MarkSize);
        CertificateMarks.DrawSeal(gfx, seal, sealBox, family);
        DrawCaption(gfx, family, new XRect(sealBox.X, sealBox.Bottom + 4, MarkSize, 20), "登记机构（盖章）", "Registration body (seal)");
    }

    private static IEnumerable<(string Chinese, string English, string Value, string? Note)> Rows(CertificateDocument d)
    {
        var rights = d.Rights.Distinct().Order().Select(RightName).ToList();
        yield return ("证书编号", "Certificate No.", d.CertificateNumber, null);
        yield return ("登记号", "Registration No.", d.RegistrationNumber, null);
        yield return ("数据名称", "Data Name", d.DataName, null);
        yield return ("数据持有人", "Data Holder(s)", string.Join("；", d.Holders), null);
        yield return ("权利", "Rights", string.Join("、", rights.Select(r => r.Chinese)), string.Join("; ", rights.Select(r => r.English)));
        yield return ("申请日", "Application Date", FormatDate(d.ApplicationDate), null);
        yield return ("登记日", "Registration Date", FormatDate(d.RegistrationDate), null);
        yield return ("有效期", "Validity Period", $"{FormatDate(d.ValidFrom)} 至 {FormatDate(d.ValidUntil)}", $"{Iso(d.ValidFrom)} to {Iso(d.ValidUntil)}");
        yield return ("登记机构", "Registration Body", d.RegistrationBody, null);
    }

    private static string FormatDate(DateOnly date) => date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // One row: the Chinese label with its English beneath, the value wrapped to the value column,
    // an optional English note beneath the value. Returns the y where the next row starts.
    private static double DrawRow(XGraphics gfx, string family, double y, double valueWidth, (string Chinese, string English) label, string value, string? note)
    {
        var ink = new XSolidBrush(Ink);
        var muted = new XSolidBrush(Muted);
        gfx.DrawString(label.Chinese, Font(family, 12), ink, LabelX, y, XStringFormats.TopLeft);
        gfx.DrawString(label.English, Font(family, 7.5), muted, LabelX, y + 16, XStringFormats.TopLeft);

        var valueFont = Font(family, 12);
        var lineY = y;
        foreach (var line in Wrap(gfx, value, valueFont, valueWidth))
        {
            gfx.DrawString(line, valueFont, ink, ValueX, lineY, XStringFormats.TopLeft);
            lineY += LineHeight;
        }

        if (note is not null)
        {
            var noteFont = Font(family, 7.5);
            foreach (var line in Wrap(gfx, note, noteFont, valueWidth))
            {
                gfx.DrawString(line, noteFont, muted, ValueX, lineY, XStringFormats.TopLeft);
                lineY += 10;
            }
        }

        return Math.Max(y + 28, lineY) + 12;
    }

    private static void DrawCaption(XGraphics gfx, string family, XRect box, string chinese, string english)
    {
        var muted = new XSolidBrush(Muted);
        gfx.DrawString(chinese, Font(family, 8), muted, new XRect(box.X, box.Y, box.Width, 10), XStringFormats.Center);
        gfx.DrawString(english, Font(family, 6.5), muted, new XRect(box.X, box.Y + 10, box.Width, 9), XStringFormats.Center);
    }

    // Chinese has no spaces to break at: wrap at any text element that would overflow.
    private static List<string> Wrap(XGraphics gfx, string text, XFont font, double width)
    {
        var lines = new List<string>();
        var current = new StringBuilder();
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            if (current.Length > 0 && gfx.MeasureString(current + element, font).Width > width)
            {
                lines.Add(current.ToString());
                current.Clear();
            }

            current.Append(element);
        }

        if (current.Length > 0)
        {
            lines.Add(current.ToString());
        }

        return lines;
    }
}
