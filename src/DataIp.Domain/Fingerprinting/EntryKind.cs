using System.Runtime.InteropServices;

namespace DataIp.Domain.Fingerprinting;

/// <summary>What a path names, seen without following a link and without opening it.</summary>
internal enum EntryKind
{
    /// <summary>A regular file: the only kind whose bytes are committed.</summary>
    RegularFile,

    /// <summary>A directory: walked, never committed itself.</summary>
    Directory,

    /// <summary>A symbolic link (or, on Windows, a junction).</summary>
    SymbolicLink,

    /// <summary>A named pipe (FIFO): opening it waits for a writer, reading it consumes what it gives.</summary>
    NamedPipe,

    /// <summary>A Unix domain socket: it cannot be opened as a file.</summary>
    Socket,

    /// <summary>A character device such as /dev/null or a terminal.</summary>
    CharacterDevice,

    /// <summary>A block device such as a disk.</summary>
    BlockDevice,

    /// <summary>A Windows reparse point that is not a link (a cloud placeholder, a deduplicated file).</summary>
    ReparsePoint,
}

/// <summary>
/// Tells what a directory entry is before anything opens it (docs/fingerprint-format.md §2.1):
/// opening a named pipe blocks until something writes to it, and opening a device can have
/// effects of its own, so the type must come from the entry, not from a handle.
/// </summary>
/// <remarks>
/// .NET's <see cref="FileSystemInfo"/> reports a pipe, a socket or a device on Unix as a plain
/// file (<see cref="FileAttributes.Normal"/>, length 0), and <see cref="FileSystemInfo.UnixFileMode"/>
/// holds only the permission bits. On Linux the type comes from statx(2) with
/// AT_SYMLINK_NOFOLLOW, whose result layout is the same on every architecture (unlike struct
/// stat's). Elsewhere, or where statx is unavailable (glibc before 2.28, a seccomp filter that
/// refuses it), .NET's view is used: links, Windows devices and directories are told apart, but a
/// pipe on macOS is not. Thread-safe: no state.
/// </remarks>
internal static partial class EntryKinds
{
    /// <summary>The kind of <paramref name="entry"/>; a link is reported as a link, not as its target.</summary>
    public static EntryKind Of(FileSystemInfo entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        // Without a trailing separator, which would make statx(2) look at a link's target.
        if (OperatingSystem.IsLinux() && OfLinux(Path.TrimEndingDirectorySeparator(entry.FullName)) is { } kind)
        {
            return kind;
        }

        if (entry.LinkTarget is not null)
        {
            return EntryKind.SymbolicLink;
        }

        return entry.Attributes switch
        {
            var a when a.HasFlag(FileAttributes.ReparsePoint) => EntryKind.ReparsePoint,
            var a when a.HasFlag(FileAttributes.Device) => EntryKind.CharacterDevice,
            _ => entry is DirectoryInfo ? EntryKind.Directory : EntryKind.RegularFile,
        };
    }

    /// <summary>The kind in words, for messages: "a named pipe".</summary>
    public static string Describe(EntryKind kind) => kind switch
    {
        EntryKind.RegularFile => "a regular file",
        EntryKind.Directory => "a directory",
        EntryKind.SymbolicLink => "a symbolic link",
        EntryKind.NamedPipe => "a named pipe",
        EntryKind.Socket => "a socket",
        EntryKind.CharacterDevice => "a character device",
        EntryKind.BlockDevice => "a block device",
        EntryKind.ReparsePoint => "a reparse point",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not an entry kind."),
    };

    // statx(2): AT_FDCWD, AT_SYMLINK_NOFOLLOW (lstat's view), AT_NO_AUTOMOUNT (a look must not
    // mount anything), STATX_TYPE (only the S_IFMT bits of stx_mode are asked for).
    private const int AtCurrentDirectory = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const int AtNoAutomount = 0x800;
    private const uint StatxType = 0x1;

    // The S_IFMT bits of a mode (linux/stat.h, the same on every Linux architecture).
    private const int TypeMask = 0xF000;

    private static EntryKind? OfLinux(string path)
    {
        StatxBuffer buffer;
        try
        {
            if (Statx(AtCurrentDirectory, path, AtSymlinkNoFollow | AtNoAutomount, StatxType, out buffer) != 0 || (buffer.Mask & StatxType) == 0)
            {
                return null;
            }
        }
        catch (EntryPointNotFoundException)
        {
            return null;
        }

        return (buffer.Mode & TypeMask) switch
        {
            0x8000 => EntryKind.RegularFile,
            0x4000 => EntryKind.Directory,
            0xA000 => EntryKind.SymbolicLink,
            0x1000 => EntryKind.NamedPipe,
            0xC000 => EntryKind.Socket,
            0x2000 => EntryKind.CharacterDevice,
            0x6000 => EntryKind.BlockDevice,
            _ => null,
        };
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directory, string path, int flags, uint mask, out StatxBuffer buffer);

    /// <summary>struct statx (linux/stat.h): 256 bytes; only stx_mask and stx_mode are read.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct StatxBuffer
    {
        [FieldOffset(0)]
        public uint Mask;

        [FieldOffset(28)]
        public ushort Mode;
    }
}
