using DataIp.Data.Attachments;

namespace DataIp.Data.Tests.Attachments;

/// <summary>
/// A fresh directory per test, deleted on dispose. The store's root sits two levels down
/// (<c>{Path}/outer/inner/attachments</c>) so that a store that wrongly let "../.." into a path would
/// write inside <see cref="Path"/>, where the tests can see it.
/// </summary>
internal sealed class AttachmentTestDirectory : IDisposable
{
    public AttachmentTestDirectory()
    {
        Path = Directory.CreateTempSubdirectory("dataip-attachments-").FullName;
        Root = System.IO.Path.Combine(Path, "outer", "inner", "attachments");
    }

    public string Path { get; }

    public string Root { get; }

    public string Incoming => System.IO.Path.Combine(Root, ".incoming");

    public FileSystemAttachmentStore CreateStore(AttachmentPolicy? policy = null) =>
        new(Root, policy ?? AttachmentPolicy.Default);

    /// <summary>Where an attachment must be, computed here independently of the store.</summary>
    public string ExpectedPathFor(Guid id)
    {
        var name = id.ToString("N");
        return System.IO.Path.Combine(Root, name[..2], name);
    }

    /// <summary>Every file anywhere under the test directory, inside the root or not.</summary>
    public IReadOnlyList<string> AllFiles() =>
        [.. Directory.GetFiles(Path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];

    public bool IncomingIsEmpty() =>
        !Directory.Exists(Incoming) || Directory.GetFileSystemEntries(Incoming).Length == 0;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
