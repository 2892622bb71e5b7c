using System.Buffers.Binary;
using System.Text.RegularExpressions;
using DataIp.Web.Features.Certificates;

namespace DataIp.Web.Tests.Certificates;

/// <summary>
/// The certificate PDF checked with the tools a reader would use: pdffonts, pdftotext, pdftoppm,
/// zbarimg, pdfdetach. The sample stays in <see cref="CertificateSample.Directory"/> for a human to open.
/// </summary>
public sealed class CertificatePdfTests(CertificateSample sample) : IClassFixture<CertificateSample>
{
    // A4 at 150 dpi is 1240 x 1754 pixels (pdftoppm rounds 595.28 x 841.89 pt up).
    private const int PageWidth150 = 1240;
    private const int PageHeight150 = 1754;

    [Fact]
    public void Render_Sample_EmbedsOnlyASubsetCjkFont()
    {
        PdfTools.RequireOrSkip("pdffonts");

        var rows = PdfTools.Ok("pdffonts", sample.PdfPath).Split('\n').Skip(2).Where(l => l.Length > 0).ToList();

        var fonts = rows.Select(r => Regex.Match(r, @"^(\S+)\s.*\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$")).ToList();
        Assert.NotEmpty(fonts);
        Assert.All(fonts, f => Assert.True(f.Success && f.Groups[2].Value == "yes", $"not embedded: {f.Value}"));
        Assert.Contains(fonts, f => Regex.IsMatch(f.Groups[1].Value, "^[A-Z]{6}\\+WenQuanYi") && f.Groups[3].Value == "yes");
    }

    [Fact]
    public void Render_Sample_TextHasTitleValuesAndEnglishLabels()
    {
        PdfTools.RequireOrSkip("pdftotext");

        var text = PdfTools.Ok("pdftotext", "-enc", "UTF-8", sample.PdfPath, "-");
        var unwrapped = text.Replace("\n", "", StringComparison.Ordinal); // long values wrap onto several lines

        string[] expected =
        [
            "数据知识产权登记证书", "Data Intellectual Property Registration Certificate",
            CertificateSample.Document.CertificateNumber, CertificateSample.Document.RegistrationNumber,
            CertificateSample.Document.DataName, CertificateSample.Document.Holders[0], CertificateSample.Document.Holders[1],
            "数据资源持有权", "数据加工使用权", "2026年11月20日", "2026年11月27日 至 2029年11月26日", "广东省知识产权保护中心",
            "Certificate No.", "Registration No.", "Data Name", "Data Holder(s)", "Rights", "Application Date",
            "Registration Date", "Validity Period", "Registration Body", "DEMO 样章",
        ];
        Assert.All(expected, e => Assert.Contains(e, unwrapped, StringComparison.Ordinal));
    }

    [Fact]
    public void Render_Sample_QrCodeDecodesToTheVerificationUrl()
    {
        PdfTools.RequireOrSkip("pdftoppm", "zbarimg");
        var stem = Path.Combine(sample.Directory, "page-150");

        PdfTools.Ok("pdftoppm", "-r", "150", "-png", "-singlefile", sample.PdfPath, stem);
        var decoded = PdfTools.Ok("zbarimg", "--raw", "-q", stem + ".png");

        Assert.Equal(CertificateSample.Document.VerificationUrl.AbsoluteUri, decoded.TrimEnd('\n'));
    }

    [Fact]
    public void Render_Sample_QrCodeBottomLeftAndSealBottomRight()
    {
        PdfTools.RequireOrSkip("pdftoppm", "zbarimg");
        var (halfWidth, halfHeight) = (PageWidth150 / 2, PageHeight150 / 2);
        var left = Path.Combine(sample.Directory, "bottom-left");
        var right = Path.Combine(sample.Directory, "bottom-right");

        PdfTools.Ok("pdftoppm", "-r", "150", "-png", "-singlefile", "-x", "0", "-y", $"{halfHeight}", "-W", $"{halfWidth}", "-H", $"{halfHeight}", sample.PdfPath, left);
        PdfTools.Ok("pdftoppm", "-r", "150", "-png", "-singlefile", "-x", $"{halfWidth}", "-y", $"{halfHeight}", "-W", $"{halfWidth}", "-H", $"{halfHeight}", sample.PdfPath, right);
        var leftRed = PdfTools.RedPixels(sample.PdfPath, 50, 0, 292, 206, 292, left + "-red");
        var rightRed = PdfTools.RedPixels(sample.PdfPath, 50, 207, 292, 206, 292, right + "-red");

        Assert.Equal(CertificateSample.Document.VerificationUrl.AbsoluteUri, PdfTools.Ok("zbarimg", "--raw", "-q", left + ".png").TrimEnd('\n'));
        Assert.Equal(4, PdfTools.Run("zbarimg", "--raw", "-q", right + ".png").ExitCode); // 4: no symbol found
        Assert.True(rightRed > 500, $"only {rightRed} red pixels bottom right");
        Assert.Equal(0, leftRed);
    }

