using System.Text.Json.Nodes;
using DataIp.Data.Acts;
using DataIp.Data.TransparencyLog;
using DataIp.Testing;
using Microsoft.EntityFrameworkCore;

namespace DataIp.Data.Tests.TransparencyLog;

/// <summary>
/// On SQLite, commits no longer checkpoint the WAL at 1,000 pages (every connection raises the
/// threshold to a backstop), and the sequencer's checkpoint copies everything committed.
/// </summary>
public sealed class SqliteWalTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Checkpoint_AfterCommittedActs_CopiesTheWholeWal(DatabaseProvider provider)
    {
        await using var registry = await TestRegistry.CreateAsync(provider);
        // The writer's connection stays open, as pooled connections do in the web host: SQLite
        // checkpoints and empties the WAL by itself when a connection closes and finds no other
        // (the tests' connections are not pooled).
        await using var db = registry.Open();
        await db.Database.OpenConnectionAsync();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            for (var n = 0; n < 1000; n++)
            {
                var act = new Act
                {
                    Id = Guid.CreateVersion7(),
                    Type = "submit",
                    ActorRole = "applicant",
                    ActorName = "申请人",
                    At = DateTimeOffset.UnixEpoch,
                    Payload = $$"""{"padding":"{{new string('x', 5000)}}"}""",
                };
                await LogAppender.AppendAsync(db, act, new JsonObject(), new Dictionary<string, JsonNode?> { ["padding"] = new string('y', 3000) }, CancellationToken.None);
            }

            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        await using var sequencer = registry.Open();
        var (walPages, checkpointed) = await SqliteWal.CheckpointAsync(sequencer, CancellationToken.None);
        if (provider != DatabaseProvider.Sqlite)
        {
            Assert.Equal((-1L, -1L), (walPages, checkpointed));
            return;
        }

        // Over 1,000 pages were written, and no commit checkpointed them (the default would have).
        Assert.True(walPages > 1_000, $"the WAL has {walPages} pages");
        Assert.Equal(walPages, checkpointed);
        Assert.Equal(SqliteWal.BackstopPages, await sequencer.Database.SqlQueryRaw<int>("PRAGMA wal_autocheckpoint").ToAsyncEnumerable().SingleAsync());
    }
}
