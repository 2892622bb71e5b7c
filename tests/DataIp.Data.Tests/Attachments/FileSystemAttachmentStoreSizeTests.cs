using DataIp.Data.Attachments;
using DataIp.Domain.Registration;

namespace DataIp.Data.Tests.Attachments;

public sealed class FileSystemAttachmentStoreSizeTests : IDisposable
{
    private const int KiB = 1024;

    private readonly AttachmentTestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task SaveAsync_ExactlyAtLimit_Stored()
    {
        var store = _directory.CreateStore(PolicyWithLimit(KiB));

        var result = await store.SaveBytesAsync(AttachmentKind.SampleData, "rows.txt", AttachmentSamples.Text(KiB));

        Assert.True(result.IsStored, result.Refusal?.Message);
        Assert.Equal(KiB, result.Attachment.Length);
    }

    [Fact]
    public async Task SaveAsync_OneByteOverLimit_RefusedAndNothingWritten()
    {
        var store = _directory.CreateStore(PolicyWithLimit(KiB));

        var result = await store.SaveBytesAsync(AttachmentKind.SampleData, "rows.txt", AttachmentSamples.Text(KiB + 1));

        Assert.Equal(new AttachmentRefusal("file", AttachmentRefusalCode.TooLarge, AttachmentKind.SampleData, "rows.txt", [(long)KiB]), result.Refusal);
        Assert.Equal("Sample data must be at most 1 KiB.", result.Refusal?.Message);
        Assert.Empty(_directory.AllFiles());
    }

    [Fact]
    public async Task SaveAsync_OverLimitPastSniffWindow_RefusedAndTempFileDeleted()
    {
        // A 100 KiB limit is past the 64 KiB sniff window, so the refusal comes while streaming to .incoming.
        var store = _directory.CreateStore(PolicyWithLimit(100 * KiB));
        using var upload = new GeneratedUploadStream([], 200 * KiB);

        var result = await store.SaveAsync(AttachmentKind.CourtOrder, "order.txt", upload, TestContext.Current.CancellationToken);

        Assert.Equal("A court order must be at most 100 KiB.", result.Refusal?.Message);
        Assert.True(Directory.Exists(_directory.Incoming), "the upload should have reached the streaming stage");
        Assert.True(_directory.IncomingIsEmpty());
        Assert.Empty(_directory.AllFiles());
    }

    [Fact]
    public async Task SaveAsync_OverLimit_StopsReadingOneBytePastLimit()
    {
        var store = _directory.CreateStore(PolicyWithLimit(100 * KiB));
        using var upload = new GeneratedUploadStream([], 10 * KiB * KiB);

        await store.SaveAsync(AttachmentKind.SampleData, "big.txt", upload, TestContext.Current.CancellationToken);

        Assert.Equal((100 * KiB) + 1, upload.BytesRead);
    }

    [Fact]
    public async Task SaveAsync_DocumentOverDefaultLimit_RefusedAt20MiB()
    {
        var store = _directory.CreateStore();
        using var upload = new GeneratedUploadStream(AttachmentSamples.Pdf, (20 * KiB * KiB) + 1);

        var result = await store.SaveAsync(AttachmentKind.PowerOfAttorney, "poa.pdf", upload, TestContext.Current.CancellationToken);

        Assert.Equal("A power of attorney must be at most 20 MiB.", result.Refusal?.Message);
        Assert.Empty(_directory.AllFiles());
    }

    [Fact]
    public async Task SaveAsync_LimitNotWholeKiB_RefusalGivesBytes()
    {
        var store = _directory.CreateStore(PolicyWithLimit(1000));

        var result = await store.SaveBytesAsync(AttachmentKind.ProofOfSource, "proof.txt", AttachmentSamples.Text(1001));

        Assert.Equal("A proof-of-source document must be at most 1000 bytes.", result.Refusal?.Message);
    }

    [Theory]
    [InlineData(AttachmentKind.ProofOfSource, "A proof-of-source document must not be empty.")]
    [InlineData(AttachmentKind.SampleData, "Sample data must not be empty.")]
    public async Task SaveAsync_Empty_RefusedAndNothingWritten(AttachmentKind kind, string expectedMessage)
    {
        var store = _directory.CreateStore();

        var result = await store.SaveBytesAsync(kind, "empty.pdf", []);

        Assert.Equal(new AttachmentRefusal("file", AttachmentRefusalCode.Empty, kind, "empty.pdf", []), result.Refusal);
        Assert.Equal(expectedMessage, result.Refusal?.Message);
        Assert.Empty(_directory.AllFiles());
    }

    private static AttachmentPolicy PolicyWithLimit(long maxBytes) =>
        new(Enum.GetValues<AttachmentKind>().ToDictionary(
            kind => kind,
            _ => new AttachmentRule(maxBytes, [AttachmentContentTypes.PlainText, AttachmentContentTypes.Pdf])));
}
