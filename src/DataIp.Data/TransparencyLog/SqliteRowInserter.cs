using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace DataIp.Data.TransparencyLog;

/// <summary>
/// One prepared single-row <c>INSERT</c> on SQLite, run through SQLite's own C API
/// (SQLitePCLRaw, the library under Microsoft.Data.Sqlite) with its parameters bound by position.
/// </summary>
/// <remarks>
/// Microsoft.Data.Sqlite binds every parameter by name (one <c>sqlite3_bind_parameter_index</c>
/// each), builds a data reader per execution and a <c>SqliteParameter</c> per value; for the rows
/// of an act that was about half of the cost of saving it. Here the statement is prepared once
/// per save and each row costs one bind per column, one step and one reset.
/// <para>
/// Values are stored as EF stores them: each column's value converter from the model is applied
/// first (a <see cref="DateTimeOffset"/> becomes UTC ticks), then integers are INTEGER, strings
/// TEXT, byte arrays BLOB, and a <see cref="Guid"/> TEXT in upper case, as EF Core's SQLite
/// provider writes it (<c>SqliteGuidTypeMapping</c>). Tests read the rows back through EF.
/// </para>
/// </remarks>
internal sealed class SqliteRowInserter : IDisposable
{
    private readonly sqlite3 _db;
    private readonly RelationalTypeMapping[] _mappings;
    private sqlite3_stmt? _statement;

    /// <summary>Prepares <paramref name="sql"/> (one row, parameters <c>?1</c> … <c>?n</c> in column order) on the connection.</summary>
    public SqliteRowInserter(SqliteConnection connection, string sql, RelationalTypeMapping[] mappings)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        _mappings = mappings;
        Check(raw.sqlite3_prepare_v2(_db, sql, out var statement));
        _statement = statement;
        if (raw.sqlite3_bind_parameter_count(statement) != mappings.Length)
        {
            throw new InvalidOperationException($"The statement has {raw.sqlite3_bind_parameter_count(statement)} parameters, not {mappings.Length}: {sql}");
        }
    }

    /// <summary>Inserts one row; returns its rowid (for an <c>INTEGER PRIMARY KEY</c> table, the key).</summary>
    public long Insert(object?[] values)
    {
        var statement = _statement ?? throw new ObjectDisposedException(nameof(SqliteRowInserter));
        try
        {
            for (var column = 0; column < values.Length; column++)
            {
                Bind(statement, column + 1, _mappings[column], values[column]);
            }

            var rc = raw.sqlite3_step(statement);
            if (rc != raw.SQLITE_DONE)
            {
                // The transaction holds SQLite's write lock (the log's counter row is written
                // first), so SQLITE_BUSY cannot occur here; any failure is an error.
                Check(rc);
                throw new InvalidOperationException($"An INSERT returned rows (SQLite code {rc}).");
            }

            return raw.sqlite3_last_insert_rowid(_db);
        }
        finally
        {
            _ = raw.sqlite3_reset(statement);
            _ = raw.sqlite3_clear_bindings(statement);
        }
    }

    public void Dispose()
    {
        _statement?.Dispose();
        _statement = null;
    }

    private void Bind(sqlite3_stmt statement, int position, RelationalTypeMapping mapping, object? value)
    {
        if (value is not null && mapping.Converter is { } converter)
        {
            value = converter.ConvertToProvider(value);
        }

        var rc = value switch
        {
            null => raw.sqlite3_bind_null(statement, position),
            long number => raw.sqlite3_bind_int64(statement, position, number),
            int number => raw.sqlite3_bind_int64(statement, position, number),
            string text => BindText(statement, position, text),
            byte[] bytes => raw.sqlite3_bind_blob(statement, position, bytes),
            Guid guid => BindGuid(statement, position, guid),
            _ => throw new NotSupportedException($"No SQLite binding for a {value.GetType().Name} (parameter {position})."),
        };
        Check(rc);
    }

    private static int BindText(sqlite3_stmt statement, int position, string text)
    {
        // SQLitePCL copies the UTF-8 bytes (SQLITE_TRANSIENT); encode into a pooled buffer.
        var length = Encoding.UTF8.GetByteCount(text);
        var rented = System.Buffers.ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var written = Encoding.UTF8.GetBytes(text, rented);
            return raw.sqlite3_bind_text(statement, position, rented.AsSpan(0, written));
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static int BindGuid(sqlite3_stmt statement, int position, Guid guid)
    {
        Span<char> chars = stackalloc char[36];
        _ = guid.TryFormat(chars, out _, "D");
        Span<byte> utf8 = stackalloc byte[36];
        for (var i = 0; i < 36; i++)
        {
            utf8[i] = (byte)char.ToUpperInvariant(chars[i]);
        }

        return raw.sqlite3_bind_text(statement, position, utf8);
    }

    private void Check(int rc)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW))
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }
}
