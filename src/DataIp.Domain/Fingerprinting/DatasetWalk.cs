using System.Text;

namespace DataIp.Domain.Fingerprinting;

/// <summary>
/// Lists the files of a files-mode dataset (docs/fingerprint-format.md §2.1–§2.3): every regular
/// file beneath a directory, or the one file given; paths relative, '/'-joined and NFC; ordered
/// by their UTF-8 bytes. Anything else (a symbolic link, a named pipe, a socket, a device) is
/// refused before it is opened, as are names that are not valid Unicode and two paths equal
/// after NFC.
/// </summary>
internal static class DatasetWalk
{
    /// <summary>The files, in committed order.</summary>
    /// <exception cref="FingerprintException">Unreadable, not a regular file or directory, or an invalid path.</exception>
    public static IReadOnlyList<DatasetFile> List(string path, CancellationToken cancellationToken)
    {
        var full = System.IO.Path.GetFullPath(path);
        FileSystemInfo root = Directory.Exists(full) ? new DirectoryInfo(full) : new FileInfo(full);
        if (!root.Exists)
        {
            throw new FingerprintException(FingerprintErrorKind.Unreadable, path, $"couldn't read {path}: no such file or directory.");
        }

        var files = new List<DatasetFile>();
        switch (EntryKinds.Of(root))
        {
            case EntryKind.RegularFile:
                files.Add(new DatasetFile(Committed(root.Name, path), root.FullName, new FileInfo(root.FullName).Length));
                break;
            case EntryKind.Directory:
                Walk(new Dataset(path, root.FullName), new DirectoryInfo(root.FullName), string.Empty, files, cancellationToken);
                break;
            case var other:
                throw new FingerprintException(FingerprintErrorKind.NotRegularFile, path, $"couldn't fingerprint {path}: it is {EntryKinds.Describe(other)}, not a regular file; only regular files and directories are committed.");
        }

        return Order(files);
    }

    private static void Walk(Dataset dataset, DirectoryInfo directory, string prefix, List<DatasetFile> files, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        FileSystemInfo[] entries;
        try
        {
            entries = directory.GetFileSystemInfos();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            throw new FingerprintException(FingerprintErrorKind.Unreadable, directory.FullName, $"couldn't list the directory {directory.FullName}: {exception.Message}", inner: exception);
        }

        foreach (var entry in entries)
        {
            // The kind comes first, from the entry itself: a pipe or a device must never be opened,
            // and a link to a directory must not be walked into.
            var kind = EntryKinds.Of(entry);
            if (kind is not (EntryKind.RegularFile or EntryKind.Directory))
            {
                var relative = System.IO.Path.GetRelativePath(dataset.FullPath, entry.FullName);
                throw new FingerprintException(FingerprintErrorKind.NotRegularFile, entry.FullName, $"couldn't fingerprint {dataset.Shown}: {relative} is {EntryKinds.Describe(kind)}, not a regular file; only regular files and directories are committed.");
            }

            var committed = prefix + Committed(entry.Name, entry.FullName);
            if (kind == EntryKind.Directory)
            {
                Walk(dataset, new DirectoryInfo(entry.FullName), committed + "/", files, cancellationToken);
            }
            else
            {
                files.Add(new DatasetFile(committed, entry.FullName, ((FileInfo)entry).Length));
            }
        }
    }

    /// <summary>The directory being fingerprinted: as the caller wrote it (for messages) and in full.</summary>
    private sealed record Dataset(string Shown, string FullPath);

    /// <summary>A name as committed: NFC. .NET decodes a name that is not UTF-8 with U+FFFD.</summary>
    private static string Committed(string name, string shown)
    {
        if (name.Contains('\uFFFD', StringComparison.Ordinal) || !IsWellFormed(name))
        {
            throw new FingerprintException(FingerprintErrorKind.InvalidPath, shown, $"couldn't fingerprint {shown}: its name is not valid Unicode.");
        }

        return name.Normalize(NormalizationForm.FormC);
    }

    private static bool IsWellFormed(string name)
    {
        try
        {
            _ = StrictUtf8.GetByteCount(name);
            return true;
        }
        catch (EncoderFallbackException)
        {
            return false;
        }
    }

    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    private static List<DatasetFile> Order(List<DatasetFile> files)
    {
        var keyed = files.Select(f => (Key: Encoding.UTF8.GetBytes(f.Path), File: f)).ToList();
        keyed.Sort((a, b) => a.Key.AsSpan().SequenceCompareTo(b.Key));
        for (var i = 1; i < keyed.Count; i++)
        {
            if (keyed[i].Key.AsSpan().SequenceEqual(keyed[i - 1].Key))
            {
                throw new FingerprintException(FingerprintErrorKind.InvalidPath, keyed[i].File.FullPath, $"couldn't fingerprint {keyed[i].File.FullPath}: its path \"{keyed[i].File.Path}\" equals another's after NFC normalisation.");
            }
        }

        return keyed.ConvertAll(k => k.File);
    }
}
