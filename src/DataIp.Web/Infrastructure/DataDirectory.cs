namespace DataIp.Web.Infrastructure;

/// <summary>The node's data directory: database, keys and attachments, readable by its owner only.</summary>
internal static class DataDirectory
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>
    /// Creates <paramref name="path"/> and every missing parent with owner-only permissions (on
    /// Unix), and tightens the permissions of <paramref name="path"/> itself if it exists.
    /// </summary>
    public static DirectoryInfo CreatePrivate(string path)
    {
        var full = Path.GetFullPath(path);
        var missing = new Stack<string>();
        for (var current = full; !string.IsNullOrEmpty(current) && !Directory.Exists(current); current = Path.GetDirectoryName(current))
        {
            missing.Push(current);
        }

        while (missing.TryPop(out var directory))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(directory);
            }
            else
            {
                Directory.CreateDirectory(directory, OwnerOnly);
            }
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(full, OwnerOnly);
        }

        return new DirectoryInfo(full);
    }
}
