using System.Data.Common;
using System.Globalization;
using DataIp.Data.Acts;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace DataIp.Data.TransparencyLog;

/// <summary>
/// Inserts the log's rows (acts with their salts, entries, tree nodes) in the context's transaction without
/// the change tracker. Table names, column names, and how each value is stored (a Guid as SQLite
/// TEXT, a DateTimeOffset as UTC ticks on SQLite and a UTC timestamptz on PostgreSQL, …) come from
/// the EF model and its value converters, so the rows are those EF would write.
/// </summary>
/// <remarks>
/// Why not EF's <c>SaveChanges</c>: it cost about 50 µs of CPU per row here, most of it in the
/// change tracker and command building. SQLite is in-process, so one prepared single-row
/// statement per table, run once per row through SQLite's C API with positional parameters, is
/// cheapest (<see cref="SqliteRowInserter"/>). PostgreSQL gets one
/// <c>INSERT … SELECT FROM unnest($1::type[], …)</c> per table: a typed array parameter per
/// column instead of multi-row <c>VALUES</c> with ~2,000 parameters, which cost twice as much on
/// the client (binary COPY through Npgsql's importer was no cheaper). The acts'
/// <see cref="Act.Sequence"/> values are drawn from the column's identity in one statement first,
/// while the log's counter row is locked, so acts take their sequence numbers in log order, as
/// they did when the database assigned them on insert.
/// <para>
/// Each row on SQLite, and each statement on PostgreSQL, is announced first to the context's
/// <see cref="ILogWriteInterceptor"/>s (<see cref="Faults"/>): the crash tests fail these writes
/// one at a time, as EF's own interceptors cannot see them.
/// </para>
/// </remarks>
internal sealed class LogRowWriter
{
    private readonly RegistryDbContext _db;
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;

    public LogRowWriter(RegistryDbContext db)
    {
        _db = db;
        _connection = db.Database.GetDbConnection();
        _transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Log rows must be written inside the acts' transaction; none is open.");
        Faults = LogWriteFaults.Of(db);
    }

    /// <summary>The context's fault interceptors (tests only), told before each write.</summary>
    public LogWriteFaults Faults { get; }

    /// <summary>Inserts the acts and sets each one's <see cref="Act.Sequence"/>.</summary>
    public async Task InsertActsAsync(IReadOnlyList<Act> acts, bool async, CancellationToken cancellationToken)
    {
        if (acts.Count == 0)
        {
            return;
        }

        string[] columns =
        [
            nameof(Act.LogIndex), nameof(Act.Id), nameof(Act.ApplicationId), nameof(Act.Type), nameof(Act.ActorId),
            nameof(Act.ActorRole), nameof(Act.ActorName), nameof(Act.At), nameof(Act.Reason), nameof(Act.Payload), nameof(Act.Salts),
        ];
        static object?[] Values(Act a) => [a.LogIndex, a.Id, a.ApplicationId, a.Type, a.ActorId, a.ActorRole, a.ActorName, a.At, a.Reason, a.Payload, a.Salts];
        if (_connection is SqliteConnection sqlite)
        {
            // Sequence is the table's INTEGER PRIMARY KEY: the rowid SQLite gives each insert.
            InsertSqlite(sqlite, LogWriteStep.InsertActs, Table<Act>(columns), acts, Values, (act, rowId) => act.Sequence = rowId);
            return;
        }

        var sequences = await NextSequencesAsync(acts.Count, async, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < acts.Count; i++)
        {
            acts[i].Sequence = sequences[i];
        }

        await InsertArraysAsync(LogWriteStep.InsertActs, Table<Act>([nameof(Act.Sequence), .. columns]), acts, a => [a.Sequence, .. Values(a)], async, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Inserts the log entries.</summary>
    public Task InsertEntriesAsync(IReadOnlyList<LogEntry> entries, bool async, CancellationToken cancellationToken) =>
        InsertAsync(LogWriteStep.InsertEntries, Table<LogEntry>(nameof(LogEntry.Index), nameof(LogEntry.ActId), nameof(LogEntry.LeafHash), nameof(LogEntry.Entry)),
            entries, e => [e.Index, e.ActId, e.LeafHash, e.Entry], async, cancellationToken);

    /// <summary>Inserts tree nodes (the sequencer's integration).</summary>
    public Task InsertNodesAsync(IReadOnlyList<LogNode> nodes, bool async, CancellationToken cancellationToken) =>
        InsertAsync(LogWriteStep.InsertNodes, Table<LogNode>(nameof(LogNode.Key), nameof(LogNode.Hash)), nodes, n => [n.Key, n.Hash], async, cancellationToken);

    private Task InsertAsync<T>(LogWriteStep step, TableShape table, IReadOnlyList<T> rows, Func<T, object?[]> values, bool async, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return Task.CompletedTask;
        }

        if (_connection is SqliteConnection sqlite)
        {
            InsertSqlite(sqlite, step, table, rows, values, null);
            return Task.CompletedTask;
        }

        return InsertArraysAsync(step, table, rows, values, async, cancellationToken);
    }

    // One prepared statement, one row at a time; rowIds gets each row's rowid.
    private void InsertSqlite<T>(SqliteConnection connection, LogWriteStep step, TableShape table, IReadOnlyList<T> rows, Func<T, object?[]> values, Action<T, long>? rowIds)
    {
        var placeholders = string.Join(", ", Enumerable.Range(1, table.Columns.Length).Select(i => FormattableString.Invariant($"?{i}")));
        using var inserter = new SqliteRowInserter(connection, $"INSERT INTO {table.Name} ({string.Join(", ", table.Columns)}) VALUES ({placeholders})", table.Mappings);
        foreach (var row in rows)
        {
            Faults.Before(step);
            var rowId = inserter.Insert(values(row));
            rowIds?.Invoke(row, rowId);
        }
    }

    // One INSERT … SELECT FROM unnest(…) per table: a typed array parameter per column.
    private async Task InsertArraysAsync<T>(LogWriteStep step, TableShape table, IReadOnlyList<T> rows, Func<T, object?[]> values, bool async, CancellationToken cancellationToken)
    {
        var columns = new object?[table.Columns.Length][];
        for (var column = 0; column < columns.Length; column++)
        {
            columns[column] = new object?[rows.Count];
        }

        for (var row = 0; row < rows.Count; row++)
        {
            var rowValues = values(rows[row]);
            for (var column = 0; column < rowValues.Length; column++)
            {
                columns[column][row] = rowValues[column] is { } v && table.Mappings[column].Converter is { } converter ? converter.ConvertToProvider(v) : rowValues[column];
            }
        }

        await using var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        var arrays = new List<string>(columns.Length);
        for (var column = 0; column < columns.Length; column++)
        {
            var mapping = table.Mappings[column];
            command.Parameters.Add(new NpgsqlParameter { Value = TypedArray(mapping, columns[column]) });
            arrays.Add(FormattableString.Invariant($"${column + 1}::{mapping.StoreType}[]"));
        }

        command.CommandText = $"INSERT INTO {table.Name} ({string.Join(", ", table.Columns)}) SELECT * FROM unnest({string.Join(", ", arrays)})";
        Faults.Before(step);
        _ = async ? await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) : command.ExecuteNonQuery();
    }

