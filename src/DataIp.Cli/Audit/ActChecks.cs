using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using DataIp.Data.Acts;
using DataIp.Data.TransparencyLog;
using DataIp.Domain.Acts;

namespace DataIp.Cli.Audit;

/// <summary>
/// Check 3 of the audit, one entry at a time: the act row the entry records exists, sits at the
/// entry's index, and agrees with it. The entry is what the log published; the act row is what
/// the register keeps. They are written together (<see cref="ActWriter"/>): the row's payload holds
/// every public and private field in clear (a public reason too; a private reason only in
/// <see cref="Act.Reason"/>), the entry the public fields and, for each private one,
/// SHA-256(salt ‖ canonical value) with the salt in the row's <see cref="Act.Salts"/>. So any later
/// edit of the row shows as a difference. Which fields belong in clear and which as digests is the
/// catalogue's to say (<see cref="DisclosureChecks"/>); the entry's members other than its envelope
/// (<see cref="LogEntryFields"/>) are the act's.
/// </summary>
internal static class ActChecks
{
    private const string Reason = LogEntryFields.Reason;

    /// <summary>Compares the entry with its act row.</summary>
    /// <param name="entry">The entry as read.</param>
    /// <param name="act">The act row with the entry's act id; null when there is none.</param>
    /// <param name="findings">Receives what is wrong.</param>
    public static void Check(CheckedEntry entry, Act? act, List<AuditFinding> findings)
    {
        if (act is null)
        {
            findings.Add(new(FindingKind.ActMissing, $"{entry.Subject}: no act row has this id: the act was deleted"));
            return;
        }

        if (act.LogIndex != entry.Index)
        {
            findings.Add(new(FindingKind.ActMissing,
                $"{entry.Subject}: the act row (sequence {act.Sequence}) says its entry is at index {act.LogIndex}: acts were moved or reordered"));
        }

        if (entry.Json is not { } json)
        {
            return;
        }

        CheckEnvelope(entry, json, act, findings);
        if (!AuditJson.TryParseObject(Encoding.UTF8.GetBytes(act.Payload), out var payload, out var problem))
        {
            findings.Add(new(FindingKind.ActField, $"{entry.Subject}: the act's payload is not a JSON object ({problem})"));
            return;
        }

        CheckPublicFields(entry, json, act, payload!, findings);
        DisclosureChecks.Check(entry, json, act, payload!, findings);
        if (!LogAppender.TryReadSalts(act.Salts, out var salts))
        {
            findings.Add(new(FindingKind.PrivateDigest, $"{entry.Subject}: the act's salts are not a JSON object of 32-digit hex salts: they were edited"));
            return;
        }

        CheckPrivateFields(entry, json, act, payload!, salts, findings);
    }

    // The act was found by the entry's act id, and EntryChecks compares the JSON actId with it.
    private static void CheckEnvelope(CheckedEntry entry, JsonObject json, Act act, List<AuditFinding> findings)
    {
        var actor = json[LogEntryFields.Actor] as JsonObject;
        Compare(entry, LogEntryFields.Act, AuditJson.String(json[LogEntryFields.Act]), act.Type, findings);
        Compare(entry, $"{LogEntryFields.Actor}.{LogEntryFields.ActorRole}", AuditJson.String(actor?[LogEntryFields.ActorRole]), act.ActorRole, findings);
        Compare(entry, $"{LogEntryFields.Actor}.{LogEntryFields.ActorName}", AuditJson.String(actor?[LogEntryFields.ActorName]), act.ActorName, findings);

        // The entry keeps 100 ns ticks; PostgreSQL keeps microseconds, so "the same instant" is
        // the same microsecond.
        var at = AuditJson.String(json[LogEntryFields.At]);
        if (!DateTimeOffset.TryParseExact(at, "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var entryAt)
            || Math.Abs((entryAt - act.At).Ticks) >= TimeSpan.TicksPerMicrosecond)
        {
            findings.Add(new(FindingKind.ActField,
                $"{entry.Subject}: field {LogEntryFields.At} is {AuditJson.Show(json[LogEntryFields.At])} in the entry but {act.At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)} in the act row"));
        }
    }

    private static void CheckPublicFields(CheckedEntry entry, JsonObject json, Act act, JsonObject payload, List<AuditFinding> findings)
    {
        // A public reason is in the payload as well as in the act's reason.
        foreach (var (name, value) in json.Where(f => !LogEntryFields.Envelope.Contains(f.Key) || f.Key == Reason))
        {
            var stored = payload[name];
            if (stored is null || AuditJson.Canonical(stored) != AuditJson.Canonical(value))
            {
                findings.Add(new(FindingKind.ActField,
                    $"{entry.Subject}: public field {name} is {AuditJson.Show(value)} in the entry but {AuditJson.Show(stored)} in the act's payload"));
            }
        }

        if (json[Reason] is { } publicReason)
        {
            Compare(entry, Reason, AuditJson.String(publicReason), act.Reason, findings);
        }

        var privateNames = json[LogEntryFields.Private] as JsonObject;
        foreach (var name in payload.Select(f => f.Key).Where(n => !json.ContainsKey(n) && privateNames?.ContainsKey(n) != true))
        {
            findings.Add(new(FindingKind.ActField, $"{entry.Subject}: payload field {name} is in the act row but not in the entry: it was added later"));
        }
    }

    private static void CheckPrivateFields(
        CheckedEntry entry, JsonObject json, Act act, JsonObject payload, IReadOnlyDictionary<string, byte[]> salts, List<AuditFinding> findings)
    {
        var digests = json[LogEntryFields.Private] as JsonObject ?? [];
        foreach (var (name, digest) in digests)
        {
            // A private reason is kept in Act.Reason only; every other private value in the payload.
            var value = name == Reason ? JsonValue.Create(act.Reason) : payload[name];
            if (DigestProblem(salts.GetValueOrDefault(name), value, AuditJson.String(digest)) is { } problem)
            {
                findings.Add(new(FindingKind.PrivateDigest, $"{entry.Subject}: private field {name}: {problem}"));
            }
        }

        if (act.Reason is not null && json[Reason] is null && !digests.ContainsKey(Reason))
        {
            findings.Add(new(FindingKind.ActField, $"{entry.Subject}: field reason is in the act row but not in the entry: it was added later"));
        }
    }

    private static string? DigestProblem(byte[]? salt, JsonNode? value, string? digest)
    {
        if (salt is null)
        {
            return "its salt is missing from the act row's salts";
        }

        if (value is null)
        {
            return "the act row has no value for it";
        }

        return LogAppender.Digest(salt, value) == digest
            ? null
            : "the act's value (or its salt) no longer hashes to the entry's digest: it was edited";
    }

    private static void Compare(CheckedEntry entry, string field, string? inEntry, string? inAct, List<AuditFinding> findings)
    {
        if (!string.Equals(inEntry, inAct, StringComparison.Ordinal))
        {
            findings.Add(new(FindingKind.ActField,
                $"{entry.Subject}: field {field} is {Quote(inEntry)} in the entry but {Quote(inAct)} in the act row"));
        }
    }

    // As a JSON string, so that a line break in a name or reason cannot split the finding's line.
    private static string Quote(string? text) => AuditJson.Show(JsonValue.Create(text));
}
