using System.Security.Cryptography;
using DataIp.Data.Attachments;
using DataIp.Domain.Registration;

namespace DataIp.Data.Tests.Attachments;

public sealed class FileSystemAttachmentStoreLifecycleTests : IDisposable
{
    private readonly AttachmentTestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task SaveAsync_Stored_Sha256AndLengthMatchContent()
    {
        var store = _directory.CreateStore();
        var content = AttachmentSamples.Text(200_000);

        var result = await store.SaveBytesAsync(AttachmentKind.SampleData, "rows.txt", content);

        Assert.True(result.IsStored);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), result.Attachment.Sha256Hex);
        Assert.Equal(content.LongLength, result.Attachment.Length);
    }

    [Fact]
    public async Task SaveAsync_Stored_IncomingDirectoryEmpty()
    {
        var store = _directory.CreateStore();

        var result = await store.SaveBytesAsync(AttachmentKind.SampleData, "rows.csv", AttachmentSamples.Csv);

        Assert.True(result.IsStored);
        Assert.True(Directory.Exists(_directory.Incoming));
        Assert.True(_directory.IncomingIsEmpty());
    }

    [Fact]
    public async Task SaveAsync_Refused_IncomingDirectoryEmpty()
    {
        var store = _directory.CreateStore();

        var result = await store.SaveBytesAsync(AttachmentKind.CourtOrder, "order.pdf", AttachmentSamples.Executable);

        Assert.False(result.IsStored);
        Assert.True(_directory.IncomingIsEmpty());
    }

    [Fact]
    public async Task SaveAsync_CancelledMidUpload_ThrowsAndLeavesNothing()
    {
        var store = _directory.CreateStore();
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        using var upload = new GeneratedUploadStream([], 1024 * 1024)
        {
            BeforeRead = bytesRead =>
            {
                if (bytesRead > 100_000)
                {
                    cancellation.Cancel();
                }
            },
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => store.SaveAsync(AttachmentKind.SampleData, "rows.txt", upload, cancellation.Token));

        Assert.True(Directory.Exists(_directory.Incoming), "the upload should have reached the streaming stage");
        Assert.Empty(_directory.AllFiles());
    }

    [Fact]
    public async Task SaveAsync_RootIsAFile_ThrowsWrappedIOException()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_directory.Root)!);
        await File.WriteAllTextAsync(_directory.Root, "not a directory", TestContext.Current.CancellationToken);
        var store = _directory.CreateStore();

        var exception = await Assert.ThrowsAsync<IOException>(
            () => store.SaveBytesAsync(AttachmentKind.ProofOfSource, "proof.pdf", AttachmentSamples.Pdf));

        Assert.StartsWith("couldn't store attachment ", exception.Message);
        Assert.Contains("ProofOfSource", exception.Message);
        Assert.NotNull(exception.InnerException);
    }

    [Fact]
    public async Task OpenReadAsync_Stored_ReturnsSameBytes()
    {
        var store = _directory.CreateStore();
        var saved = await store.SaveBytesAsync(AttachmentKind.ObjectionEvidence, "evidence.png", AttachmentSamples.Png);
        Assert.True(saved.IsStored);

        var bytes = await store.ReadAllBytesAsync(saved.Attachment.Id);

        Assert.Equal(AttachmentSamples.Png, bytes);
    }

    [Fact]
    public async Task OpenReadAsync_UnknownIdBeforeAnySave_ReturnsNull()
    {
        var store = _directory.CreateStore();

        var stream = await store.OpenReadAsync(Guid.NewGuid(), TestContext.Current.CancellationToken);

        Assert.Null(stream);
    }

    [Fact]
    public async Task OpenReadAsync_UnknownIdInSameShard_ReturnsNull()
    {
        var store = _directory.CreateStore();
        var saved = await store.SaveBytesAsync(AttachmentKind.SampleData, "rows.csv", AttachmentSamples.Csv);
        Assert.True(saved.IsStored);
        var sameShard = Guid.Parse(saved.Attachment.Id.ToString("N")[..2] + new string('0', 30));

        var stream = await store.OpenReadAsync(sameShard, TestContext.Current.CancellationToken);

        Assert.Null(stream);
    }

    [Fact]
    public async Task DeleteAsync_Stored_RemovesIt()
    {
        var store = _directory.CreateStore();
        var saved = await store.SaveBytesAsync(AttachmentKind.PowerOfAttorney, "poa.jpg", AttachmentSamples.Jpeg);
        Assert.True(saved.IsStored);

        await store.DeleteAsync(saved.Attachment.Id, TestContext.Current.CancellationToken);

        Assert.Null(await store.ReadAllBytesAsync(saved.Attachment.Id));
        Assert.Empty(_directory.AllFiles());
    }

    [Fact]
    public async Task DeleteAsync_Twice_SecondDoesNothing()
    {
        var store = _directory.CreateStore();
        var saved = await store.SaveBytesAsync(AttachmentKind.PowerOfAttorney, "poa.jpg", AttachmentSamples.Jpeg);
        Assert.True(saved.IsStored);
        await store.DeleteAsync(saved.Attachment.Id, TestContext.Current.CancellationToken);

        await store.DeleteAsync(saved.Attachment.Id, TestContext.Current.CancellationToken);

        Assert.Empty(_directory.AllFiles());
    }

    [Fact]
    public async Task DeleteAsync_UnknownIdBeforeAnySave_DoesNothing()
    {
        var store = _directory.CreateStore();

        await store.DeleteAsync(Guid.NewGuid(), TestContext.Current.CancellationToken);

        Assert.False(Directory.Exists(_directory.Root));
    }

    [Fact]
    public async Task SaveAsync_UndefinedKind_ThrowsArgumentException()
    {
        var store = _directory.CreateStore();

        await Assert.ThrowsAnyAsync<ArgumentException>(
            () => store.SaveBytesAsync((AttachmentKind)99, "proof.pdf", AttachmentSamples.Pdf));
    }

    [Fact]
    public async Task SaveAsync_NullFileName_ThrowsArgumentNullException()
    {
        var store = _directory.CreateStore();

        await Assert.ThrowsAsync<ArgumentNullException>(
            () => store.SaveBytesAsync(AttachmentKind.ProofOfSource, null!, AttachmentSamples.Pdf));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Constructor_BlankRoot_ThrowsArgumentException(string root)
    {
        Assert.ThrowsAny<ArgumentException>(() => new FileSystemAttachmentStore(root, AttachmentPolicy.Default));
    }
}
