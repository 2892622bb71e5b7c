using System.IO.Compression;
using System.Text;

namespace DataIp.Data.Tests.Attachments;

/// <summary>Small files that start the way real ones do.</summary>
internal static class AttachmentSamples
{
    public static byte[] Pdf { get; } =
        [.. "%PDF-1.7\n%"u8, 0xE2, 0xE3, 0xCF, 0xD3, .. "\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n"u8];

    public static byte[] Png { get; } =
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, .. "IHDR"u8, 0x00, 0x00, 0x00, 0x01];

    public static byte[] Jpeg { get; } =
        [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF"u8, 0x00, 0x01, 0x01, 0x00, 0xFF, 0xD9];

    public static byte[] Zip { get; } = CreateZip();

    public static byte[] Csv { get; } = Encoding.UTF8.GetBytes("名称,数量\n气象观测数据集,3\n");

    public static byte[] CsvWithBom { get; } = [0xEF, 0xBB, 0xBF, .. Csv];

    public static byte[] Json { get; } = "{\"name\":\"数据集\",\"rows\":3}"u8.ToArray();

    public static byte[] JsonLines { get; } = "{\"id\":1}\n{\"id\":2}\n"u8.ToArray();

    public static byte[] PlainText { get; } = Encoding.UTF8.GetBytes("数据来源说明：自行采集。\n");

    /// <summary>A PE executable's DOS header: "MZ" and NUL bytes.</summary>
    public static byte[] Executable { get; } = [.. "MZ"u8, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF];

    /// <summary>"数据,3" in GBK: legacy Chinese text that is not UTF-8.</summary>
    public static byte[] GbkCsv { get; } = [0xCA, 0xFD, 0xBE, 0xDD, (byte)',', (byte)'3', (byte)'\n'];

    /// <summary>
    /// Seeded random bytes without NUL, so only the UTF-8 check can reject them; the first byte is
    /// 0xFE, which starts no magic number and never occurs in UTF-8.
    /// </summary>
    public static byte[] RandomBinary(int length)
    {
        var bytes = new byte[length];
        new Random(20261127).NextBytes(bytes);
        bytes.AsSpan().Replace((byte)0x00, (byte)0xFF);
        bytes[0] = 0xFE;
        return bytes;
    }

    public static byte[] Text(int length) => [.. Enumerable.Repeat((byte)'a', length)];

    private static byte[] CreateZip()
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = archive.CreateEntry("data.csv").Open();
            entry.Write(Csv);
        }

        return buffer.ToArray();
    }
}
