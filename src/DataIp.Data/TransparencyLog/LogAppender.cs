using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataIp.Data.Acts;
using DataIp.Data.Numbering;
using DataIp.Domain.Canonicalization;
using DataIp.Domain.TransparencyLog;

namespace DataIp.Data.TransparencyLog;

/// <summary>
/// Appends an act to the public log inside the act's own transaction, so that an acknowledged act
/// always has its log index (ARCHITECTURE: "the register is a log of acts").
/// </summary>
/// <remarks>
/// The index comes from the gap-free serial <c>log</c>: its counter row stays locked until the
/// transaction ends, so entries commit in index order and the committed entries are always a
/// prefix of the log. The sequencer integrates that prefix into the tree later; the entry, its
/// leaf hash and its index are final here.
/// </remarks>
public static class LogAppender
{
    /// <summary>The tlog-tiles limit on one entry.</summary>
    public const int MaxEntryBytes = 65535;

    /// <summary>The format version every entry carries.</summary>
    public const int LogVersion = 1;

    /// <summary>
    /// Builds the act's entry (public fields in clear, private ones as salted digests), gives it
    /// the next index and adds entry, salts and act to the context. The caller saves and commits.
    /// </summary>
    /// <exception cref="InvalidOperationException">No transaction is open, or the entry is too large.</exception>
    public static async Task<LogEntry> AppendAsync(
        RegistryDbContext db, Act act, JsonObject publicFields, IReadOnlyDictionary<string, JsonNode?> privateFields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(act);
        ArgumentNullException.ThrowIfNull(publicFields);
        ArgumentNullException.ThrowIfNull(privateFields);
        var index = await SerialNumbers.NextAsync(db, "log", cancellationToken).ConfigureAwait(false) - 1;

        var entry = new JsonObject
        {
            ["logVersion"] = LogVersion,
            ["index"] = index,
            ["act"] = act.Type,
            ["actId"] = act.Id.ToString(),
            ["at"] = act.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
            ["actor"] = new JsonObject { ["role"] = act.ActorRole, ["name"] = act.ActorName },
        };
        foreach (var (name, value) in publicFields.Where(f => f.Value is not null))
        {
            entry[name] = value!.DeepClone();
        }

        if (privateFields.Count > 0)
        {
            var digests = new JsonObject();
            foreach (var (name, value) in privateFields.Where(f => f.Value is not null))
            {
                var salt = RandomNumberGenerator.GetBytes(16);
                digests[name] = Digest(salt, value!);
                db.ActSecrets.Add(new ActSecret { ActId = act.Id, Name = name, Salt = salt });
            }

            entry["private"] = digests;
        }

        var bytes = JsonCanonicalizer.Canonicalize(JsonSerializer.SerializeToUtf8Bytes(entry));
        if (bytes.Length > MaxEntryBytes)
        {
            throw new InvalidOperationException($"Couldn't log act {act.Type}: its entry has {bytes.Length} bytes, more than the {MaxEntryBytes} a log entry may have.");
        }

        act.LogIndex = index;
        db.Acts.Add(act);
        var logEntry = new LogEntry { Index = index, ActId = act.Id, Entry = bytes, LeafHash = Rfc9162.HashLeaf(bytes).ToArray() };
        db.LogEntries.Add(logEntry);
        return logEntry;
    }

    /// <summary>
    /// The digest that stands for a private value: lowercase hex SHA-256 of the 16-byte salt
    /// followed by the value's RFC 8785 canonical JSON.
    /// </summary>
    public static string Digest(ReadOnlySpan<byte> salt, JsonNode value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var canonical = JsonCanonicalizer.Canonicalize(value);
        var input = new byte[salt.Length + canonical.Length];
        salt.CopyTo(input);
        canonical.CopyTo(input, salt.Length);
        return Convert.ToHexStringLower(SHA256.HashData(input));
    }
}
