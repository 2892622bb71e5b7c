using System.Text.Json;
using System.Text.Json.Nodes;
using DataIp.Cli.Audit;
using DataIp.Cli.Log;
using DataIp.Cli.Tests.Audit;
using DataIp.Data;
using DataIp.Data.Acts;
using DataIp.Data.TransparencyLog;
using DataIp.Domain.Acts;
using DataIp.Testing;

namespace DataIp.Cli.Tests.Catalogue;

/// <summary>
/// Generated from <see cref="ActCatalogue"/>, so that a new act type cannot be forgotten: a filled
/// act of every type (<see cref="ActSamples"/>), with each kind of reason its type allows and
/// before and after the public notice, is written as the platform writes it (<see cref="ActWriter"/>
/// in an <see cref="ActTransaction"/>) on SQLite and on PostgreSQL; its stored entry must replay
/// with no finding, decode to the act's public members, carry the digests of its private ones, and
/// agree with its act row in the audit.
/// </summary>
public sealed class CatalogueRoundTripTests(CatalogueRegisters registers) : IClassFixture<CatalogueRegisters>
{
    public static TheoryData<string, DatabaseProvider> TypesOnEitherDatabase
    {
        get
        {
            var data = new TheoryData<string, DatabaseProvider>();
            foreach (var descriptor in ActCatalogue.All)
            {
                foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres })
                {
                    data.Add(descriptor.Name, provider);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(TypesOnEitherDatabase))]
    public async Task Write_SampleActOfEveryType_ReplaysDecodesAndAgreesWithItsRow(string type, DatabaseProvider provider)
    {
        var log = await registers.LogAsync(provider);
        var descriptor = ActCatalogue.Find(type)!;
        var acts = 0;
        foreach (var reason in Reasons(descriptor))
        {
            foreach (var noticeStarted in new[] { false, true })
            {
                var sample = ActSamples.Of(descriptor);
                var actor = Actor(descriptor, acts++);
                var recorded = await log.RecordAsync(actor, sample, reason, noticeStarted);

                var (act, entry) = await log.StoredAsync(recorded.Act.Id);

                var context = $"{type} by the {actor.Role}, reason {reason ?? "none"}, notice started {noticeStarted}";
                AssertReplays(entry, context);
                AssertDecodes(descriptor, sample, noticeStarted, entry, context);
                AssertDigests(sample, noticeStarted, reason, act, entry, context);
                AssertAudited(act, entry, context);
            }
        }
    }

    /// <summary>No reason, and the kind of reason the type gives, if any.</summary>
    internal static IEnumerable<string?> Reasons(ActDescriptor descriptor) => descriptor.Reason switch
    {
        ReasonDisclosure.Public => [null, "公开的理由：材料不符合要求"],
        ReasonDisclosure.Parties => [null, "当事人的理由：请补充数据来源说明"],
        _ => [null],
    };

    /// <summary>An actor of each role in turn, so that every role of the log is written and replayed.</summary>
    internal static ActActor Actor(ActDescriptor descriptor, int act)
    {
        var role = ActorRoles.All[(ActCatalogue.All.TakeWhile(d => d != descriptor).Count() + act) % ActorRoles.All.Count];
        return new ActActor(role is ActorRoles.Public or ActorRoles.System ? null : Guid.CreateVersion7(), role, $"示例 {role}");
    }

    // (a) The real replay of dataip log verify (and dataip verify) finds nothing.
    private static void AssertReplays(LogEntry entry, string context)
    {
        var replay = new ActReplay();

        replay.Replay((ulong)entry.Index, entry.Entry);

        Assert.True(replay.Findings.Count == 0, $"{context}: {string.Join("; ", replay.Findings)}");
    }

    // (b) The entry decodes, through the catalogue, to the sample's public members.
    private static void AssertDecodes(ActDescriptor descriptor, ActPayload sample, bool noticeStarted, LogEntry entry, string context)
    {
        var read = ActEntryReader.Read(JsonNode.Parse(entry.Entry)!.AsObject());

        Assert.True(read.Problems.Count == 0, $"{context}: {string.Join("; ", read.Problems)}");
        Assert.Equal(descriptor, read.Descriptor);
        var publicMembers = new JsonObject();
        foreach (var field in ActJson.Fields(sample, noticeStarted).Where(f => f.Disclosure == Disclosure.Public))
        {
            publicMembers[field.Name] = Node(field.Value);
        }

        Assert.Equal(Json(ActJson.Read(descriptor, publicMembers)), Json(read.Act!));
    }

    // (c) Each private member, and a private reason, is the digest of its value with the act row's
    // salt; the row's payload holds every member in clear and decodes to the sample.
    private static void AssertDigests(ActPayload sample, bool noticeStarted, string? reason, Act act, LogEntry entry, string context)
    {
        var digests = JsonNode.Parse(entry.Entry)![LogEntryFields.Private] as JsonObject ?? [];
        Assert.True(LogAppender.TryReadSalts(act.Salts, out var salts), context);
        var expected = ActJson.Fields(sample, noticeStarted).Where(f => f.Disclosure != Disclosure.Public).ToDictionary(f => f.Name, f => Node(f.Value));
        if (reason is not null && ActCatalogue.Of(sample.GetType()).Reason == ReasonDisclosure.Parties)
        {
            expected[LogEntryFields.Reason] = JsonValue.Create(reason);
        }

        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), digests.Select(d => d.Key).Order(StringComparer.Ordinal));
        foreach (var (name, value) in expected)
        {
            Assert.True(LogAppender.Digest(salts[name], value!) == digests[name]!.GetValue<string>(), $"{context}: digest of {name}");
        }

        Assert.Equal(Json(sample), Json(ActJson.Read(act.Type, act.Payload)));
    }

    // (d) The audit finds nothing in the entry or in its agreement with the act row.
    private static void AssertAudited(Act act, LogEntry entry, string context)
    {
        var findings = new List<AuditFinding>();

        var checkedEntry = EntryChecks.Check(entry, [], findings);
        ActChecks.Check(checkedEntry, act, findings);

        Assert.True(findings.Count == 0, $"{context}: {string.Join("; ", findings)}");
    }

    private static JsonNode? Node(object value) => JsonSerializer.SerializeToNode(value, value.GetType(), ActJson.Options);

    private static string Json(ActPayload act) => JsonSerializer.Serialize(act, act.GetType(), ActJson.Options);
}

/// <summary>
/// One register per database for a test class: each test writes its own acts and reads back only
/// those, so they share the database but none depends on another's rows.
/// </summary>
public sealed class CatalogueRegisters : IAsyncDisposable
{
    private readonly Dictionary<DatabaseProvider, Task<TestLog>> _logs = [];

    /// <summary>The register on <paramref name="provider"/>, created at the first call (skipped without PostgreSQL).</summary>
    internal Task<TestLog> LogAsync(DatabaseProvider provider)
    {
        lock (_logs)
        {
            if (!_logs.TryGetValue(provider, out var log))
            {
                log = TestLog.CreateAsync(provider);
                _logs[provider] = log;
            }

            return log;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var log in _logs.Values.Where(l => l.IsCompletedSuccessfully))
        {
            await (await log).DisposeAsync();
        }
    }
}
