using DataIp.Data.Attachments;
using DataIp.Domain.Registration;

namespace DataIp.Data.Tests.Attachments;

internal static class AttachmentStoreTestExtensions
{
    public static async Task<AttachmentSaveResult> SaveBytesAsync(
        this IAttachmentStore store, AttachmentKind kind, string fileName, byte[] content)
    {
        using var stream = new MemoryStream(content);
        return await store.SaveAsync(kind, fileName, stream, TestContext.Current.CancellationToken);
    }

    public static async Task<byte[]?> ReadAllBytesAsync(this IAttachmentStore store, Guid id)
    {
        var stream = await store.OpenReadAsync(id, TestContext.Current.CancellationToken);
        if (stream is null)
        {
            return null;
        }

        await using (stream)
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, TestContext.Current.CancellationToken);
            return copy.ToArray();
        }
    }
}
