using DataIp.Domain.Registration;
using DataIp.Web.Features.Certificates;

namespace DataIp.Web.Tests.Certificates;

/// <summary>
/// One sample certificate rendered once per test run and written to <see cref="Directory"/>, which
/// is kept so a human can look at certificate.pdf.
/// </summary>
public sealed class CertificateSample
{
    public const string FontPath = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

    public CertificateSample()
    {
        if (!File.Exists(FontPath))
        {
            Assert.Skip($"{FontPath} is missing (apt-get install fonts-wqy-microhei).");
        }

        Directory = System.IO.Directory.CreateTempSubdirectory("dataip-certificate-").FullName;
        Pdf = RenderSample();
        PdfPath = Path.Combine(Directory, "certificate.pdf");
        File.WriteAllBytes(PdfPath, Pdf);
        TestContext.Current.SendDiagnosticMessage($"Sample certificate: {PdfPath}");
    }

    public static CertificateDocument Document { get; } = new()
    {
        CertificateNumber = "20261144000000123",
        RegistrationNumber = "2026110000000125",
        DataName = "珠江三角洲城市群逐小时气象观测与空气质量融合数据集（2020—2025年）",
        Holders = ["广州市数智气象科技有限公司", "深圳市环境数据研究院"],
        Rights = [DataRight.Holding, DataRight.ProcessingAndUse],
        ApplicationDate = new DateOnly(2026, 11, 20),
        RegistrationDate = new DateOnly(2026, 11, 27),
        ValidFrom = new DateOnly(2026, 11, 27),
        ValidUntil = new DateOnly(2029, 11, 26),
        RegistrationBody = "广东省知识产权保护中心",
        VerificationUrl = new Uri("https://registry.example.cn/verify/20261144000000123"),
    };

    public static CertificateSeal Seal { get; } = CertificateSeal.DemoPlaceholder("广东省知识产权保护中心");

    public static IReadOnlyList<(string Name, byte[] Content, string MimeType)> Attachments { get; } =
    [
        ("credential.json", "{\"certificateNumber\":\"20261144000000123\",\"holder\":\"广州市数智气象科技有限公司\"}"u8.ToArray(), "application/json"),
        ("notes.bin", [0x00, 0xFF, 0x10, 0x80, .. "binary"u8], "application/octet-stream"),
    ];

    public string Directory { get; }

    public byte[] Pdf { get; }

    public string PdfPath { get; }

    public static byte[] RenderSample() => CertificatePdf.Render(Document, Seal, Attachments, FontPath);
}
