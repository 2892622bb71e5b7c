using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using DataIp.Crypto;
using DataIp.Domain.TransparencyLog;

namespace DataIp.Cli.Log;

/// <summary>
/// What <c>dataip log verify --state FILE</c> remembers between runs: the last checkpoint that
/// verified completely and the keys it was verified with. Immutable.
/// </summary>
/// <param name="Origin">The log's origin.</param>
/// <param name="TreeSize">The checkpoint's tree size.</param>
/// <param name="RootHash">Its root hash.</param>
/// <param name="Keys">The log's keys.</param>
/// <param name="CheckedAt">When it was verified.</param>
internal sealed record SavedLogState(string Origin, ulong TreeSize, Hash RootHash, LogVerifierKeys Keys, DateTimeOffset CheckedAt);

/// <summary>
/// Reads and writes the state file: one JSON object,
/// <c>{"version":1,"origin":…,"treeSize":…,"rootHash":"&lt;64 hex&gt;","keys":["&lt;verifier key&gt;",…],"checkedAt":"&lt;ISO 8601&gt;"}</c>.
/// Writing is atomic: the new file is written and flushed under a temporary name in the same
/// directory, then renamed over the old one, so a crash leaves the old state or the new one, never
/// half of either. Thread-safe: no shared state (but two processes writing the same file race,
/// the last rename wins).
/// </summary>
internal static class StateFile
{
    /// <summary>The format version written and read.</summary>
    public const int Version = 1;

    /// <summary>The largest state file read; a real one is well under 1 KiB.</summary>
    public const int MaxBytes = 1 << 20;

    /// <summary>Reads the state file at <paramref name="path"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="state">The state; null when the file does not exist (the first run) or is refused.</param>
    /// <param name="error">Why the file is refused; null when it was read or does not exist.</param>
    /// <returns>False when the file exists but cannot be read or is not a state file.</returns>
    public static bool TryRead(string path, out SavedLogState? state, [NotNullWhen(false)] out string? error)
    {
        state = null;
        error = null;
        if (!File.Exists(path))
        {
            return !Directory.Exists(path) || Fail($"{path} is a directory", out error);
        }

        byte[] json;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > MaxBytes)
            {
                return Fail($"{path} has {length} bytes; a state file has at most {MaxBytes}", out error);
            }

            json = File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return Fail($"couldn't read {path}: {exception.Message}", out error);
        }

        return TryParse(json, out state, out var parseError) || Fail($"{path} is not a dataip log state file: {parseError}", out error);
    }

    /// <summary>Reads the JSON of a state file.</summary>
    /// <param name="json">The file's bytes.</param>
    /// <param name="state">The state, when valid.</param>
    /// <param name="error">What is wrong; null when valid.</param>
    /// <returns>Whether the JSON is a valid state.</returns>
    public static bool TryParse(byte[] json, [NotNullWhen(true)] out SavedLogState? state, [NotNullWhen(false)] out string? error)
    {
        state = null;
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Fail("it is not a JSON object", out error);
            }

            if (!root.TryGetProperty("version", out var version) || !version.TryGetInt32(out var number) || number != Version)
            {
                return Fail($"\"version\" is not {Version}", out error);
            }

            return TryReadFields(root, out state, out error);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException or KeyNotFoundException)
        {
            // GetProperty throws on a missing member, GetString/GetUInt64/GetDateTimeOffset on one of the wrong kind.
            return Fail(exception.Message, out error);
        }
    }

    /// <summary>Writes <paramref name="state"/> to <paramref name="path"/> atomically; see the class summary.</summary>
    /// <param name="path">The file; its directory must exist.</param>
    /// <param name="state">The state.</param>
    /// <exception cref="IOException">The file could not be written (the old one, if any, is left as it was).</exception>
    /// <exception cref="UnauthorizedAccessException">The directory or file is not writable.</exception>
    public static void Write(string path, SavedLogState state)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(state);
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            // 1. The whole new state under a name nobody reads, flushed to the disk before it is
            //    renamed, so the rename never exposes a file whose bytes are still in flight.
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                file.Write(Serialize(state));
                file.Flush(flushToDisk: true);
            }

            // 2. Rename over the old state: atomic on one file system (rename(2), MoveFileEx).
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            // 3. Gone after a successful rename; after a failure, nothing is left behind.
            File.Delete(temporary);
        }
    }

    /// <summary>The file's bytes: indented JSON ending in a newline. Keys are written as they are
    /// ('+' not escaped as \u002B), so they can be copied into a <c>--keys</c> file; the file is
    /// never embedded in HTML, the case the default escaping guards against.</summary>
    /// <param name="state">The state.</param>
    /// <returns>UTF-8 JSON.</returns>
    public static byte[] Serialize(SavedLogState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", Version);
            writer.WriteString("origin", state.Origin);
            writer.WriteNumber("treeSize", state.TreeSize);
            writer.WriteString("rootHash", state.RootHash.ToString());
            writer.WriteStartArray("keys");
            foreach (var key in state.Keys.Keys)
            {
                writer.WriteStringValue(key.ToString());
            }

            writer.WriteEndArray();
            writer.WriteString("checkedAt", state.CheckedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFFZ", CultureInfo.InvariantCulture));
            writer.WriteEndObject();
        }

        buffer.Write("\n"u8);
        return buffer.ToArray();
    }

    private static bool TryReadFields(JsonElement root, [NotNullWhen(true)] out SavedLogState? state, [NotNullWhen(false)] out string? error)
    {
        state = null;
        var origin = root.GetProperty("origin").GetString();
        var treeSize = root.GetProperty("treeSize").GetUInt64();
        var rootHex = root.GetProperty("rootHash").GetString();
        var checkedAt = root.GetProperty("checkedAt").GetDateTimeOffset();
        var keyLines = root.GetProperty("keys").EnumerateArray().Select(key => key.GetString() ?? string.Empty).ToList();

        if (string.IsNullOrEmpty(origin))
        {
            return Fail("\"origin\" is empty", out error);
        }

        if (treeSize > MerkleTree.MaxSize)
        {
            return Fail($"\"treeSize\" {treeSize} is larger than the largest tree, {MerkleTree.MaxSize}", out error);
        }

        if (!Hash.TryFromHex(rootHex, out var rootHash))
        {
            return Fail("\"rootHash\" is not 64 hex digits", out error);
        }

        if (!LogVerifierKeys.TryParse(keyLines, LogVerifierKeys.DataIpAlgorithms, null, out var keys, out var keyError))
        {
            return Fail($"\"keys\": {keyError}", out error);
        }

        if (keys.Origin != origin)
        {
            return Fail($"the keys are named {keys.Origin}, not after the origin {origin}", out error);
        }

        state = new SavedLogState(origin, treeSize, rootHash, keys, checkedAt);
        error = null;
        return true;
    }

    private static bool Fail(string message, out string error)
    {
        error = message;
        return false;
    }
}