    [Fact]
    public void Render_WithAttachments_PdfdetachReturnsTheSameBytes()
    {
        PdfTools.RequireOrSkip("pdfdetach");
        var saved = Directory.CreateDirectory(Path.Combine(sample.Directory, "detached")).FullName;

        var list = PdfTools.Ok("pdfdetach", "-list", sample.PdfPath);
        PdfTools.Ok("pdfdetach", "-saveall", "-o", saved, sample.PdfPath);

        Assert.StartsWith("2 embedded files", list, StringComparison.Ordinal);
        foreach (var (name, content, _) in CertificateSample.Attachments)
        {
            Assert.Contains(name, list, StringComparison.Ordinal);
            Assert.Equal(content, File.ReadAllBytes(Path.Combine(saved, name)));
        }
    }

    [Fact]
    public void Render_Sample_IsSmall() =>
        Assert.InRange(sample.Pdf.Length, 10_000, 150_000);

    [Fact]
    public void Render_SameDocumentTwiceAndInParallel_SameBytes()
    {
        var parallel = new byte[4][];

        Parallel.For(0, parallel.Length, i => parallel[i] = CertificateSample.RenderSample());

        Assert.All(parallel, p => Assert.Equal(sample.Pdf, p));
    }

    [Fact]
    public void Render_NoHolder_Throws()
    {
        var document = CertificateSample.Document with { Holders = [] };

        Assert.Throws<ArgumentException>(() => CertificatePdf.Render(document, CertificateSample.Seal));
    }

    [Fact]
    public void Render_PlainTtfPath_UsesIt()
    {
        var ttf = Path.Combine(sample.Directory, "face0.ttf");
        File.WriteAllBytes(ttf, CjkFontResolver.LoadFace(CertificateSample.FontPath));

        var pdf = CertificatePdf.Render(CertificateSample.Document, CertificateSample.Seal, fontPath: ttf);
        File.Delete(ttf);

        Assert.InRange(pdf.Length, 10_000, 150_000);
    }

    [Fact]
    public void Render_ImageSeal_DrawsItBottomRight()
    {
        PdfTools.RequireOrSkip("pdftoppm");
        var seal = CertificateSeal.FromImage(TestPng.SolidRgba(64, 64, 0xD7, 0x1F, 0x26, 0xFF));
        var path = Path.Combine(sample.Directory, "image-seal.pdf");

        File.WriteAllBytes(path, CertificatePdf.Render(CertificateSample.Document, seal, fontPath: CertificateSample.FontPath));
        var rightRed = PdfTools.RedPixels(path, 50, 207, 292, 206, 292, Path.Combine(sample.Directory, "image-seal-right"));

        // The 120 pt seal square at 50 dpi is about 83 x 83 pixels, all red.
        Assert.InRange(rightRed, 6_000, 7_500);
    }

    [Fact]
    public void FromImage_NotAnImage_Throws() =>
        Assert.Throws<ArgumentException>(() => CertificateSeal.FromImage("GIF89a"u8.ToArray()));

    [Fact]
    public void Locate_MissingConfiguredPath_SaysWhatToSetAndInstall()
    {
        var error = Assert.Throws<FileNotFoundException>(() => CertificateFonts.Locate("/nonexistent/fonts/cjk.ttc"));

        Assert.Contains("/nonexistent/fonts/cjk.ttc", error.Message, StringComparison.Ordinal);
        Assert.Contains(CertificateFonts.FontPathSetting, error.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install fonts-wqy-microhei", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExtractFace_WqyCollection_TableDirectoryIsConsistent()
    {
        var collection = File.ReadAllBytes(CertificateSample.FontPath);
        var sourceDirectory = (int)BinaryPrimitives.ReadUInt32BigEndian(collection.AsSpan(12));

        var face = TrueTypeCollection.ExtractFace(collection, 0);

        Assert.True(TrueTypeCollection.IsCollection(collection));
        Assert.False(TrueTypeCollection.IsCollection(face));
        var tableCount = BinaryPrimitives.ReadUInt16BigEndian(face.AsSpan(4));
        Assert.Equal(BinaryPrimitives.ReadUInt16BigEndian(collection.AsSpan(sourceDirectory + 4)), tableCount);
        for (var i = 0; i < tableCount; i++)
        {
            var record = face.AsSpan(12 + (16 * i));
            var tag = System.Text.Encoding.ASCII.GetString(record[..4]);
            var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]);
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]);
            Assert.True(offset % 4 == 0 && offset >= 12 + (16 * tableCount) && offset + length <= face.Length, $"table {tag}");
            if (tag != "head")
            {
                Assert.Equal(BinaryPrimitives.ReadUInt32BigEndian(record[4..]), TableChecksum(face.AsSpan(offset, length)));
            }
        }
    }

    [Fact]
    public void ExtractFace_NotACollection_Throws() =>
        Assert.Throws<InvalidDataException>(() => TrueTypeCollection.ExtractFace("\0\u0001\0\0 plain"u8, 0));

    // OpenType table checksum: the sum of big-endian uint32 words, the last one zero-padded.
    private static uint TableChecksum(ReadOnlySpan<byte> table)
    {
        var sum = 0u;
        Span<byte> word = stackalloc byte[4];
        for (var i = 0; i < table.Length; i += 4)
        {
            word.Clear();
            table[i..Math.Min(i + 4, table.Length)].CopyTo(word);
            sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(word));
        }

        return sum;
    }
}
