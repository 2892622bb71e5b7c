using PdfSharp.Drawing;
using QRCoder;

namespace DataIp.Web.Features.Certificates;

/// <summary>The QR code and the seal, drawn as vector graphics.</summary>
internal static class CertificateMarks
{
    private static readonly XColor SealRed = XColor.FromArgb(0xD7, 0x1F, 0x26);

    /// <summary>
    /// Draws <paramref name="url"/> as a QR code (error correction M, quiet zone included) in the
    /// square <paramref name="box"/>. Modules are filled rectangles, one per horizontal run of dark
    /// modules: sharp at any zoom, and no PNG for PDFsharp to mis-handle.
    /// </summary>
    public static void DrawQrCode(XGraphics gfx, Uri url, XRect box)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url.AbsoluteUri, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var module = box.Width / matrix.Count;
        gfx.DrawRectangle(XBrushes.White, box);
        for (var row = 0; row < matrix.Count; row++)
        {
            var column = 0;
            while (column < matrix.Count)
            {
                if (!matrix[row][column])
                {
                    column++;
                    continue;
                }

                var start = column;
                while (column < matrix.Count && matrix[row][column])
                {
                    column++;
                }

                // A hair of overlap between rows hides anti-aliasing seams in viewers.
                gfx.DrawRectangle(XBrushes.Black, box.X + (start * module), box.Y + (row * module),
                    (column - start) * module, module + 0.05);
            }
        }
    }

    /// <summary>Draws <paramref name="seal"/> centred in <paramref name="box"/>.</summary>
    public static void DrawSeal(XGraphics gfx, CertificateSeal seal, XRect box, string fontFamily)
    {
        switch (seal)
        {
            case CertificateSeal.ImageSeal image:
                using (var stream = new MemoryStream(image.Image, writable: false))
                using (var picture = XImage.FromStream(stream))
                {
                    gfx.DrawImage(picture, box);
                }

                break;
            case CertificateSeal.DemoSeal demo:
                DrawDemoSeal(gfx, demo.BodyName, box, fontFamily);
                break;
            default:
                throw new ArgumentException($"Unknown seal kind {seal.GetType().Name}.", nameof(seal));
        }
    }

    private static void DrawDemoSeal(XGraphics gfx, string bodyName, XRect box, string fontFamily)
    {
        var red = new XSolidBrush(SealRed);
        var center = new XPoint(box.X + (box.Width / 2), box.Y + (box.Height / 2));
        var radius = Math.Min(box.Width, box.Height) / 2;
        gfx.DrawEllipse(new XPen(SealRed, radius * 0.06), center.X - (radius * 0.96), center.Y - (radius * 0.96),
            radius * 1.92, radius * 1.92);
        gfx.DrawPolygon(red, StarPoints(center, radius * 0.3), XFillMode.Winding);
        DrawAlongArc(gfx, bodyName, center, radius * 0.72, CertificatePdf.Font(fontFamily, radius * 0.2), red);

        var demoFont = CertificatePdf.Font(fontFamily, radius * 0.16);
        gfx.DrawString("DEMO 样章", demoFont, red, new XRect(center.X - radius, center.Y + (radius * 0.36), radius * 2,
            radius * 0.2), XStringFormats.Center);
    }

    // Five outer points at radius r, five inner at 0.382 r, the first pointing straight up.
    private static XPoint[] StarPoints(XPoint center, double r)
    {
        var points = new XPoint[10];
        for (var i = 0; i < 10; i++)
        {
            var length = i % 2 == 0 ? r : r * 0.382;
            var angle = (-90 + (36 * i)) * Math.PI / 180;
            points[i] = new XPoint(center.X + (length * Math.Cos(angle)), center.Y + (length * Math.Sin(angle)));
        }

        return points;
    }

    // Characters upright along the top of the ring, spread over at most 240 degrees, centred on 12 o'clock.
    private static void DrawAlongArc(XGraphics gfx, string text, XPoint center, double radius, XFont font, XBrush brush)
    {
        var characters = System.Globalization.StringInfo.GetTextElementEnumerator(text);
        var elements = new List<string>();
        while (characters.MoveNext())
        {
            elements.Add(characters.GetTextElement());
        }

        var step = Math.Min(30.0, 240.0 / Math.Max(1, elements.Count));
        var first = -step * (elements.Count - 1) / 2;
        for (var i = 0; i < elements.Count; i++)
        {
            var state = gfx.Save();
            gfx.RotateAtTransform(first + (step * i), center);
            gfx.DrawString(elements[i], font, brush,
                new XRect(center.X - font.Size, center.Y - radius - (font.Size / 2), font.Size * 2, font.Size),
                XStringFormats.Center);
            gfx.Restore(state);
        }
    }
}
