using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataIp.Data.Acts;
using DataIp.Data.TransparencyLog;
using DataIp.Domain.Canonicalization;
using DataIp.Domain.TransparencyLog;
using DataIp.Testing;
using Microsoft.EntityFrameworkCore;

namespace DataIp.Data.Tests.TransparencyLog;

/// <summary>
/// Appended acts take their log indices when the context saves, one block per save: gap-free,
/// in append order, given back on rollback, never shared between concurrent writers; and the
/// stored rows are what a reference build of the entry gives.
/// </summary>
public sealed class LogAppenderTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task SaveChanges_SeveralActs_IndicesInAppendOrderAndRowsStored(DatabaseProvider provider)
    {
        await using var registry = await TestRegistry.CreateAsync(provider);
        await using var db = registry.Open();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var acts = Enumerable.Range(0, 5).Select(n => NewAct($"act{n}")).ToList();
        var entries = new List<LogEntry>();
        foreach (var act in acts)
        {
            entries.Add(await LogAppender.AppendAsync(db, act, Public(act), Private(), CancellationToken.None));
        }

        await db.SaveChangesAsync();
        await transaction.CommitAsync();

        Assert.Equal([0L, 1, 2, 3, 4], acts.Select(a => a.LogIndex));
        Assert.Equal([0L, 1, 2, 3, 4], entries.Select(e => e.Index));
        await using var check = registry.Open();
        var stored = await check.Acts.AsNoTracking().OrderBy(a => a.Sequence).ToListAsync();
        Assert.Equal(acts.Select(a => (a.Id, a.LogIndex, a.Sequence, a.At)), stored.Select(a => (a.Id, a.LogIndex, a.Sequence, a.At)));
        foreach (var act in acts)
        {
            var entry = await check.LogEntries.AsNoTracking().SingleAsync(e => e.ActId == act.Id);
            Assert.Equal(act.LogIndex, entry.Index);
            Assert.Equal(Rfc9162.HashLeaf(entry.Entry).ToArray(), entry.LeafHash);
            Assert.Equal(2, Salts(stored.Single(a => a.Id == act.Id)).Count);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task SaveChanges_Entry_SameBytesAsReferenceBuild(DatabaseProvider provider)
    {
        await using var registry = await TestRegistry.CreateAsync(provider);
        await using var db = registry.Open();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var act = NewAct("submit");
        var publicFields = Public(act);
        var privateFields = Private();

        var logEntry = await LogAppender.AppendAsync(db, act, publicFields, privateFields, CancellationToken.None);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();

        var salts = Salts(await db.Acts.AsNoTracking().SingleAsync(a => a.Id == act.Id));
        var expected = ReferenceEntry(act, publicFields, privateFields, salts);
        Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(logEntry.Entry));
        var stored = await db.LogEntries.AsNoTracking().SingleAsync(e => e.Index == act.LogIndex);
        Assert.Equal(expected, stored.Entry);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task SaveChanges_ActFieldsWithTrickyValues_SameBytesAsReferenceBuild(DatabaseProvider provider)
    {
        await using var registry = await TestRegistry.CreateAsync(provider);
        await using var db = registry.Open();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var act = NewAct("submit");
        var (publicValues, privateValues) = TrickyValues();
        var fields = new ActFields(PayloadJson);
        foreach (var (name, value) in publicValues)
        {
            fields.AddPublic(name, value);
        }

        foreach (var (name, value) in privateValues)
        {
            fields.AddPrivate(name, value);
        }

        act.Payload = fields.Payload();
        var logEntry = await LogAppender.AppendAsync(db, act, fields, CancellationToken.None);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();

        // The reference: each value through JsonNode, as ActRecorder built entries and payloads before.
        var publicFields = new JsonObject();
        foreach (var (name, value) in publicValues)
        {
            publicFields[name] = JsonSerializer.SerializeToNode(value, PayloadJson);
        }

        var privateFields = privateValues.ToDictionary(f => f.Key, f => JsonSerializer.SerializeToNode(f.Value, PayloadJson));
        var everything = (JsonObject)publicFields.DeepClone();
        foreach (var (name, value) in privateFields)
        {
            everything[name] = value?.DeepClone();
        }

        var salts = Salts(await db.Acts.AsNoTracking().SingleAsync(a => a.Id == act.Id));
        var expected = ReferenceEntry(act, publicFields, privateFields, salts);
        Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(logEntry.Entry));
        Assert.Equal(expected, (await db.LogEntries.AsNoTracking().SingleAsync(e => e.Index == act.LogIndex)).Entry);
        // The payload is the same JSON; only optional escapes may differ ('+' in a date was "\u002B").
        Assert.True(JsonNode.DeepEquals(everything, JsonNode.Parse(act.Payload)), act.Payload);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task SaveChanges_RolledBack_IndicesGivenBack(DatabaseProvider provider)
    {
        await using var registry = await TestRegistry.CreateAsync(provider);
        await using (var db = registry.Open())
        {
            await using var rolledBack = await db.Database.BeginTransactionAsync();
            foreach (var n in Enumerable.Range(0, 3))
            {
                await LogAppender.AppendAsync(db, NewAct($"lost{n}"), new JsonObject(), Private(), CancellationToken.None);
            }

            await db.SaveChangesAsync();
            await rolledBack.RollbackAsync();
        }

        await using var again = registry.Open();
        await using var transaction = await again.Database.BeginTransactionAsync();
        var kept = NewAct("kept");
        await LogAppender.AppendAsync(again, kept, new JsonObject(), Private(), CancellationToken.None);
        again.SaveChanges(); // the synchronous path takes its block the same way
        await transaction.CommitAsync();

        Assert.Equal(0, kept.LogIndex);
        Assert.Equal([0L], await again.LogEntries.Select(e => e.Index).ToListAsync());
        Assert.Equal(2, Salts(await again.Acts.AsNoTracking().SingleAsync()).Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task SaveChanges_ConcurrentWritersSomeRollingBack_LogGapFreeAndActsMatchEntries(DatabaseProvider provider)
    {
        await using var registry = await TestRegistry.CreateAsync(provider);
        var committed = 0;

        async Task WriterAsync(int writer)
        {
            for (var round = 0; round < 8; round++)
            {
                await using var db = registry.Open();
                await using var transaction = await db.Database.BeginTransactionAsync();
                var size = 1 + ((writer + round) % 4);
                foreach (var n in Enumerable.Range(0, size))
                {
                    await LogAppender.AppendAsync(db, NewAct($"w{writer}r{round}n{n}"), new JsonObject(), Private(), CancellationToken.None);
                }

                await db.SaveChangesAsync();
                if (round % 3 == 2)
                {
                    await transaction.RollbackAsync();
                }
                else
                {
                    await transaction.CommitAsync();
                    Interlocked.Add(ref committed, size);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 4).Select(w => Task.Run(() => WriterAsync(w))));

        await using var check = registry.Open();
        var entries = await check.LogEntries.AsNoTracking().OrderBy(e => e.Index).Select(e => new { e.Index, e.ActId }).ToListAsync();
        var acts = await check.Acts.AsNoTracking().OrderBy(a => a.LogIndex).Select(a => new { a.LogIndex, a.Id, a.Sequence }).ToListAsync();
        Assert.Equal(committed, entries.Count);
        Assert.Equal(Enumerable.Range(0, committed).Select(i => (long)i), entries.Select(e => e.Index));
        Assert.Equal(entries.Select(e => (e.Index, e.ActId)), acts.Select(a => (a.LogIndex, a.Id)));
        // Acts are stored in log order: the register's sequence and the log agree.
        Assert.Equal(acts.Select(a => a.Sequence).Order(), acts.Select(a => a.Sequence));
        Assert.All(await check.Acts.AsNoTracking().ToListAsync(), a => Assert.Equal(2, Salts(a).Count));
    }

    [Fact]
    public async Task Append_OutsideTransaction_Throws()
    {
        await using var registry = await TestRegistry.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = registry.Open();

        await Assert.ThrowsAsync<InvalidOperationException>(() => LogAppender.AppendAsync(db, NewAct("x"), new JsonObject(), Private(), CancellationToken.None));
    }

    [Fact]
    public async Task SaveChanges_AfterTransactionEnded_ThrowsAndWritesNothing()
    {
        await using var registry = await TestRegistry.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = registry.Open();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await LogAppender.AppendAsync(db, NewAct("x"), new JsonObject(), Private(), CancellationToken.None);
            await transaction.CommitAsync();
        }

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        await using var check = registry.Open();
        Assert.Equal(0, await check.Acts.CountAsync());
        Assert.Equal(0, await check.LogEntries.CountAsync());
    }

    // What LogAppender did before entries were built at save time: a JsonObject, serialised,
    // then canonicalised whole (RFC 8785). The stored bytes must not have changed.
    private static byte[] ReferenceEntry(Act act, JsonObject publicFields, IReadOnlyDictionary<string, JsonNode?> privateFields, Dictionary<string, byte[]> salts)
    {
        var entry = new JsonObject
        {
            ["logVersion"] = LogAppender.LogVersion,
            ["index"] = act.LogIndex,
            ["act"] = act.Type,
            ["actId"] = act.Id.ToString(),
            ["at"] = act.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
            ["actor"] = new JsonObject { ["role"] = act.ActorRole, ["name"] = act.ActorName },
        };
        foreach (var (name, value) in publicFields)
        {
            entry[name] = value!.DeepClone();
        }

        var digests = new JsonObject();
        foreach (var (name, value) in privateFields)
        {
            digests[name] = LogAppender.Digest(salts[name], value!);
        }

        entry["private"] = digests;
        return JsonCanonicalizer.Canonicalize(JsonSerializer.SerializeToUtf8Bytes(entry));
    }

    // The act row's salts, read as the audit reads them.
    private static Dictionary<string, byte[]> Salts(Act act)
    {
        Assert.True(LogAppender.TryReadSalts(act.Salts, out var salts), $"unreadable salts: {act.Salts}");
        Assert.All(salts.Values, s => Assert.Equal(16, s.Length));
        return salts;
    }

    private static Act NewAct(string type) => new()
    {
        Id = Guid.NewGuid(),
        ApplicationId = Guid.NewGuid(),
        Type = type,
        ActorId = Guid.NewGuid(),
        ActorRole = "examiner",
        ActorName = "张审查 \"quoted\"\t",
        At = new DateTimeOffset(2026, 11, 27, 2, 30, 15, TimeSpan.Zero).AddTicks(1234560), // UTC, whole microseconds: as PostgreSQL keeps it
        Reason = "补正",
        Payload = """{"applicationNumber":"SQ44002025000001"}""",
    };

    // Names that sort around the header's (uppercase, "index" neighbours, non-ASCII), values of
    // every JSON kind, strings that need escaping, numbers in ECMAScript form.
    private static JsonObject Public(Act act) => new()
    {
        ["applicationNumber"] = "SQ44002025000001",
        ["Zeta"] = 1e21,
        ["indexed"] = new JsonArray(1, 2.5, -0.0, true, null, "a\u0001b"),
        ["数据名称"] = "城市交通（第1批）",
        ["nested"] = new JsonObject { ["b"] = 1, ["a"] = new JsonObject { ["€"] = "x", ["\u00e9"] = 0.000001 } },
        ["for"] = act.Type,
    };

    private enum Kind
    {
        SelfGenerated,
        ThirdParty,
    }

    private sealed record Contact(string Name, string? Phone, Kind Kind, DateTimeOffset Since, DateOnly Day, decimal Share, double Ratio);

    // CLR values as handlers pass them: records, anonymous objects, dictionaries whose keys sort
    // differently in UTF-16 and UTF-8, enums, dates, numbers at the edges of ECMAScript form,
    // strings with controls and non-ASCII; a public field replaced by a later one of the same name.
    private static (List<KeyValuePair<string, object>> Public, List<KeyValuePair<string, object>> Private) TrickyValues()
    {
        var contact = new Contact("张三 \"引号\"\u0001\n", null, Kind.ThirdParty,
            new DateTimeOffset(2026, 11, 27, 10, 30, 0, TimeSpan.FromHours(8)), new DateOnly(2026, 2, 28), 12.50m, 0.1 + 0.2);
        var map = new Dictionary<string, object?>
        {
            ["\uFB33"] = 1,
            ["\U0001F600"] = 2,
            ["€"] = 1e21,
            ["Zed"] = -0.0,
            ["a"] = 1.5e-7,
            ["b"] = 9007199254740993L,
            ["c"] = new[] { 1, 2, 3 },
            ["d"] = null,
            ["e"] = "</script>&'\u2028\u007f",
        };
        List<KeyValuePair<string, object>> publicValues =
        [
            new("applicationNumber", "SQ44002025000001"),
            new("kind", Kind.SelfGenerated),
            new("at", new DateTimeOffset(2026, 11, 27, 2, 30, 15, TimeSpan.Zero)),
            new("numbers", new object[] { 0, -1, 12_000_000L, 0.000001, 1e-7, 123456789012345678L, 1.0m, float.MaxValue }),
            new("数据名称", "城市交通（第1批）\t"),
            new("kind", Kind.ThirdParty),
        ];
        List<KeyValuePair<string, object>> privateValues =
        [
            new("contact", contact),
            new("map", map),
            new("anonymous", new { Right = "holding", Basis = "授权", Nested = new { Z = true, A = false } }),
            new("holder", "深圳市数据科技有限公司"),
        ];
        return (publicValues, privateValues);
    }

    private static readonly JsonSerializerOptions PayloadJson = CreatePayloadJson();

    // ActRecorder.PayloadJson's options (the web host is not referenced here).
    private static JsonSerializerOptions CreatePayloadJson()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DictionaryKeyPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        };
        options.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private static Dictionary<string, JsonNode?> Private() => new()
    {
        ["holder"] = JsonValue.Create("深圳市数据科技有限公司"),
        ["content"] = new JsonObject { ["records"] = 12_000_000, ["fields"] = new JsonArray("a", "b") },
    };
}
