using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DataIp.Domain.Acts;
using DataIp.Domain.Canonicalization;

namespace DataIp.Cli.Log;

/// <summary>
/// Replays the log's entries in order and checks each against the entry format (log version 1,
/// docs/transparency-log.md, "Entries"): one JSON object already in RFC 8785 canonical form, with
/// the envelope of <see cref="LogEntryFields"/> (<c>logVersion</c> 1, its own log <c>index</c>, a
/// unique <c>actId</c> GUID, an ISO 8601 instant <c>at</c> that never goes back more than
/// <see cref="AllowedClockSkew"/> from one entry to the next, an <c>actor</c> whose role is one of
/// <see cref="ActorRoles"/>, optional <c>private</c> digests of 64 lower-case hex digits, a public
/// <c>reason</c> as a string), and an act of <see cref="ActCatalogue"/> read through
/// <see cref="ActEntryReader"/>: a known type, no member its type does not have, no private member
/// in clear, no digest of a member that is not private, every required member, every value of its
/// member's type. What is wrong is collected in <see cref="Findings"/>, never thrown. A later
/// milestone adds the registration state machine here (which act may follow which). Not
/// thread-safe: entries arrive in log order from one caller.
/// </summary>
internal sealed partial class ActReplay
{
    /// <summary>The entry format this replay reads.</summary>
    public const int LogVersion = LogEntryFields.CurrentLogVersion;

    /// <summary>How far <c>at</c> may go back from one entry to the next: clocks of the log's
    /// writers may differ a little, but the log is in the order acts happened.</summary>
    public static readonly TimeSpan AllowedClockSkew = TimeSpan.FromSeconds(1);

    private readonly List<Finding> _findings = [];
    private readonly Dictionary<Guid, ulong> _actIds = [];
    private (ulong Index, DateTimeOffset At)? _previous;

    /// <summary>What is wrong with the entries replayed so far, in log order.</summary>
    public IReadOnlyList<Finding> Findings => _findings;

    /// <summary>How many entries were replayed.</summary>
    public ulong EntriesReplayed { get; private set; }

