using DataIp.Domain.Registration;

namespace DataIp.Data.Tests.Attachments;

public sealed class FileSystemAttachmentStorePathTests : IDisposable
{
    private readonly AttachmentTestDirectory _directory = new();

    public static TheoryData<string> HostileFileNames() =>
    [
        "../../etc/passwd",
        "../../../outer.pdf",
        "..\\..\\outer.pdf",
        "C:\\x\\..\\y.pdf",
        "/etc/passwd",
        ".incoming/../../escape.pdf",
        "a\0b.pdf",
        "\u0001\u001f\u007f.pdf",
        "line\r\nbreak.pdf",
        "\u202Efdp.exe",
        new string('x', 5000) + ".pdf",
        "..",
        "",
    ];

    public void Dispose() => _directory.Dispose();

    [Theory]
    [MemberData(nameof(HostileFileNames))]
    public async Task SaveAsync_HostileFileName_FileOnlyAtIdPath(string declaredFileName)
    {
        var store = _directory.CreateStore();

        var result = await store.SaveBytesAsync(AttachmentKind.ProofOfSource, declaredFileName, AttachmentSamples.Pdf);

        Assert.True(result.IsStored, result.Refusal?.Message);
        Assert.Equal([_directory.ExpectedPathFor(result.Attachment.Id)], _directory.AllFiles());
        Assert.True(_directory.IncomingIsEmpty());
    }

    [Theory]
    [MemberData(nameof(HostileFileNames))]
    public async Task SaveAsync_HostileFileName_DisplayNameIsPlain(string declaredFileName)
    {
        var store = _directory.CreateStore();

        var result = await store.SaveBytesAsync(AttachmentKind.ProofOfSource, declaredFileName, AttachmentSamples.Pdf);

        Assert.True(result.IsStored);
        var fileName = result.Attachment.FileName;
        Assert.InRange(fileName.Length, 1, 200);
        Assert.DoesNotContain('/', fileName);
        Assert.DoesNotContain('\\', fileName);
        Assert.DoesNotContain(fileName, char.IsControl);
        Assert.NotEqual("..", fileName);
    }

    [Fact]
    public async Task SaveAsync_SameNameTwice_TwoIdsAndTwoFiles()
    {
        var store = _directory.CreateStore();

        var first = await store.SaveBytesAsync(AttachmentKind.SampleData, "rows.csv", AttachmentSamples.Csv);
        var second = await store.SaveBytesAsync(AttachmentKind.SampleData, "rows.csv", AttachmentSamples.Json);

        Assert.True(first.IsStored && second.IsStored);
        Assert.NotEqual(first.Attachment.Id, second.Attachment.Id);
        Assert.Equal(AttachmentSamples.Csv, await store.ReadAllBytesAsync(first.Attachment.Id));
        Assert.Equal(AttachmentSamples.Json, await store.ReadAllBytesAsync(second.Attachment.Id));
    }

    [Fact]
    public async Task SaveAsync_OnUnix_DirectoriesAndFileAreOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("Unix file modes only");
            return; // unreachable, but tells the platform analyzer (CA1416) that what follows is Unix-only
        }

        var store = _directory.CreateStore();

        var result = await store.SaveBytesAsync(AttachmentKind.CourtOrder, "order.pdf", AttachmentSamples.Pdf);

        Assert.True(result.IsStored);
        var path = _directory.ExpectedPathFor(result.Attachment.Id);
        const UnixFileMode groupOrOther = (UnixFileMode)0b000_111_111;
        Assert.Equal((UnixFileMode)0, File.GetUnixFileMode(path) & groupOrOther);
        Assert.Equal((UnixFileMode)0, File.GetUnixFileMode(Path.GetDirectoryName(path)!) & groupOrOther);
        Assert.Equal((UnixFileMode)0, File.GetUnixFileMode(_directory.Root) & groupOrOther);
        Assert.Equal((UnixFileMode)0, File.GetUnixFileMode(_directory.Incoming) & groupOrOther);
    }
}
