using System.Text.Json.Nodes;
using DataIp.Data.Acts;
using DataIp.Domain.Acts;

namespace DataIp.Cli.Audit;

/// <summary>
/// Part of check 3 of the audit, one entry at a time: each member of the act, and its reasons, are
/// in the entry in the form <see cref="ActCatalogue"/> gives them (docs/transparency-log.md,
/// "Entries"), whatever the writer did. A public member in clear, a private one (the parties' or
/// the body's staff's) only as its salted digest, a member public from the notice either way;
/// public reasons in clear and in the payload, private reasons as a digest and only in the act's
/// reason column, and no reasons for an act type that gives none. <see cref="ActChecks"/> compares
/// the values in whichever form the entry has them, so a member in the wrong form is reported
/// here once, not as a difference there.
/// </summary>
internal static class DisclosureChecks
{
    private const string Reason = LogEntryFields.Reason;

    /// <summary>Checks where the act's members and reasons are in its entry.</summary>
    /// <param name="entry">The entry as read.</param>
    /// <param name="json">Its JSON object.</param>
    /// <param name="act">The act row with the entry's act id.</param>
    /// <param name="payload">The act row's payload.</param>
    /// <param name="findings">Receives what is wrong.</param>
    public static void Check(CheckedEntry entry, JsonObject json, Act act, JsonObject payload, List<AuditFinding> findings)
    {
        if (ActCatalogue.Find(act.Type) is not { } descriptor)
        {
            Add(findings, entry, $"act type {act.Type} is not in the catalogue of acts: which of its fields are private cannot be checked");
            return;
        }

        var digests = json[LogEntryFields.Private] as JsonObject ?? [];
        CheckMembers(entry, json, digests, descriptor, findings);
        CheckReason(entry, json, digests, act, payload, descriptor, findings);
    }

    // The members the entry has, in clear or as digests. A member the act row has and the entry
    // lacks altogether is ActChecks' ("added later").
    private static void CheckMembers(CheckedEntry entry, JsonObject json, JsonObject digests, ActDescriptor descriptor, List<AuditFinding> findings)
    {
        var inClear = json.Select(m => m.Key).Where(n => !LogEntryFields.Envelope.Contains(n));
        foreach (var name in inClear.Union(digests.Select(d => d.Key).Where(n => n != Reason), StringComparer.Ordinal))
        {
            var member = descriptor.Member(name);
            if (member is null)
            {
                Add(findings, entry, $"field {name} is not a member of a {descriptor.Name} act");
            }
            else if (member.Disclosure == Disclosure.Public && !json.ContainsKey(name))
            {
                Add(findings, entry, $"field {name} of a {descriptor.Name} act is public, but the entry has only its digest");
            }
            else if (member.Disclosure is Disclosure.Parties or Disclosure.BodyStaff && json.ContainsKey(name))
            {
                Add(findings, entry, $"field {name} of a {descriptor.Name} act is for {Readers(member.Disclosure)} only, but the entry has it in clear");
            }
        }
    }

    private static void CheckReason(
        CheckedEntry entry, JsonObject json, JsonObject digests, Act act, JsonObject payload, ActDescriptor descriptor, List<AuditFinding> findings)
    {
        var inClear = json.ContainsKey(Reason);
        var asDigest = digests.ContainsKey(Reason);
        switch (descriptor.Reason)
        {
            case ReasonDisclosure.None when inClear || asDigest || act.Reason is not null:
                Add(findings, entry, $"a {descriptor.Name} act gives no reasons, but the act has them");
                break;
            case ReasonDisclosure.Public when asDigest && !inClear:
                Add(findings, entry, $"the reasons of a {descriptor.Name} act are public, but the entry has only their digest");
                break;
            case ReasonDisclosure.Parties when inClear:
                Add(findings, entry, $"the reasons of a {descriptor.Name} act are private, but the entry has them in clear");
                break;
            case ReasonDisclosure.Parties when payload.ContainsKey(Reason):
                Add(findings, entry, $"payload field {Reason} is in the act row, but the reasons of a {descriptor.Name} act are private: only the act's reason keeps them");
                break;
        }
    }

    private static string Readers(Disclosure disclosure) => disclosure == Disclosure.BodyStaff ? "the body's staff" : "the parties";

    private static void Add(List<AuditFinding> findings, CheckedEntry entry, string message) =>
        findings.Add(new(FindingKind.Disclosure, $"{entry.Subject}: {message}"));
}
