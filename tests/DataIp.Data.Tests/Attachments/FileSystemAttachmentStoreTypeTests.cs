using DataIp.Data.Attachments;
using DataIp.Domain.Registration;

namespace DataIp.Data.Tests.Attachments;

public sealed class FileSystemAttachmentStoreTypeTests : IDisposable
{
    private static readonly AttachmentKind[] DocumentKinds =
        [AttachmentKind.ProofOfSource, AttachmentKind.PowerOfAttorney, AttachmentKind.ObjectionEvidence, AttachmentKind.CourtOrder];

    private readonly AttachmentTestDirectory _directory = new();

    public static TheoryData<AttachmentKind, string, byte[], string> AcceptedUploads()
    {
        var data = new TheoryData<AttachmentKind, string, byte[], string>();
        foreach (var kind in DocumentKinds)
        {
            data.Add(kind, "证明.pdf", AttachmentSamples.Pdf, AttachmentContentTypes.Pdf);
            data.Add(kind, "scan.png", AttachmentSamples.Png, AttachmentContentTypes.Png);
            data.Add(kind, "photo.jpg", AttachmentSamples.Jpeg, AttachmentContentTypes.Jpeg);
        }

        data.Add(AttachmentKind.SampleData, "sample.csv", AttachmentSamples.Csv, AttachmentContentTypes.Csv);
        data.Add(AttachmentKind.SampleData, "SAMPLE.CSV", AttachmentSamples.CsvWithBom, AttachmentContentTypes.Csv);
        data.Add(AttachmentKind.SampleData, "sample.json", AttachmentSamples.Json, AttachmentContentTypes.Json);
        data.Add(AttachmentKind.SampleData, "sample.jsonl", AttachmentSamples.JsonLines, AttachmentContentTypes.JsonLines);
        data.Add(AttachmentKind.SampleData, "sample.ndjson", AttachmentSamples.JsonLines, AttachmentContentTypes.JsonLines);
        data.Add(AttachmentKind.SampleData, "readme.txt", AttachmentSamples.PlainText, AttachmentContentTypes.PlainText);
        data.Add(AttachmentKind.SampleData, "readme", AttachmentSamples.PlainText, AttachmentContentTypes.PlainText);
        data.Add(AttachmentKind.SampleData, "sample.pdf", AttachmentSamples.Pdf, AttachmentContentTypes.Pdf);
        data.Add(AttachmentKind.SampleData, "sample.zip", AttachmentSamples.Zip, AttachmentContentTypes.Zip);
        data.Add(AttachmentKind.SampleData, "sample.xlsx", AttachmentSamples.Zip, AttachmentContentTypes.Xlsx);
        return data;
    }

    public static TheoryData<AttachmentKind> DocumentKindData() => [.. DocumentKinds];

    public void Dispose() => _directory.Dispose();

    [Theory]
    [MemberData(nameof(AcceptedUploads))]
    public async Task SaveAsync_AllowedTypeForKind_StoresDetectedType(AttachmentKind kind, string fileName, byte[] content, string expectedType)
    {
        var store = _directory.CreateStore();

        var result = await store.SaveBytesAsync(kind, fileName, content);

        Assert.True(result.IsStored, result.Refusal?.Message);
        Assert.Equal(expectedType, result.Attachment.ContentType);
        Assert.Equal(kind, result.Attachment.Kind);
        Assert.Equal(content.LongLength, result.Attachment.Length);
    }

    [Fact]
    public async Task SaveAsync_PdfDeclaredAsCsv_StoresAsPdf()
    {
        var store = _directory.CreateStore();

        var result = await store.SaveBytesAsync(AttachmentKind.SampleData, "rows.csv", AttachmentSamples.Pdf);

        Assert.True(result.IsStored);
        Assert.Equal(AttachmentContentTypes.Pdf, result.Attachment.ContentType);
    }

    [Theory]
    [MemberData(nameof(DocumentKindData))]
    [InlineData(AttachmentKind.SampleData)]
    public async Task SaveAsync_Executable_Refused(AttachmentKind kind)
    {
        var store = _directory.CreateStore();

        var result = await store.SaveBytesAsync(kind, "proof.pdf", AttachmentSamples.Executable);

        Assert.False(result.IsStored);
        Assert.Equal("file", result.Refusal.Field);
        Assert.EndsWith("; the uploaded file is none of these.", result.Refusal.Message);
        Assert.Empty(_directory.AllFiles());
    }

