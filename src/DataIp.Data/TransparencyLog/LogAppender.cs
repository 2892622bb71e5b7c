using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using DataIp.Data.Acts;
using DataIp.Domain.Canonicalization;

namespace DataIp.Data.TransparencyLog;

/// <summary>
/// Appends an act to the public log inside the act's own transaction, so that an acknowledged act
/// always has its log index (ARCHITECTURE: "the register is a log of acts").
/// </summary>
/// <remarks>
/// The act's entry is prepared here and completed when the context saves
/// (<see cref="PendingLogEntries"/>): <c>SaveChanges</c> takes the indices of every act appended
/// since the last save from the gap-free serial <c>log</c> in one statement, in the order the acts
/// were appended, and writes the acts (with their salts) and entries in the same transaction. The counter row stays
/// locked until the transaction ends, so entries commit in index order and the committed entries
/// are always a prefix of the log. The sequencer integrates that prefix into the tree later; the
/// entry, its leaf hash and its index are final once saved.
/// </remarks>
public static class LogAppender
{
    /// <summary>The tlog-tiles limit on one entry.</summary>
    public const int MaxEntryBytes = 65535;

    /// <summary>The format version every entry carries.</summary>
    public const int LogVersion = 1;

    private const int SaltBytes = 16;

    // A SHA-256 context per thread, reused: creating one costs more than hashing a short value.
    [ThreadStatic]
    private static IncrementalHash? _threadHash;

    /// <summary>
    /// Builds the act's entry (public fields in clear, private ones as salted digests, their salts
    /// in <see cref="Act.Salts"/>) and hands the act and its entry to the context. The next <c>SaveChanges</c> gives the
    /// entry its index (also set on <see cref="Act.LogIndex"/> and on the returned entry) and
    /// writes it; the caller saves and commits. Must be called inside a transaction, and the
    /// context must be saved inside one.
    /// </summary>
    /// <returns>The entry; its index, bytes and leaf hash are set when the context saves.</returns>
    /// <exception cref="InvalidOperationException">No transaction is open, or the entry is too large.</exception>
    public static Task<LogEntry> AppendAsync(
        RegistryDbContext db, Act act, JsonObject publicFields, IReadOnlyDictionary<string, JsonNode?> privateFields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(publicFields);
        ArgumentNullException.ThrowIfNull(privateFields);
        var publicMembers = publicFields.Where(f => f.Value is not null).Select(f => (f.Key, JsonCanonicalizer.Canonicalize(f.Value))).ToList();
        var privateValues = privateFields.Where(f => f.Value is not null).Select(f => (f.Key, JsonCanonicalizer.Canonicalize(f.Value))).ToList();
        return AppendCoreAsync(db, act, publicMembers, privateValues, cancellationToken);
    }

    /// <summary>
    /// As the other overload, from fields already serialised and canonicalised by
    /// <see cref="ActFields"/> (the act's payload comes from the same object).
    /// </summary>
    /// <returns>The entry; its index, bytes and leaf hash are set when the context saves.</returns>
    /// <exception cref="InvalidOperationException">No transaction is open, or the entry is too large.</exception>
    public static Task<LogEntry> AppendAsync(RegistryDbContext db, Act act, ActFields fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return AppendCoreAsync(db, act, fields.Public, fields.Private, cancellationToken);
    }

    private static Task<LogEntry> AppendCoreAsync(
        RegistryDbContext db, Act act, IReadOnlyList<(string Name, byte[] Canonical)> publicMembers,
        IReadOnlyList<(string Name, byte[] Canonical)> privateValues, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(act);
        cancellationToken.ThrowIfCancellationRequested();
        _ = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException($"Couldn't log act {act.Type}: an act must be appended inside its transaction; none is open.");

        var pending = new PendingLogEntry(act, new LogEntry { ActId = act.Id });
        AddHeader(pending, act);
        foreach (var (name, canonical) in publicMembers)
        {
            pending.Set(name, canonical);
        }

        if (privateValues.Count > 0)
        {
            pending.Set("private", Digests(act, privateValues));
        }

        // The index has at least one digit; refuse now what cannot fit whatever index it gets.
        if (pending.EntryLengthWith(0) > MaxEntryBytes)
        {
            throw TooLarge(act, pending.EntryLengthWith(0));
        }

        // The act row is written with the entry, not by EF's change tracker (PendingLogEntries).
        db.PendingLogEntries.Add(pending);
        db.NoteAppendedAct(act);
        return Task.FromResult(pending.LogEntry);
    }

