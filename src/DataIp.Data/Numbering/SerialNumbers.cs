using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace DataIp.Data.Numbering;

/// <summary>
/// Hands out gap-free serials. The counter row is incremented with one atomic upsert inside the
/// caller's transaction: concurrent callers queue on the row's lock (PostgreSQL) or the database
/// write lock (SQLite), and a rolled-back transaction gives its serial back, so serials are
/// neither duplicated nor skipped.
/// </summary>
public static class SerialNumbers
{
    // Both SQLite (3.35+) and PostgreSQL accept INSERT … ON CONFLICT … DO UPDATE … RETURNING.
    private const string UpsertSql =
        """
        INSERT INTO "SerialCounters" ("Scope", "Value") VALUES (@scope, 1)
        ON CONFLICT ("Scope") DO UPDATE SET "Value" = "SerialCounters"."Value" + 1
        RETURNING "Value"
        """;

    // The same upsert for a block of serials; {0} is the scope, {1} how many. Run through EF (not
    // the bare connection) so that command interceptors see it as every other write.
    private const string ReserveSql =
        """
        INSERT INTO "SerialCounters" ("Scope", "Value") VALUES ({0}, {1})
        ON CONFLICT ("Scope") DO UPDATE SET "Value" = "SerialCounters"."Value" + {1}
        RETURNING "Value"
        """;

    /// <summary>
    /// Takes the next serial of <paramref name="scope"/>. Must be called inside a transaction that
    /// also stores what the serial numbers, so both commit or neither does.
    /// </summary>
    /// <exception cref="InvalidOperationException">No transaction is open on <paramref name="db"/>.</exception>
    public static async Task<long> NextAsync(RegistryDbContext db, string scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentException.ThrowIfNullOrWhiteSpace(scope);
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("A serial must be taken inside the transaction that uses it; none is open.");

        var connection = db.Database.GetDbConnection();
        await using DbCommand command = connection.CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = UpsertSql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@scope";
        parameter.Value = scope;
        command.Parameters.Add(parameter);
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Takes the next <paramref name="count"/> serials of <paramref name="scope"/> in one statement
    /// and returns the first; the block is <c>[first, first + count)</c>. The same rules as
    /// <see cref="NextAsync"/>: inside the transaction that uses them, which holds the counter until
    /// it ends, so blocks never overlap, and a rollback gives the whole block back.
    /// </summary>
    /// <exception cref="InvalidOperationException">No transaction is open on <paramref name="db"/>.</exception>
    public static async Task<long> ReserveAsync(RegistryDbContext db, string scope, int count, CancellationToken cancellationToken)
    {
        var arguments = ReserveArguments(db, scope, count);
        var last = await db.Database.SqlQueryRaw<long>(ReserveSql, arguments).ToListAsync(cancellationToken).ConfigureAwait(false);
        return last.Single() - count + 1;
    }

    /// <summary>The synchronous <see cref="ReserveAsync"/>, for <c>SaveChanges</c>.</summary>
    /// <exception cref="InvalidOperationException">No transaction is open on <paramref name="db"/>.</exception>
    public static long Reserve(RegistryDbContext db, string scope, int count)
    {
        var arguments = ReserveArguments(db, scope, count);
        return db.Database.SqlQueryRaw<long>(ReserveSql, arguments).ToList().Single() - count + 1;
    }

    /// <summary>
    /// Locks the counter of <paramref name="scope"/> until the transaction ends (creating it at 0 if
    /// it is new, which takes nothing from it): every other transaction that takes or locks a serial
    /// of the scope waits until then. PostgreSQL only; on SQLite the transaction's write lock
    /// serialises writers already.
    /// </summary>
    /// <exception cref="InvalidOperationException">No transaction is open on <paramref name="db"/>.</exception>
    public static async Task LockAsync(RegistryDbContext db, string scope, CancellationToken cancellationToken)
    {
        _ = ReserveArguments(db, scope, 1);
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""INSERT INTO "SerialCounters" ("Scope", "Value") VALUES ({scope}, 0) ON CONFLICT ("Scope") DO NOTHING""", cancellationToken).ConfigureAwait(false);
        _ = await db.Database.SqlQuery<long>($"""SELECT "Value" AS "Value" FROM "SerialCounters" WHERE "Scope" = {scope} FOR UPDATE""")
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    private static object[] ReserveArguments(RegistryDbContext db, string scope, int count)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentException.ThrowIfNullOrWhiteSpace(scope);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        _ = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("Serials must be taken inside the transaction that uses them; none is open.");
        return [scope, (long)count];
    }
}
