using System.Text;

namespace DataIp.Domain.Fingerprinting;

/// <summary>
/// Lists the files of a files-mode dataset (docs/fingerprint-format.md §2.1–§2.3): every regular
/// file beneath a directory, or the one file given; paths relative, '/'-joined and NFC; ordered
/// by their UTF-8 bytes. Symbolic links are refused, as are names that are not valid Unicode and
/// two paths equal after NFC.
/// </summary>
internal static class DatasetWalk
{
    /// <summary>The files, in committed order.</summary>
    /// <exception cref="FingerprintException">Unreadable, a link, or an invalid path.</exception>
    public static IReadOnlyList<DatasetFile> List(string path, CancellationToken cancellationToken)
    {
        var full = System.IO.Path.GetFullPath(path);
        FileSystemInfo root = Directory.Exists(full) ? new DirectoryInfo(full) : new FileInfo(full);
        if (!root.Exists)
        {
            throw new FingerprintException(FingerprintErrorKind.Unreadable, path, $"couldn't read {path}: no such file or directory.");
        }

        RefuseLink(root, path);
        var files = new List<DatasetFile>();
        if (root is FileInfo file)
        {
            files.Add(new DatasetFile(Committed(file.Name, path), file.FullName, file.Length));
        }
        else
        {
            Walk((DirectoryInfo)root, string.Empty, files, cancellationToken);
        }

        return Order(files);
    }

    private static void Walk(DirectoryInfo directory, string prefix, List<DatasetFile> files, CancellationToken cancellationToken)
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
            RefuseLink(entry, entry.FullName);
            var relative = prefix + Committed(entry.Name, entry.FullName);
            if (entry is DirectoryInfo child)
            {
                Walk(child, relative + "/", files, cancellationToken);
            }
            else
            {
                files.Add(new DatasetFile(relative, entry.FullName, ((FileInfo)entry).Length));
            }
        }
    }

    private static void RefuseLink(FileSystemInfo entry, string shown)
    {
        if (entry.LinkTarget is not null || entry.Attributes.HasFlag(FileAttributes.ReparsePoint) || entry.Attributes.HasFlag(FileAttributes.Device))
        {
            throw new FingerprintException(FingerprintErrorKind.NotRegularFile, shown, $"couldn't fingerprint {shown}: it is a symbolic link or special file; only regular files and directories are committed.");
        }
    }

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
