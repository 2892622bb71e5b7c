using System.Net.Sockets;
using DataIp.Domain.Fingerprinting;

namespace DataIp.Domain.Tests.Fingerprinting;

/// <summary>
/// Entries that are neither regular files nor directories are refused before anything opens them
/// (docs/fingerprint-format.md §2.1, §3). Opening a named pipe waits for a writer that never comes,
/// so every fingerprint here runs on a thread of its own with a time limit: a regression fails the
/// test instead of hanging the run.
/// </summary>
public sealed class SpecialFileTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    [Fact]
    public void EntryKinds_Of_TellsEachKindWithoutFollowingLinks()
    {
        SkipUnlessLinux();
        using var dir = new TempDirectory();
        var file = dir.File("file.bin", [1]);
        var sub = System.IO.Path.Combine(dir.Path, "sub");
        Directory.CreateDirectory(sub);
        var fileLink = System.IO.Path.Combine(dir.Path, "file.link");
        File.CreateSymbolicLink(fileLink, file);
        var subLink = System.IO.Path.Combine(dir.Path, "sub.link");
        Directory.CreateSymbolicLink(subLink, sub);
        var pipe = dir.NamedPipe("queue");
        var socketPath = System.IO.Path.Combine(dir.Path, "s.sock");
        using var socket = BoundSocket(socketPath);

        Assert.Equal(EntryKind.RegularFile, EntryKinds.Of(new FileInfo(file)));
        Assert.Equal(EntryKind.Directory, EntryKinds.Of(new DirectoryInfo(sub)));
        Assert.Equal(EntryKind.SymbolicLink, EntryKinds.Of(new FileInfo(fileLink)));
        Assert.Equal(EntryKind.SymbolicLink, EntryKinds.Of(new DirectoryInfo(subLink)));
        Assert.Equal(EntryKind.NamedPipe, EntryKinds.Of(new FileInfo(pipe)));
        Assert.Equal(EntryKind.Socket, EntryKinds.Of(new FileInfo(socketPath)));
        Assert.Equal(EntryKind.CharacterDevice, EntryKinds.Of(new FileInfo("/dev/null")));
    }

    [Fact]
    public async Task FingerprintFiles_NamedPipeInTree_IsRefusedNamingItsRelativePath()
    {
        SkipUnlessLinux();
        using var dir = new TempDirectory();
        dir.File("a.bin", [1, 2, 3]);
        var pipe = dir.NamedPipe("sub/queue");

        var error = await RefusedWithin(() => TestData.Files(dir.Path));

        Assert.Equal(FingerprintErrorKind.NotRegularFile, error.Kind);
        Assert.Equal(pipe, error.Path);
        Assert.Equal($"couldn't fingerprint {dir.Path}: sub/queue is a named pipe, not a regular file; only regular files and directories are committed.", error.Message);
    }

    [Fact]
    public async Task FingerprintFiles_NamedPipeAsThePath_IsRefused()
    {
        SkipUnlessLinux();
        using var dir = new TempDirectory();
        var pipe = dir.NamedPipe("queue");

        var error = await RefusedWithin(() => TestData.Files(pipe));

        Assert.Equal(FingerprintErrorKind.NotRegularFile, error.Kind);
        Assert.Contains("it is a named pipe, not a regular file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FingerprintFiles_SocketInTree_IsRefused()
    {
        SkipUnlessLinux();
        using var dir = new TempDirectory();
        dir.File("a.bin", [1]);
        using var socket = BoundSocket(System.IO.Path.Combine(dir.Path, "s.sock"));

        var error = await RefusedWithin(() => TestData.Files(dir.Path));

        Assert.Equal(FingerprintErrorKind.NotRegularFile, error.Kind);
        Assert.Contains("s.sock is a socket, not a regular file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FingerprintFiles_CharacterDeviceAsThePath_IsRefused()
    {
        SkipUnlessLinux();

        var error = await RefusedWithin(() => TestData.Files("/dev/null"));

        Assert.Equal(FingerprintErrorKind.NotRegularFile, error.Kind);
        Assert.Contains("/dev/null: it is a character device, not a regular file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FingerprintFiles_LinkToADirectory_IsRefusedNotWalked()
    {
        using var dir = new TempDirectory();
        using var outside = new TempDirectory();
        outside.File("secret.bin", [1]);
        Directory.CreateSymbolicLink(System.IO.Path.Combine(dir.Path, "elsewhere"), outside.Path);

        var error = await RefusedWithin(() => TestData.Files(dir.Path));

        Assert.Equal(FingerprintErrorKind.NotRegularFile, error.Kind);
        Assert.Contains("elsewhere is a symbolic link, not a regular file", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    public async Task FingerprintFiles_LinkToADirectoryAsThePath_IsRefused(string suffix)
    {
        using var dir = new TempDirectory();
        dir.File("data/a.bin", [1]);
        var link = System.IO.Path.Combine(dir.Path, "link");
        Directory.CreateSymbolicLink(link, System.IO.Path.Combine(dir.Path, "data"));

        var error = await RefusedWithin(() => TestData.Files(link + suffix));

        Assert.Equal(FingerprintErrorKind.NotRegularFile, error.Kind);
        Assert.Contains("it is a symbolic link, not a regular file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FingerprintRows_NamedPipe_IsRefused()
    {
        SkipUnlessLinux();
        using var dir = new TempDirectory();
        var pipe = dir.NamedPipe("rows.csv");

        var error = await RefusedWithin(() => TestData.Rows(pipe, RowFormat.Csv));

        Assert.Equal(FingerprintErrorKind.NotRegularFile, error.Kind);
        Assert.Equal($"couldn't read {pipe}: it is a named pipe, not a regular file; only regular files are committed.", error.Message);
    }

    /// <summary>Runs <paramref name="fingerprint"/> on a thread of its own and expects it to be refused
    /// within <see cref="Limit"/>; a fingerprint blocked in open(2) is abandoned there.</summary>
    private static async Task<FingerprintException> RefusedWithin(Func<FingerprintManifest> fingerprint)
    {
        var run = Task.Factory.StartNew(fingerprint, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        return await Assert.ThrowsAsync<FingerprintException>(() => run.WaitAsync(Limit, TestContext.Current.CancellationToken));
    }

    private static Socket BoundSocket(string path)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        return socket;
    }

    // Named pipes, sockets and /dev/null as this test knows them; statx(2) is how they are told apart.
    private static void SkipUnlessLinux() => Assert.SkipUnless(OperatingSystem.IsLinux(), "Named pipes, sockets and /dev/null are Linux entries here.");
}
