namespace DataIp.Cli.Verify;

/// <summary>The files <c>dataip verify</c> reads: a certificate, its envelope or a DID document, bounded in size.</summary>
internal static class InputFile
{
    /// <summary>The largest file read: a certificate PDF with its fonts stays well below.</summary>
    public const int MaxFileBytes = 64 << 20;

    /// <summary>Reads a file of at most <see cref="MaxFileBytes"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="error">Why it cannot be read; null when read.</param>
    /// <returns>The bytes, or null.</returns>
    public static byte[]? TryRead(string path, out string? error)
    {
        try
        {
            var info = new FileInfo(path);
            if (info.Exists && info.Length > MaxFileBytes)
            {
                error = $"{path} has {info.Length} bytes, more than the {MaxFileBytes} read";
                return null;
            }

            error = null;
            return File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error = $"couldn't read {path}: {exception.Message}";
            return null;
        }
    }
}
