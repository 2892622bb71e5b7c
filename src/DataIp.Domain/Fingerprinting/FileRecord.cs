using System.Text.Json.Nodes;
using DataIp.Domain.Canonicalization;
using DataIp.Domain.TransparencyLog;

namespace DataIp.Domain.Fingerprinting;

/// <summary>The leaf data of a file in files mode (docs/fingerprint-format.md §2.6):
/// JCS({"path": path, "root": hex(fileRoot), "size": size}). Thread-safe: pure.</summary>
public static class FileRecord
{
    /// <summary>The canonical record bytes.</summary>
    /// <param name="path">The relative path, '/'-separated and NFC.</param>
    /// <param name="size">The file size in bytes.</param>
    /// <param name="root">The root over the file's chunks.</param>
    /// <returns>The UTF-8 JCS bytes.</returns>
    public static byte[] Canonical(string path, long size, Hash root)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        var record = new JsonObject
        {
            ["path"] = path,
            ["root"] = root.ToString(),
            ["size"] = size,
        };
        return JsonCanonicalizer.Canonicalize(record);
    }
}
