namespace DataIp.Domain.Fingerprinting;

/// <summary>One file of a files-mode dataset: its committed path (relative, '/'-separated, NFC),
/// where it is on disk, and its size when listed.</summary>
/// <param name="Path">The committed path.</param>
/// <param name="FullPath">The absolute path on disk.</param>
/// <param name="Size">The size in bytes when the directory was walked.</param>
internal sealed record DatasetFile(string Path, string FullPath, long Size);
