using System.Text;
using System.Text.Json.Nodes;
using DataIp.Data.TransparencyLog;
using DataIp.Domain.Acts;
using DataIp.Domain.Canonicalization;
using DataIp.Domain.TransparencyLog;

namespace DataIp.Cli.Audit;

/// <summary>An entry as the audit read it: its index and act id from the row, its type and JSON when it parsed.</summary>
/// <param name="Index">The row's index.</param>
/// <param name="ActId">The row's act id.</param>
/// <param name="Type">The entry's act type (<see cref="LogEntryFields.Act"/>), or "?" when it has none.</param>
/// <param name="Json">The entry's JSON object; null when the bytes are not one.</param>
internal sealed record CheckedEntry(long Index, Guid ActId, string Type, JsonObject? Json)
{
    /// <summary>How findings name the entry: index, type and act id.</summary>
    public string Subject => $"entry {Index} ({Type}, act {ActId})";
}

/// <summary>
/// Check 1 of the audit, one entry at a time: the stored leaf hash is HashLeaf of the stored bytes
/// (RFC 9162 §2.1.1), the bytes are the RFC 8785 canonical JSON of a version-1 act whose
/// <c>index</c> and <c>actId</c> are the row's, and no other entry records the same act.
/// </summary>
internal static class EntryChecks
{
    /// <summary>Checks <paramref name="entry"/> and returns what later checks need.</summary>
    /// <param name="entry">The stored entry.</param>
    /// <param name="seenActIds">The act ids of the entries checked so far; this one's is added.</param>
    /// <param name="findings">Receives what is wrong.</param>
    /// <returns>The entry as read.</returns>
    public static CheckedEntry Check(LogEntry entry, HashSet<Guid> seenActIds, List<AuditFinding> findings)
    {
        // Parsed first, so that every finding can name the act's type.
        var canonical = JsonCanonicalizer.TryCanonicalize(entry.Entry);
        var json = canonical.IsSuccess ? JsonNode.Parse(canonical.Canonical.Span) as JsonObject : null;
        var checkedEntry = new CheckedEntry(entry.Index, entry.ActId, AuditJson.String(json?[LogEntryFields.Act]) ?? "?", json);
        if (!Hash.TryFromBytes(entry.LeafHash, out var leafHash) || leafHash != Rfc9162.HashLeaf(entry.Entry))
        {
            findings.Add(new(FindingKind.LeafHash,
                $"{checkedEntry.Subject}: the stored leaf hash {Convert.ToHexStringLower(entry.LeafHash)} is not the hash of the stored entry ({Rfc9162.HashLeaf(entry.Entry)}): the entry or its leaf hash was edited"));
        }

        if (!seenActIds.Add(entry.ActId))
        {
            findings.Add(new(FindingKind.EntryFormat, $"{checkedEntry.Subject}: an earlier entry records the same act"));
        }

        if (!canonical.IsSuccess)
        {
            findings.Add(new(FindingKind.EntryFormat, $"{checkedEntry.Subject}: the entry is not JSON a log may carry ({canonical.Message})"));
        }
        else if (!canonical.Canonical.Span.SequenceEqual(entry.Entry))
        {
            findings.Add(new(FindingKind.EntryFormat, $"{checkedEntry.Subject}: the entry is not in canonical JSON (RFC 8785); the log writes nothing else"));
        }

        if (json is not null)
        {
            CheckEnvelope(checkedEntry, json, findings);
        }
        else if (canonical.IsSuccess)
        {
            findings.Add(new(FindingKind.EntryFormat, $"{checkedEntry.Subject}: the entry is not a JSON object"));
        }

        return checkedEntry;
    }

    private static void CheckEnvelope(CheckedEntry entry, JsonObject json, List<AuditFinding> findings)
    {
        if (AuditJson.Int64(json[LogEntryFields.LogVersion]) != LogEntryFields.CurrentLogVersion)
        {
            findings.Add(new(FindingKind.EntryFormat,
                $"{entry.Subject}: field {LogEntryFields.LogVersion} is {AuditJson.Show(json[LogEntryFields.LogVersion])}, not {LogEntryFields.CurrentLogVersion}, the only version this tool reads"));
        }

        if (AuditJson.Int64(json[LogEntryFields.Index]) != entry.Index)
        {
            findings.Add(new(FindingKind.EntryIndex, $"{entry.Subject}: field {LogEntryFields.Index} is {AuditJson.Show(json[LogEntryFields.Index])}, not the entry's position {entry.Index}"));
        }

        if (!Guid.TryParse(AuditJson.String(json[LogEntryFields.ActId]), out var actId) || actId != entry.ActId)
        {
            findings.Add(new(FindingKind.EntryFormat, $"{entry.Subject}: field {LogEntryFields.ActId} is {AuditJson.Show(json[LogEntryFields.ActId])}, not the row's act id"));
        }

        if (json[LogEntryFields.Private] is { } digests && digests is not JsonObject)
        {
            findings.Add(new(FindingKind.EntryFormat, $"{entry.Subject}: field {LogEntryFields.Private} is {AuditJson.Show(digests)}, not an object of digests"));
        }
    }
}

/// <summary>Reading and showing JSON values for the audit.</summary>
internal static class AuditJson
{
    // A finding is one line: long values are cut here.
    private const int MaxShown = 80;

    /// <summary>Parses an object via its canonical form, so that a duplicate or otherwise non-I-JSON member is refused, not thrown.</summary>
    /// <param name="utf8">The JSON text.</param>
    /// <param name="json">The object; null when refused.</param>
    /// <param name="problem">Why it was refused; null when parsed.</param>
    /// <returns>Whether the text is one JSON object.</returns>
    public static bool TryParseObject(ReadOnlySpan<byte> utf8, out JsonObject? json, out string? problem)
    {
        var canonical = JsonCanonicalizer.TryCanonicalize(utf8);
        if (!canonical.IsSuccess)
        {
            (json, problem) = (null, canonical.Message);
            return false;
        }

        json = JsonNode.Parse(canonical.Canonical.Span) as JsonObject;
        problem = json is null ? "not a JSON object" : null;
        return json is not null;
    }

    /// <summary>The canonical JSON text of a value, for comparing and showing.</summary>
    /// <param name="node">The value; null is JSON null.</param>
    /// <returns>The text.</returns>
    public static string Canonical(JsonNode? node) => Encoding.UTF8.GetString(JsonCanonicalizer.Canonicalize(node));

    /// <summary>The canonical JSON text of a value, cut to one short line; "absent" for a missing value.</summary>
    /// <param name="node">The value, or null when absent.</param>
    /// <returns>The text.</returns>
    public static string Show(JsonNode? node) => node is null ? "absent" : Shorten(Canonical(node));

    /// <summary>A text cut to one short line.</summary>
    /// <param name="text">The text.</param>
    /// <returns>At most 80 characters and an ellipsis.</returns>
    public static string Shorten(string text) => text.Length <= MaxShown ? text : string.Concat(text.AsSpan(0, MaxShown), "…");

    /// <summary>The value as a string, or null when it is not a JSON string.</summary>
    /// <param name="node">The value.</param>
    /// <returns>The string.</returns>
    public static string? String(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>The value as a 64-bit integer, or null when it is not one.</summary>
    /// <param name="node">The value.</param>
    /// <returns>The number.</returns>
    public static long? Int64(JsonNode? node) => node is JsonValue value && value.TryGetValue<long>(out var number) ? number : null;
}
