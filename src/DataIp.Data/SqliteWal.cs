using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DataIp.Data;

/// <summary>
/// Checkpoints of SQLite's write-ahead log, off the writers' path.
/// </summary>
/// <remarks>
/// By default SQLite copies the WAL back into the database file (a checkpoint, with an fsync of
/// the database) inside whichever commit takes the WAL past 1,000 pages, so that writer pays for
/// everyone's pages; with batches of acts that was about a third of the cost of committing them.
/// Here every connection the register opens raises that threshold to
/// <see cref="BackstopPages"/>, and the log sequencer (which runs every second while acts arrive)
/// checkpoints after each run with <see cref="CheckpointAsync"/>, on its own thread: a PASSIVE
/// checkpoint copies what no reader still needs and never waits for, or blocks, a writer. The
/// threshold stays as a backstop so that the WAL cannot grow without bound if the sequencer stops.
/// Durability is unchanged: a commit is durable when its WAL frames are synced, whatever happens
/// to checkpoints.
/// </remarks>
public static class SqliteWal
{
    /// <summary>WAL pages (4 KiB each) past which a commit still checkpoints by itself.</summary>
    public const int BackstopPages = 10_000;

    /// <summary>
    /// Runs a PASSIVE checkpoint outside any transaction; nothing on PostgreSQL. Returns the WAL's
    /// size in pages and how many of them are now in the database file (-1, -1 when there is no WAL).
    /// </summary>
    public static async Task<(long WalPages, long CheckpointedPages)> CheckpointAsync(RegistryDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Provider != DatabaseProvider.Sqlite)
        {
            return (-1, -1);
        }

        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            // One row: busy (0/1), pages in the WAL, pages checkpointed.
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? (reader.GetInt64(1), reader.GetInt64(2)) : (-1, -1);
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Sets <see cref="BackstopPages"/> on every connection as it opens.</summary>
    internal sealed class ConnectionSetup : DbConnectionInterceptor
    {
        public static readonly ConnectionSetup Instance = new();

        private static readonly string Sql = FormattableString.Invariant($"PRAGMA wal_autocheckpoint = {BackstopPages}");

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Run(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            // SQLite runs in-process: there is nothing to await.
            Run(connection);
            return Task.CompletedTask;
        }

        private static void Run(DbConnection connection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = Sql;
            _ = command.ExecuteNonQuery();
        }
    }
}