    // The column's values as an array of their provider type (nullable if any is null), which
    // Npgsql sends as a PostgreSQL array of the column's type.
    private static Array TypedArray(RelationalTypeMapping mapping, object?[] values)
    {
        var type = mapping.Converter?.ProviderClrType ?? mapping.ClrType;
        if (type.IsValueType && values.Any(v => v is null))
        {
            type = typeof(Nullable<>).MakeGenericType(type);
        }

        var array = Array.CreateInstance(type, values.Length);
        for (var i = 0; i < values.Length; i++)
        {
            array.SetValue(values[i], i);
        }

        return array;
    }

    // n values of the acts' identity sequence, in increasing order.
    private async Task<long[]> NextSequencesAsync(int count, bool async, CancellationToken cancellationToken)
    {
        var table = _db.Model.FindEntityType(typeof(Act))!;
        await using var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = string.Create(CultureInfo.InvariantCulture,
            $"SELECT nextval(pg_get_serial_sequence('{Quote(table.GetTableName()!)}', '{table.FindProperty(nameof(Act.Sequence))!.GetColumnName()}')) AS s FROM generate_series(1, {count}) ORDER BY s");
        var sequences = new long[count];
        Faults.Before(LogWriteStep.DrawActSequences);
        await using var reader = async ? await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false) : command.ExecuteReader();
        for (var i = 0; i < count; i++)
        {
            _ = async ? await reader.ReadAsync(cancellationToken).ConfigureAwait(false) : reader.Read();
            sequences[i] = reader.GetInt64(0);
        }

        return sequences;
    }

    private TableShape Table<T>(params string[] properties)
    {
        var entityType = _db.Model.FindEntityType(typeof(T))!;
        var columns = properties.Select(p => entityType.FindProperty(p)!).ToList();
        return new TableShape(
            Quote(entityType.GetTableName()!),
            [.. columns.Select(p => Quote(p.GetColumnName()))],
            [.. columns.Select(p => p.GetRelationalTypeMapping())]);
    }

    private static string Quote(string name) => $"\"{name}\"";

    private sealed record TableShape(string Name, string[] Columns, RelationalTypeMapping[] Mappings);
}
