using System.Data.Common;
using System.Text;
using DataIp.Data.Acts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace DataIp.Data.TransparencyLog;

/// <summary>
/// Inserts the rows of appended acts (the act, its entry, its salts) with plain commands in the
/// context's transaction, without the change tracker. Table names, column names, and how each value
/// is stored (a Guid as SQLite TEXT, a DateTimeOffset as UTC ticks, …) all come from the EF model
/// and its type mappings, so the rows are exactly those EF would write.
/// </summary>
/// <remarks>
/// Why not EF's <c>SaveChanges</c>: it cost about 50 µs of CPU per row here, most of it in the
/// change tracker and command building, for eight rows per act. SQLite is in-process, so one
/// prepared single-row statement run once per row is cheapest (a multi-row statement binds its
/// parameters by name in time quadratic in their number); PostgreSQL pays a round trip per
/// statement, so it gets multi-row statements.
/// </remarks>
internal sealed class LogRowWriter
{
    private const int PostgresRowsPerStatement = 200;

    private readonly RegistryDbContext _db;
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly int _rowsPerStatement;
    private readonly bool _positional;

    public LogRowWriter(RegistryDbContext db)
    {
        _db = db;
        _connection = db.Database.GetDbConnection();
        _transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Log entries must be written inside the acts' transaction; none is open.");
        _rowsPerStatement = db.Provider == DatabaseProvider.Sqlite ? 1 : PostgresRowsPerStatement;
        // Npgsql sends $1, $2, … with unnamed parameters as they are; named ones would make it
        // parse and rewrite a statement of some thousand parameters.
        _positional = db.Provider == DatabaseProvider.Postgres;
    }

    /// <summary>Inserts the acts; returns each act's <see cref="Act.Sequence"/>, by act id.</summary>
    public async Task<Dictionary<Guid, long>> InsertActsAsync(IReadOnlyList<Act> acts, bool async, CancellationToken cancellationToken)
    {
        var table = Table<Act>(
            nameof(Act.LogIndex), nameof(Act.Id), nameof(Act.ApplicationId), nameof(Act.Type), nameof(Act.ActorId),
            nameof(Act.ActorRole), nameof(Act.ActorName), nameof(Act.At), nameof(Act.Reason), nameof(Act.Payload));
        var returning = $" RETURNING {Column<Act>(nameof(Act.Id))}, {Column<Act>(nameof(Act.Sequence))}";
        var sequences = new Dictionary<Guid, long>(acts.Count);
        await InsertAsync(table, acts, a => [a.LogIndex, a.Id, a.ApplicationId, a.Type, a.ActorId, a.ActorRole, a.ActorName, a.At, a.Reason, a.Payload],
            returning, reader => sequences.Add(reader.GetGuid(0), reader.GetInt64(1)), async, cancellationToken).ConfigureAwait(false);
        return sequences;
    }

    /// <summary>Inserts the log entries.</summary>
    public Task InsertEntriesAsync(IReadOnlyList<LogEntry> entries, bool async, CancellationToken cancellationToken) =>
        InsertAsync(Table<LogEntry>(nameof(LogEntry.Index), nameof(LogEntry.ActId), nameof(LogEntry.LeafHash), nameof(LogEntry.Entry)),
            entries, e => [e.Index, e.ActId, e.LeafHash, e.Entry], "", null, async, cancellationToken);

    /// <summary>Inserts the salts.</summary>
    public Task InsertSecretsAsync(IReadOnlyList<ActSecret> secrets, bool async, CancellationToken cancellationToken) =>
        InsertAsync(Table<ActSecret>(nameof(ActSecret.ActId), nameof(ActSecret.Name), nameof(ActSecret.Salt)),
            secrets, s => [s.ActId, s.Name, s.Salt], "", null, async, cancellationToken);

    private async Task InsertAsync<T>(
        TableShape table, IReadOnlyList<T> rows, Func<T, object?[]> values, string returning, Action<DbDataReader>? read, bool async, CancellationToken cancellationToken)
    {
        await using var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        var (sqlRows, sql) = (0, "");
        for (var start = 0; start < rows.Count; start += _rowsPerStatement)
        {
            var count = Math.Min(_rowsPerStatement, rows.Count - start);
            if (count != sqlRows)
            {
                // The same text keeps SQLite's prepared statement for the next row.
                (sqlRows, sql) = (count, table.InsertSql(count, _positional) + returning);
                command.CommandText = sql;
            }

            command.Parameters.Clear();
            for (var row = 0; row < count; row++)
            {
                var rowValues = values(rows[start + row]);
                for (var column = 0; column < rowValues.Length; column++)
                {
                    var name = _positional ? "" : TableShape.Placeholder((row * rowValues.Length) + column, positional: false);
                    command.Parameters.Add(table.Mappings[column].CreateParameter(command, name, rowValues[column]));
                }
            }

            if (read is null)
            {
                _ = async ? await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) : command.ExecuteNonQuery();
                continue;
            }

            await using var reader = async ? await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false) : command.ExecuteReader();
            while (async ? await reader.ReadAsync(cancellationToken).ConfigureAwait(false) : reader.Read())
            {
                read(reader);
            }
        }
    }

    private TableShape Table<T>(params string[] properties)
    {
        var entityType = EntityType<T>();
        var columns = properties.Select(p => entityType.FindProperty(p)!).ToList();
        return new TableShape(
            Quote(entityType.GetTableName()!),
            [.. columns.Select(p => Quote(p.GetColumnName()))],
            [.. columns.Select(p => p.GetRelationalTypeMapping())]);
    }

    private string Column<T>(string property) => Quote(EntityType<T>().FindProperty(property)!.GetColumnName());

    private IEntityType EntityType<T>() => _db.Model.FindEntityType(typeof(T))!;

    private static string Quote(string name) => $"\"{name}\"";

    private sealed record TableShape(string Name, string[] Columns, RelationalTypeMapping[] Mappings)
    {
        public static string Placeholder(int number, bool positional) =>
            positional ? $"${number + 1}" : $"@p{number}";

        public string InsertSql(int rows, bool positional)
        {
            var sql = new StringBuilder($"INSERT INTO {Name} ({string.Join(", ", Columns)}) VALUES ");
            for (var row = 0; row < rows; row++)
            {
                sql.Append(row == 0 ? "(" : ", (");
                sql.AppendJoin(", ", Columns.Select((_, column) => Placeholder((row * Columns.Length) + column, positional)));
                sql.Append(')');
            }

            return sql.ToString();
        }
    }
}