    // The entry's "private" object: each private field's salted digest, members sorted by name
    // (RFC 8785 §3.2.3); a later field of the same name replaces an earlier one. The salts go to
    // the act row (Act.Salts), as a JSON object of the same names.
    private static byte[] Digests(Act act, IReadOnlyList<(string Name, byte[] Canonical)> privateValues)
    {
        var latest = new List<(string Name, byte[] Canonical)>(privateValues.Count);
        foreach (var field in privateValues)
        {
            var at = latest.FindIndex(f => string.Equals(f.Name, field.Name, StringComparison.Ordinal));
            if (at >= 0)
            {
                latest[at] = field;
            }
            else
            {
                latest.Add(field);
            }
        }

        latest.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        // One draw from the system's generator for all the act's salts.
        var salts = new byte[latest.Count * SaltBytes];
        RandomNumberGenerator.Fill(salts);
        var hash = _threadHash ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var output = new ArrayBufferWriter<byte>(latest.Count * 96);
        var saltsJson = new ArrayBufferWriter<byte>(latest.Count * 56);
        output.Write("{"u8);
        saltsJson.Write("{"u8);
        for (var i = 0; i < latest.Count; i++)
        {
            var (name, canonical) = latest[i];
            var salt = salts.AsSpan(i * SaltBytes, SaltBytes);
            output.Write(i > 0 ? ","u8 : []);
            JsonCanonicalizer.WriteString(name, output);
            output.Write(":\""u8);
            WriteDigest(hash, salt, canonical, output);
            output.Write("\""u8);
            saltsJson.Write(i > 0 ? ","u8 : []);
            JsonCanonicalizer.WriteString(name, saltsJson);
            saltsJson.Write(":\""u8);
            _ = Convert.TryToHexStringLower(salt, saltsJson.GetSpan(2 * SaltBytes), out var written);
            saltsJson.Advance(written);
            saltsJson.Write("\""u8);
        }

        output.Write("}"u8);
        saltsJson.Write("}"u8);
        act.Salts = System.Text.Encoding.UTF8.GetString(saltsJson.WrittenSpan);
        return output.WrittenSpan.ToArray();
    }

    // Lowercase hex SHA-256 of salt ‖ canonical value, as ASCII.
    private static void WriteDigest(IncrementalHash hash, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> canonical, ArrayBufferWriter<byte> output)
    {
        hash.AppendData(salt);
        hash.AppendData(canonical);
        Span<byte> digest = stackalloc byte[32];
        hash.GetHashAndReset(digest);
        var hex = output.GetSpan(64);
        _ = Convert.TryToHexStringLower(digest, hex, out var written);
        output.Advance(written);
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

    /// <summary>
    /// Reads an act's salts (<see cref="Act.Salts"/>: a JSON object of field name → 32 lowercase
    /// hex digits). No salts is an empty map; anything else that is not such an object is
    /// <c>false</c> (an edited row), never an exception.
    /// </summary>
    public static bool TryReadSalts(string? salts, out Dictionary<string, byte[]> byName)
    {
        byName = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        if (salts is null)
        {
            return true;
        }

        try
        {
            if (JsonNode.Parse(salts) is not JsonObject members)
            {
                return false;
            }

            foreach (var (name, value) in members)
            {
                if (value is not JsonValue text || !text.TryGetValue<string>(out var hex) || hex.Length != 2 * SaltBytes)
                {
                    return false;
                }

                byName[name] = Convert.FromHexString(hex);
            }

            return true;
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or FormatException)
        {
            return false;
        }
    }

    internal static InvalidOperationException TooLarge(Act act, int length) =>
        new($"Couldn't log act {act.Type}: its entry has {length} bytes, more than the {MaxEntryBytes} a log entry may have.");

    // The fields every entry has. "index" is a placeholder (null) filled when the context saves;
    // a public field of the same name replaces a header field, as it always has.
    private static void AddHeader(PendingLogEntry entry, Act act)
    {
        entry.Set("logVersion", Number(LogVersion));
        entry.Set("index", null);
        entry.Set("act", JsonCanonicalizer.CanonicalizeString(act.Type));
        entry.Set("actId", JsonCanonicalizer.CanonicalizeString(act.Id.ToString()));
        entry.Set("at", JsonCanonicalizer.CanonicalizeString(
            act.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture)));
        entry.Set("actor", Actor(act));
    }

    // {"name":…,"role":…}: the members in canonical order.
    private static byte[] Actor(Act act)
    {
        var output = new ArrayBufferWriter<byte>(act.ActorName.Length * 3 + act.ActorRole.Length + 24);
        output.Write("{\"name\":"u8);
        JsonCanonicalizer.WriteString(act.ActorName, output);
        output.Write(",\"role\":"u8);
        JsonCanonicalizer.WriteString(act.ActorRole, output);
        output.Write("}"u8);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>RFC 8785 §3.2.2.3 form of an integer: plain digits up to 2^53, where a double is
    /// still exact; beyond, the rounded double as the canonicalizer writes it.</summary>
    internal static byte[] Number(long value) =>
        value is >= 0 and < 1L << 53
            ? System.Text.Encoding.ASCII.GetBytes(value.ToString(CultureInfo.InvariantCulture))
            : JsonCanonicalizer.Canonicalize(JsonValue.Create(value));
}
