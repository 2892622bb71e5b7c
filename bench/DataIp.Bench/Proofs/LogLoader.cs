using System.Data;
using System.Diagnostics;
using DataIp.Data;
using DataIp.Data.Numbering;
using DataIp.Data.TransparencyLog;
using DataIp.Domain.TransparencyLog;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace DataIp.Bench.Proofs;

/// <summary>
/// Fills a fresh database with a log of <see cref="SyntheticLog"/> entries, fast: PostgreSQL by
/// binary COPY, SQLite by prepared inserts in transactions of <see cref="SqliteChunk"/> rows.
/// The tree above the leaves is then either integrated by the real
/// <see cref="LogStore.IntegrateAsync"/> (<c>--build integrate</c>) or computed with the same
/// <see cref="CompactRange"/> and loaded the same way as the entries (<c>--build direct</c>, for
/// sizes where integrating through EF takes too long). Either way the stored root is checked
/// against the root computed in memory.
/// </summary>
internal static class LogLoader
{
    private const int SqliteChunk = 500_000;

    public static async Task<Hash> LoadAsync(BenchDatabase database, long size, string mode, int integrateBatch, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var range = new CompactRange();
        await using (var db = database.Open())
        {
            await LoadEntriesAsync(db, size, ct);
            Report.Info($"{size:N0} entries loaded in {clock.Elapsed.TotalSeconds:F0} s; load {Report.Load()}");
            if (mode == "direct")
            {
                await LoadNodesAsync(db, SyntheticLog.Nodes(size, range), ct);
            }
        }

        if (mode == "integrate")
        {
            await IntegrateAsync(database, size, integrateBatch, ct);
            foreach (var _ in SyntheticLog.Nodes(size, range))
            {
                // Only the root is wanted, to check the integrated tree.
            }
        }

        await FinishAsync(database, size, addState: mode == "direct", ct);
        Report.Info($"Log of {size:N0} entries built ({mode}) in {clock.Elapsed.TotalSeconds:F0} s; load {Report.Load()}");
        return await CheckRootAsync(database, size, range.RootHash(), ct);
    }

    private static Task LoadEntriesAsync(RegistryDbContext db, long size, CancellationToken ct) =>
        db.Provider == DatabaseProvider.Sqlite
            ? InsertSqliteAsync(db, """INSERT INTO "LogEntries" ("Index", "ActId", "LeafHash", "Entry") VALUES ($0, $1, $2, $3)""",
                SyntheticLog.Entries(size).Select(e => new object[] { e.Index, e.ActId.ToString().ToUpperInvariant(), e.LeafHash, e.Entry }), ct)
            : CopyPostgresAsync(db, """COPY "LogEntries" ("Index", "ActId", "LeafHash", "Entry") FROM STDIN (FORMAT BINARY)""",
                SyntheticLog.Entries(size), async (importer, e) =>
                {
                    await importer.WriteAsync(e.Index, NpgsqlDbType.Bigint, ct);
                    await importer.WriteAsync(e.ActId, NpgsqlDbType.Uuid, ct);
                    await importer.WriteAsync(e.LeafHash, NpgsqlDbType.Bytea, ct);
                    await importer.WriteAsync(e.Entry, NpgsqlDbType.Bytea, ct);
                }, ct);

    private static Task LoadNodesAsync(RegistryDbContext db, IEnumerable<(long Key, byte[] Hash)> nodes, CancellationToken ct) =>
        db.Provider == DatabaseProvider.Sqlite
            ? InsertSqliteAsync(db, """INSERT INTO "LogNodes" ("Key", "Hash") VALUES ($0, $1)""", nodes.Select(n => new object[] { n.Key, n.Hash }), ct)
            : CopyPostgresAsync(db, """COPY "LogNodes" ("Key", "Hash") FROM STDIN (FORMAT BINARY)""", nodes, async (importer, n) =>
            {
                await importer.WriteAsync(n.Key, NpgsqlDbType.Bigint, ct);
                await importer.WriteAsync(n.Hash, NpgsqlDbType.Bytea, ct);
            }, ct);

    private static async Task InsertSqliteAsync(RegistryDbContext db, string sql, IEnumerable<object[]> rows, CancellationToken ct)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        if (connection.State != ConnectionState.Open)
        {
            await connection.OpenAsync(ct);
        }

        using var enumerator = rows.GetEnumerator();
        var more = enumerator.MoveNext();
        while (more)
        {
            using var transaction = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            for (var i = 0; i < enumerator.Current.Length; i++)
            {
                command.Parameters.Add(new SqliteParameter("$" + i, null));
            }

            command.Prepare();
            for (var n = 0; more && n < SqliteChunk; n++, more = enumerator.MoveNext())
            {
                for (var i = 0; i < enumerator.Current.Length; i++)
                {
                    command.Parameters[i].Value = enumerator.Current[i];
                }

                command.ExecuteNonQuery();
            }

            transaction.Commit();
        }
    }

    private static async Task CopyPostgresAsync<T>(RegistryDbContext db, string copy, IEnumerable<T> rows, Func<NpgsqlBinaryImporter, T, Task> write, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != ConnectionState.Open)
        {
            await connection.OpenAsync(ct);
        }

        await using var importer = await connection.BeginBinaryImportAsync(copy, ct);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            await write(importer, row);
        }

        await importer.CompleteAsync(ct);
    }

    private static async Task IntegrateAsync(BenchDatabase database, long size, int batch, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        for (long integrated = 0; integrated < size;)
        {
            await using var db = database.Open();
            (integrated, _) = await new LogStore(db).IntegrateAsync(batch, ct);
        }

        Report.Result("integrate", database.Provider.ToString().ToLowerInvariant(), FormattableString.Invariant($"size={size} batch={batch}"),
            "integrated per second", size / clock.Elapsed.TotalSeconds, "entries/s");
    }

    /// <summary>The sequencer's state and the log serial, as if every entry had been appended,
    /// then what a live database would have done by itself: checkpoint the WAL (SQLite), vacuum
    /// and analyse (PostgreSQL), so that autovacuum does not start during the measurement.</summary>
    private static async Task FinishAsync(BenchDatabase database, long size, bool addState, CancellationToken ct)
    {
        await using var db = database.Open();
        db.SerialCounters.Add(new SerialCounter { Scope = "log", Value = size });
        if (addState)
        {
            db.LogStates.Add(new LogState { IntegratedSize = size });
        }

        await db.SaveChangesAsync(ct);
        await db.Database.ExecuteSqlRawAsync(database.Provider == DatabaseProvider.Sqlite ? "PRAGMA wal_checkpoint(TRUNCATE)" : "VACUUM ANALYZE", ct);
    }

    private static async Task<Hash> CheckRootAsync(BenchDatabase database, long size, Hash expected, CancellationToken ct)
    {
        await using var db = database.Open();
        var store = new LogStore(db);
        var stored = await store.RootAtAsync(size, ct);
        if (await store.IntegratedSizeAsync(ct) != size || stored != expected)
        {
            throw new InvalidOperationException($"The loaded log is wrong: stored root {stored}, computed {expected}.");
        }

        Report.Info($"Stored root at {size:N0} matches the computed root {expected}");
        return expected;
    }
}
