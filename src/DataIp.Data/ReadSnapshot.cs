using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace DataIp.Data;

/// <summary>
/// A read-only snapshot of the database for every query made through the context until it is
/// disposed (which rolls back): what the log audit and the open-data exports read, so that the
/// rows they read and the log checkpoint they state come from one instant.
/// </summary>
/// <remarks>
/// SQLite: BEGIN DEFERRED, which takes only a read lock at the first read and, in WAL mode, keeps
/// the database as it was then until the end (BEGIN IMMEDIATE would take the write lock, and block
/// every act meanwhile). PostgreSQL: REPEATABLE READ, READ ONLY (the snapshot of the first query).
/// Writers are never blocked on either.
/// </remarks>
public sealed class ReadSnapshot : IAsyncDisposable
{
    private readonly IDbContextTransaction? _transaction;
    private readonly DbTransaction? _handedToEf;
    private readonly RegistryDbContext? _openedFor;

    private ReadSnapshot(IDbContextTransaction? transaction, DbTransaction? handedToEf, RegistryDbContext? openedFor)
    {
        _transaction = transaction;
        _handedToEf = handedToEf;
        _openedFor = openedFor;
    }

    /// <summary>Begins a snapshot, unless the caller already has a transaction open (then it reads in that one).</summary>
    /// <param name="db">The context.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The snapshot; dispose it to end it.</returns>
    public static async Task<ReadSnapshot> BeginAsync(RegistryDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.CurrentTransaction is not null)
        {
            return new ReadSnapshot(null, null, null);
        }

        if (db.Provider == DatabaseProvider.Postgres)
        {
            var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
            await db.Database.ExecuteSqlRawAsync("SET TRANSACTION READ ONLY", cancellationToken).ConfigureAwait(false);
            return new ReadSnapshot(transaction, null, null);
        }

        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var sqlite = ((SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: true);
        return new ReadSnapshot(await db.Database.UseTransactionAsync(sqlite, cancellationToken).ConfigureAwait(false), sqlite, db);
    }

    // EF disposes a transaction it began, not one it was handed (SQLite's), nor closes a
    // connection opened for one: both are done here.
    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_transaction is not null)
        {
            await _transaction.DisposeAsync().ConfigureAwait(false);
        }

        if (_handedToEf is not null)
        {
            await _handedToEf.DisposeAsync().ConfigureAwait(false);
        }

        if (_openedFor is not null)
        {
            await _openedFor.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }
}
