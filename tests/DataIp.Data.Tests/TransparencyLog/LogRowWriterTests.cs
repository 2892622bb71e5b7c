using System.Data.Common;
using System.Globalization;
using System.Text.Json.Nodes;
using DataIp.Data.Acts;
using DataIp.Data.TransparencyLog;
using DataIp.Testing;
using Microsoft.EntityFrameworkCore;

namespace DataIp.Data.Tests.TransparencyLog;

/// <summary>
/// The log's rows are written without EF (SQLite's C API; PostgreSQL <c>unnest</c> arrays), so
/// they must be stored exactly as EF stores the same values: the same storage class and text for
/// a Guid, the same ticks or timestamptz for a time, NULL for a missing id. Otherwise EF's own
/// queries (by application, by act id) would miss them.
/// </summary>
public sealed class LogRowWriterTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task AppendedAct_StoredAsEfStoresTheSameValues(DatabaseProvider provider)
    {
        await using var registry = await TestRegistry.CreateAsync(provider);
        var applicationId = Guid.NewGuid();
        var actorId = Guid.NewGuid();
        var at = new DateTimeOffset(2026, 11, 27, 10, 30, 15, TimeSpan.FromHours(8)).AddTicks(1234560);
        // The log gives indices 0 and 1 to the appended acts; the ones EF writes take others.
        var byEf = NewAct(100, applicationId, actorId, at);
        var byLog = NewAct(-1, applicationId, actorId, at);
        var byLogWithoutIds = NewAct(-1, null, null, at);
        var byEfWithoutIds = NewAct(101, null, null, at);
        await using (var db = registry.Open())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await LogAppender.AppendAsync(db, byLog, new JsonObject { ["bodyCode"] = "4400" }, new Dictionary<string, JsonNode?> { ["holder"] = "甲" }, CancellationToken.None);
            await LogAppender.AppendAsync(db, byLogWithoutIds, new JsonObject(), new Dictionary<string, JsonNode?>(), CancellationToken.None);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        // EF writes the same values, salts included.
        byEf.Salts = byLog.Salts;
        await using (var db = registry.Open())
        {
            db.Acts.AddRange(byEf, byEfWithoutIds);
            await db.SaveChangesAsync();
        }

        await using var check = registry.Open();
        Assert.Equal(await StoredAsync(check, byEf.Id), await StoredAsync(check, byLog.Id));
        Assert.Equal(await StoredAsync(check, byEfWithoutIds.Id), await StoredAsync(check, byLogWithoutIds.Id));

        // EF finds the rows by each kind of key and reads every value back.
        var found = await check.Acts.AsNoTracking().Where(a => a.ApplicationId == applicationId && a.ActorId == actorId).OrderBy(a => a.LogIndex).ToListAsync();
        Assert.Equal([byLog.Id, byEf.Id], found.Select(a => a.Id));
        Assert.Equal((0L, byLog.Sequence, at), (found[0].LogIndex, found[0].Sequence, found[0].At));
        Assert.Equal(byLogWithoutIds.Id, (await check.Acts.AsNoTracking().SingleAsync(a => a.LogIndex == 1 && a.ApplicationId == null && a.ActorId == null)).Id);
        Assert.True(LogAppender.TryReadSalts(found[0].Salts, out var salts));
        Assert.Equal(("holder", 16), (salts.Single().Key, salts.Single().Value.Length));
        Assert.Equal(0, (await check.LogEntries.AsNoTracking().SingleAsync(e => e.ActId == byLog.Id)).Index);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task SaveChanges_ManyActs_SequencesFollowLogOrder(DatabaseProvider provider)
    {
        await using var registry = await TestRegistry.CreateAsync(provider);
        for (var round = 0; round < 3; round++)
        {
            await using var db = registry.Open();
            await using var transaction = await db.Database.BeginTransactionAsync();
            for (var n = 0; n < 120; n++)
            {
                await LogAppender.AppendAsync(db, NewAct(-1, Guid.NewGuid(), null, DateTimeOffset.UnixEpoch), new JsonObject(), new Dictionary<string, JsonNode?>(), CancellationToken.None);
            }

            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        await using var check = registry.Open();
        var acts = await check.Acts.AsNoTracking().OrderBy(a => a.Sequence).Select(a => a.LogIndex).ToListAsync();
        Assert.Equal(Enumerable.Range(0, 360).Select(i => (long)i), acts);
    }

    // Each column's value and storage type as the database returns them, through plain ADO.NET.
    private static async Task<List<string>> StoredAsync(RegistryDbContext db, Guid id)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync();
        }

        await using var command = connection.CreateCommand();
        string[] columns = ["ApplicationId", "ActorId", "At", "Type", "ActorRole", "ActorName", "Reason", "Payload", "Salts"];
        var storageType = db.Provider == DatabaseProvider.Sqlite ? "typeof(\"{0}\")" : "pg_typeof(\"{0}\")::text";
        var selected = columns.Select(c => $"\"{c}\", " + string.Format(CultureInfo.InvariantCulture, storageType, c));
        command.CommandText = $"SELECT {string.Join(", ", selected)} FROM \"Acts\" WHERE \"Id\" = @id";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@id";
        parameter.Value = db.Provider == DatabaseProvider.Sqlite ? id.ToString().ToUpperInvariant() : id;
        command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"act {id} not found by its id");
        return [.. Enumerable.Range(0, reader.FieldCount).Select(i => Describe(reader, i))];
    }

    private static string Describe(DbDataReader reader, int column) =>
        reader.IsDBNull(column) ? "NULL" : Convert.ToString(reader.GetValue(column), CultureInfo.InvariantCulture) + " : " + reader.GetFieldType(column).Name;

    private static Act NewAct(long logIndex, Guid? applicationId, Guid? actorId, DateTimeOffset at) => new()
    {
        Id = Guid.NewGuid(),
        LogIndex = logIndex,
        ApplicationId = applicationId,
        Type = "submit",
        ActorId = actorId,
        ActorRole = "applicant",
        ActorName = "深圳市数据示例科技有限公司",
        At = at,
        Reason = applicationId is null ? null : "补正 \"quoted\"",
        Payload = """{"dataName":"城市交通"}""",
    };
}
