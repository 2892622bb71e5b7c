using System.Text.Json;
using System.Text.Json.Nodes;

namespace DataIp.Domain.Acts;

/// <summary>What a log entry says of its act, read through the catalogue.</summary>
/// <param name="Descriptor">The act's type; null when the entry names no type of the catalogue.</param>
/// <param name="Act">The act with its public members (private members are digests in the log, so null here); null when unreadable.</param>
/// <param name="PrivateMembers">The names of the members the entry holds as digests.</param>
/// <param name="Problems">What is wrong with the entry's act, as clauses (e.g. "has act \"x\", …"); empty when nothing is.</param>
public sealed record ActEntry(ActDescriptor? Descriptor, ActPayload? Act, IReadOnlySet<string> PrivateMembers, IReadOnlyList<string> Problems);

/// <summary>
/// Reads the act of a log entry (docs/transparency-log.md, "Entries") through
/// <see cref="ActCatalogue"/>: its type must be one the catalogue has, each member in clear a
/// public member of that type, each digest one of its private members (or its reasons, when they
/// are private), and the public members must read as the type's record. The envelope
/// (<see cref="LogEntryFields"/>) is the caller's to check. Pure and thread-safe.
/// </summary>
public static class ActEntryReader
{
    /// <summary>Reads the act of one entry.</summary>
    /// <param name="entry">The entry, a JSON object.</param>
    /// <returns>What the entry says of its act, and what is wrong with it.</returns>
    public static ActEntry Read(JsonObject entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var type = entry[LogEntryFields.Act] is JsonValue v && v.TryGetValue<string>(out var t) ? t : null;
        var descriptor = ActCatalogue.Find(type);
        var digests = entry[LogEntryFields.Private] is JsonObject p ? p.Select(m => m.Key).ToHashSet(StringComparer.Ordinal) : [];
        if (descriptor is null)
        {
            return new ActEntry(null, null, digests, [$"has \"act\" {Show(entry[LogEntryFields.Act])}, which is not an act type this verifier knows ({ActCatalogue.All.Count} types)"]);
        }

        var problems = new List<string>();
        CheckClearMembers(descriptor, entry, problems);
        CheckDigests(descriptor, entry, digests, problems);
        ActPayload? act = null;
        try
        {
            // Members the type does not have are reported above; read the ones it has.
            var known = new JsonObject();
            foreach (var (name, value) in entry.Where(m => descriptor.Member(m.Key) is not null))
            {
                known[name] = value?.DeepClone();
            }

            act = ActJson.Read(descriptor, known);
        }
        catch (JsonException e)
        {
            problems.Add($"is not a {descriptor.Name} act: {FirstSentence(e.Message)}");
        }

        return new ActEntry(descriptor, act, digests, problems);
    }

    private static void CheckClearMembers(ActDescriptor descriptor, JsonObject entry, List<string> problems)
    {
        foreach (var (name, _) in entry.Where(m => !LogEntryFields.Envelope.Contains(m.Key)))
        {
            var member = descriptor.Member(name);
            if (member is null)
            {
                problems.Add($"has member \"{name}\", which a {descriptor.Name} act does not have");
            }
            else if (member.Disclosure is Disclosure.Parties or Disclosure.BodyStaff)
            {
                problems.Add($"has the private member \"{name}\" in clear: a {descriptor.Name} act logs only its digest");
            }
        }

        foreach (var missing in descriptor.Members.Where(m => m.Required && !entry.ContainsKey(m.Name)))
        {
            problems.Add($"lacks \"{missing.Name}\", which every {descriptor.Name} act has");
        }

        if (entry.ContainsKey(LogEntryFields.Reason) && descriptor.Reason != ReasonDisclosure.Public)
        {
            problems.Add($"has \"reason\" in clear, but a {descriptor.Name} act's reasons are {(descriptor.Reason == ReasonDisclosure.None ? "never given" : "private")}");
        }
    }

    private static void CheckDigests(ActDescriptor descriptor, JsonObject entry, HashSet<string> digests, List<string> problems)
    {
        foreach (var name in digests)
        {
            if (name == LogEntryFields.Reason)
            {
                if (descriptor.Reason != ReasonDisclosure.Parties)
                {
                    problems.Add($"has a digest of \"reason\", but a {descriptor.Name} act's reasons are {(descriptor.Reason == ReasonDisclosure.None ? "never given" : "public")}");
                }

                continue;
            }

            var member = descriptor.Member(name);
            if (member is null || member.Disclosure == Disclosure.Public)
            {
                problems.Add($"has a digest of \"{name}\", which is not a private member of a {descriptor.Name} act");
            }
            else if (entry.ContainsKey(name))
            {
                problems.Add($"has \"{name}\" both in clear and as a digest");
            }
        }
    }

    private static string Show(JsonNode? node)
    {
        var raw = node?.ToJsonString() ?? "missing";
        return raw.Length <= 80 ? raw : string.Concat(raw.AsSpan(0, 77), "...");
    }

    // System.Text.Json appends "Path: … | LineNumber: …"; the first sentence says what is wrong.
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