    /// <summary>Checks the entry at <paramref name="index"/>; call in log order.</summary>
    /// <param name="index">The entry's position in the log.</param>
    /// <param name="entry">The entry's bytes exactly as logged.</param>
    public void Replay(ulong index, ReadOnlyMemory<byte> entry)
    {
        EntriesReplayed++;
        var subject = string.Create(CultureInfo.InvariantCulture, $"entry {index}");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(entry);
        }
        catch (JsonException exception)
        {
            Add(subject, $"is not JSON: {exception.Message}");
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            if (!CheckCanonical(subject, root, entry.Span))
            {
                return;
            }

            if (root.ValueKind != JsonValueKind.Object)
            {
                Add(subject, $"is a JSON {Kind(root)}, not an object");
                return;
            }

            CheckFields(subject, index, root);
        }
    }

    // RFC 8785: the logged bytes must be exactly what the canonicalizer writes, or two programs could
    // log the same act with different leaf hashes. False when the JSON is not even I-JSON.
    private bool CheckCanonical(string subject, JsonElement root, ReadOnlySpan<byte> entry)
    {
        var canonical = JsonCanonicalizer.TryCanonicalize(root);
        if (!canonical.IsSuccess)
        {
            Add(subject, $"is not I-JSON (RFC 7493): {canonical.Message}");
            return false;
        }

        var difference = entry.CommonPrefixLength(canonical.Canonical.Span);
        if (difference != entry.Length || difference != canonical.Canonical.Length)
        {
            Add(subject, $"is not in RFC 8785 canonical form: it differs from its canonical form at byte {difference}");
        }

        return true;
    }

    private void CheckFields(string subject, ulong index, JsonElement entry)
    {
        if (!entry.TryGetProperty(LogEntryFields.LogVersion, out var version) || version.ValueKind != JsonValueKind.Number
            || !version.TryGetInt32(out var number) || number != LogVersion)
        {
            Add(subject, $"has \"{LogEntryFields.LogVersion}\" {Show(entry, LogEntryFields.LogVersion)}; this verifier reads version {LogVersion} only, so the entry is not checked further");
            return;
        }

        if (!entry.TryGetProperty(LogEntryFields.Index, out var logged) || logged.ValueKind != JsonValueKind.Number
            || !logged.TryGetUInt64(out var loggedIndex) || loggedIndex != index)
        {
            Add(subject, $"has \"{LogEntryFields.Index}\" {Show(entry, LogEntryFields.Index)}, but it is at position {index} in the log");
        }

        CheckActId(subject, index, entry);
        CheckAt(subject, index, entry);
        CheckActor(subject, entry);
        CheckPrivate(subject, entry);
        CheckReason(subject, entry);
        CheckAct(subject, entry);
    }

    // The act's own members, through the catalogue. A type that is not even a name is reported
    // here; one that names no act of the catalogue, by the reader.
    private void CheckAct(string subject, JsonElement entry)
    {
        if (String(entry, LogEntryFields.Act) is not { } type || !CamelCase().IsMatch(type))
        {
            Add(subject, $"has \"{LogEntryFields.Act}\" {Show(entry, LogEntryFields.Act)}; an act type is a non-empty camelCase name such as \"{ActTypes.Submit}\"");
            return;
        }

        foreach (var problem in ActEntryReader.Read(JsonObject.Create(entry)!).Problems)
        {
            Add(subject, problem);
        }
    }

    private void CheckActId(string subject, ulong index, JsonElement entry)
    {
        if (String(entry, LogEntryFields.ActId) is not { } text || !Guid.TryParseExact(text, "D", out var actId))
        {
            Add(subject, $"has \"{LogEntryFields.ActId}\" {Show(entry, LogEntryFields.ActId)}; an act ID is a GUID such as \"0f8fad5b-d9cb-469f-a165-70867728950e\"");
            return;
        }

        if (!_actIds.TryAdd(actId, index))
        {
            Add(subject, $"has \"{LogEntryFields.ActId}\" {text}, which entry {_actIds[actId]} already has: every act is logged once");
        }
    }

    private void CheckAt(string subject, ulong index, JsonElement entry)
    {
        if (String(entry, LogEntryFields.At) is not { } text || !Instant().IsMatch(text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            Add(subject, $"has \"{LogEntryFields.At}\" {Show(entry, LogEntryFields.At)}; an instant is ISO 8601 with seconds and a zone, such as \"2025-06-01T08:30:00Z\"");
            return;
        }

        if (_previous is { } previous && at < previous.At - AllowedClockSkew)
        {
            Add(subject, $"has \"{LogEntryFields.At}\" {text}, {(previous.At - at).TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s before entry {previous.Index} ({previous.At.UtcDateTime:yyyy-MM-ddTHH:mm:ss.FFFFFFFZ}): acts are logged in the order they happened");
        }

        _previous = (index, at);
    }

    private void CheckActor(string subject, JsonElement entry)
    {
        if (!entry.TryGetProperty(LogEntryFields.Actor, out var actor) || actor.ValueKind != JsonValueKind.Object
            || !ActorRoles.IsKnown(String(actor, LogEntryFields.ActorRole)))
        {
            Add(subject, $"has \"{LogEntryFields.Actor}\" {Show(entry, LogEntryFields.Actor)}; an actor is an object whose \"{LogEntryFields.ActorRole}\" is one of {string.Join(", ", ActorRoles.All)}");
            return;
        }

        if (actor.TryGetProperty(LogEntryFields.ActorName, out var name) && name.ValueKind != JsonValueKind.String)
        {
            Add(subject, $"has an actor \"{LogEntryFields.ActorName}\" that is a JSON {Kind(name)}, not a string");
        }
    }

    private void CheckPrivate(string subject, JsonElement entry)
    {
        if (!entry.TryGetProperty(LogEntryFields.Private, out var digests))
        {
            return;
        }

        if (digests.ValueKind != JsonValueKind.Object)
        {
            Add(subject, $"has \"{LogEntryFields.Private}\" that is not an object of digests");
            return;
        }

        foreach (var digest in digests.EnumerateObject())
        {
            if (digest.Value.ValueKind != JsonValueKind.String || !LowerHexDigest().IsMatch(digest.Value.GetString()!))
            {
                Add(subject, $"has private \"{digest.Name}\" {digest.Value.GetRawText()}; a private field is logged as its salted SHA-256 digest, 64 lower-case hex digits");
            }
        }
    }

    // Whether the act's type may give its reasons in clear is the catalogue's (ActEntryReader); what they are, here.
    private void CheckReason(string subject, JsonElement entry)
    {
        if (entry.TryGetProperty(LogEntryFields.Reason, out var reason) && reason.ValueKind != JsonValueKind.String)
        {
            Add(subject, $"has a \"{LogEntryFields.Reason}\" that is a JSON {Kind(reason)}, not a string");
        }
    }

    private static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    // The raw JSON of a member for a message, shortened so one bad entry cannot flood the output.
    private static string Show(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return "missing";
        }

        var raw = value.GetRawText();
        return raw.Length <= 80 ? raw : string.Concat(raw.AsSpan(0, 77), "...");
    }

    private void Add(string subject, string message) => _findings.Add(new Finding(subject, message));

    [GeneratedRegex("^[a-z][a-zA-Z0-9]*$", RegexOptions.CultureInvariant)]
    private static partial Regex CamelCase();

    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,7})?(Z|[+-][0-9]{2}:[0-9]{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Instant();

    [GeneratedRegex("^[0-9a-f]{64}$", RegexOptions.CultureInvariant)]
    private static partial Regex LowerHexDigest();
}
