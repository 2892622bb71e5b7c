using DataIp.Data.Numbering;
using DataIp.Data.TransparencyLog;
using Microsoft.EntityFrameworkCore.Storage;

namespace DataIp.Data.Acts;

/// <summary>
/// The transaction of an act, and the act's time read inside it. Acts are logged in the order they
/// happened only if each act's time is read after every earlier act has taken its place in the
/// log: so the transaction first takes the log's append lock (on SQLite the IMMEDIATE transaction's
/// write lock; on PostgreSQL the log counter's row, <c>SELECT … FOR UPDATE</c>), and only then reads
/// the clock. Every act of the platform is carried out inside one.
/// </summary>
/// <remarks>
/// The cost: on PostgreSQL acts are decided one after the other, not only appended one after the
/// other (docs/architecture.md). Two acts that raced for the lock used to be logged with their
/// times out of order by up to the time one took to decide.
/// </remarks>
public sealed class ActTransaction : IAsyncDisposable
{
    private readonly IDbContextTransaction _transaction;

    private ActTransaction(IDbContextTransaction transaction, DateTimeOffset now)
    {
        _transaction = transaction;
        Now = now;
    }

    /// <summary>The act's time: read after the log's append lock was taken.</summary>
    public DateTimeOffset Now { get; }

    /// <summary>Begins the act's transaction, takes the log's append lock and reads the clock.</summary>
    /// <param name="db">The context.</param>
    /// <param name="clock">The platform's clock.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The open transaction.</returns>
    public static async Task<ActTransaction> BeginAsync(RegistryDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        // SQLite: an IMMEDIATE transaction, which holds the database's write lock from here on.
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (db.Provider == DatabaseProvider.Postgres)
            {
                await SerialNumbers.LockAsync(db, PendingLogEntries.Scope, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            await transaction.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new ActTransaction(transaction, clock.GetUtcNow());
    }

    /// <summary>Commits the act.</summary>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>A task.</returns>
    public Task CommitAsync(CancellationToken cancellationToken) => _transaction.CommitAsync(cancellationToken);

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _transaction.DisposeAsync();
}