    [Fact]
    public async Task SaveAsync_ExecutableAsPowerOfAttorney_RefusalNamesAllowedTypes()
    {
        var store = _directory.CreateStore();

        var result = await store.SaveBytesAsync(AttachmentKind.PowerOfAttorney, "poa.exe", AttachmentSamples.Executable);

        Assert.Equal(
            new AttachmentRefusal("file", AttachmentRefusalCode.Unrecognised, AttachmentKind.PowerOfAttorney, "poa.exe",
                [new[] { AttachmentContentTypes.Pdf, AttachmentContentTypes.Png, AttachmentContentTypes.Jpeg }]),
            result.Refusal);
        Assert.Equal("A power of attorney must be PDF, PNG or JPEG; the uploaded file is none of these.", result.Refusal?.Message);
    }

    [Fact]
    public async Task SaveAsync_ExecutableAsSampleData_RefusalNamesAllowedTypes()
    {
        var store = _directory.CreateStore();

        var result = await store.SaveBytesAsync(AttachmentKind.SampleData, "sample.csv", AttachmentSamples.Executable);

        Assert.Equal(
            "Sample data must be CSV, JSON, JSON Lines, plain text, PDF, ZIP or XLSX; the uploaded file is none of these.",
            result.Refusal?.Message);
    }

    [Theory]
    [InlineData("random.bin")]
    [InlineData("random.csv")]
    public async Task SaveAsync_RandomBinary_Refused(string fileName)
    {
        var store = _directory.CreateStore();

        var result = await store.SaveBytesAsync(AttachmentKind.SampleData, fileName, AttachmentSamples.RandomBinary(4096));

        Assert.False(result.IsStored);
        Assert.Empty(_directory.AllFiles());
    }

    [Fact]
    public async Task SaveAsync_TextWithNulByte_Refused()
    {
        var store = _directory.CreateStore();

        var result = await store.SaveBytesAsync(AttachmentKind.SampleData, "rows.csv", [.. "a,b\n1,"u8, 0x00, .. "2\n"u8]);

        Assert.False(result.IsStored);
    }

    [Fact]
    public async Task SaveAsync_GbkEncodedCsv_Refused()
    {
        var store = _directory.CreateStore();

        var result = await store.SaveBytesAsync(AttachmentKind.SampleData, "rows.csv", AttachmentSamples.GbkCsv);

        Assert.False(result.IsStored);
    }

    [Fact]
    public async Task SaveAsync_CharacterSplitBySniffWindow_StoresAsText()
    {
        var store = _directory.CreateStore();
        // "数" is E6 95 B0; its first byte is the last byte of the 64 KiB sniff window.
        byte[] content = [.. AttachmentSamples.Text((64 * 1024) - 1), .. "数\n"u8];

        var result = await store.SaveBytesAsync(AttachmentKind.SampleData, "notes.txt", content);

        Assert.True(result.IsStored, result.Refusal?.Message);
        Assert.Equal(AttachmentContentTypes.PlainText, result.Attachment.ContentType);
    }

    [Fact]
    public async Task SaveAsync_TextEndingInHalfACharacter_Refused()
    {
        var store = _directory.CreateStore();

        var result = await store.SaveBytesAsync(AttachmentKind.SampleData, "notes.txt", [.. "abc"u8, 0xE6, 0x95]);

        Assert.False(result.IsStored);
    }

    [Theory]
    [InlineData(AttachmentKind.PowerOfAttorney, "poa.csv", "A power of attorney must be PDF, PNG or JPEG; the uploaded file looks like text/csv.")]
    [InlineData(AttachmentKind.ProofOfSource, "proof.zip", "A proof-of-source document must be PDF, PNG or JPEG; the uploaded file looks like application/zip.")]
    [InlineData(AttachmentKind.CourtOrder, "order.xlsx", "A court order must be PDF, PNG or JPEG; the uploaded file looks like application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.")]
    [InlineData(AttachmentKind.ObjectionEvidence, "evidence.json", "Objection evidence must be PDF, PNG or JPEG; the uploaded file looks like application/json.")]
    public async Task SaveAsync_TypeNotAllowedForKind_RefusedWithDetectedType(AttachmentKind kind, string fileName, string expectedMessage)
    {
        var store = _directory.CreateStore();
        var content = Path.GetExtension(fileName) switch
        {
            ".csv" => AttachmentSamples.Csv,
            ".json" => AttachmentSamples.Json,
            _ => AttachmentSamples.Zip,
        };

        var result = await store.SaveBytesAsync(kind, fileName, content);

        Assert.Equal(AttachmentRefusalCode.NotAllowed, result.Refusal?.Code);
        Assert.Equal(fileName, result.Refusal?.FileName);
        Assert.Equal(expectedMessage, result.Refusal?.Message);
        Assert.Empty(_directory.AllFiles());
    }
}
