using System.Text.Json;
using System.Text.Json.Nodes;
using DataIp.Cli.Log;
using DataIp.Domain.Acts;
using DataIp.Domain.Canonicalization;
using DataIp.Testing;

namespace DataIp.Cli.Tests.Catalogue;

/// <summary>
/// Generated from <see cref="ActCatalogue"/>: whatever value a member of any act type is given,
/// the replay reports it as a finding of that entry and never throws (a hostile log must not stop
/// <c>dataip log verify</c> half-way).
/// </summary>
public sealed class CatalogueReplayTests
{
    // JSON values of every kind, and the edges of the kinds the catalogue reads (numbers beyond
    // 64 bits, impossible dates, deep nesting).
    private static readonly string[] Values =
    [
        "null", "true", "7", "-1", "1.5", "1e300", "18446744073709551616", "\"\"", "\"x\"", "\"2025-13-45\"", "\"2025-02-30T25:61:00Z\"",
        "\"0f8fad5b-d9cb-469f-a165\"", "[]", "[null]", "[7]", "{}", "{\"x\":1}", string.Concat(Enumerable.Repeat("[", 60)) + string.Concat(Enumerable.Repeat("]", 60)),
    ];

    public static TheoryData<string> ActTypeNames => [.. ActCatalogue.All.Select(d => d.Name)];

    [Theory]
    [MemberData(nameof(ActTypeNames))]
    public void Replay_AnyMemberWithAnyValue_IsAFindingOrNothingNeverAnException(string type)
    {
        var descriptor = ActCatalogue.Find(type)!;
        var sample = ActSamples.Of(descriptor);
        foreach (var member in descriptor.Members)
        {
            foreach (var value in Values)
            {
                var entry = Entry(sample);
                entry[member.Name] = JsonNode.Parse(value);
                var replay = new ActReplay();

                var exception = Record.Exception(() => replay.Replay(0, JsonCanonicalizer.Canonicalize(entry)));

                Assert.True(exception is null, $"{type}.{member.Name} = {value}: {exception}");
                Assert.All(replay.Findings, f => Assert.Equal("entry 0", f.Subject));
            }
        }
    }

    // The sample act with every member in clear and the envelope of an entry at index 0.
    private static JsonObject Entry(ActPayload sample)
    {
        var entry = JsonSerializer.SerializeToNode(sample, sample.GetType(), ActJson.Options)!.AsObject();
        entry[LogEntryFields.LogVersion] = 1;
        entry[LogEntryFields.Index] = 0;
        entry[LogEntryFields.Act] = ActCatalogue.Of(sample.GetType()).Name;
        entry[LogEntryFields.ActId] = "0f8fad5b-d9cb-469f-a165-70867728950e";
        entry[LogEntryFields.At] = "2025-06-01T08:00:00Z";
        entry[LogEntryFields.Actor] = new JsonObject { [LogEntryFields.ActorName] = "示例", [LogEntryFields.ActorRole] = ActorRoles.System };
        return entry;
    }
}
