using System.Globalization;
using System.Security.Cryptography;
using DataIp.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DataIp.Bench;

/// <summary>
/// A fresh, migrated register database for one benchmark run, configured as the application
/// configures it: SQLite through <see cref="DatabaseOptions.SqliteIn"/> and
/// <see cref="RegistryDatabase.MigrateAsync"/> (WAL), PostgreSQL as a new database on the server
/// given by <c>--connection</c> or <c>DATAIP_BENCH_POSTGRES</c>. Removed on dispose.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "DATAIP_BENCH_POSTGRES";

    private readonly string? _sqliteDirectory;

    private BenchDatabase(DatabaseOptions options, string? sqliteDirectory)
    {
        Options = options;
        _sqliteDirectory = sqliteDirectory;
    }

    public DatabaseOptions Options { get; }

    public DatabaseProvider Provider => Options.Provider;

    /// <summary>The durability settings in force, e.g. "journal_mode=wal synchronous=FULL".</summary>
    public string Durability { get; private set; } = "";

    /// <summary>Whether every commit reaches the disk before it returns.</summary>
    public bool IsDurable { get; private set; }

    public static async Task<BenchDatabase> CreateAsync(BenchArguments args, CancellationToken ct)
    {
        var provider = args.Provider();
        var workDirectory = args.String("data-dir", Path.GetTempPath());
        var server = args.OptionalString("connection") ?? Environment.GetEnvironmentVariable(PostgresVariable);
        BenchDatabase database;
        if (provider == DatabaseProvider.Sqlite)
        {
            var directory = Path.Combine(workDirectory, "dataip-bench-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)));
            Directory.CreateDirectory(directory);
            database = new BenchDatabase(DatabaseOptions.SqliteIn(directory), directory);
        }
        else
        {
            if (string.IsNullOrWhiteSpace(server))
            {
                throw new BenchUsageException($"PostgreSQL needs --connection or {PostgresVariable} (a server connection string).");
            }

            database = new BenchDatabase(new DatabaseOptions(provider, await CreatePostgresDatabaseAsync(server, ct)), null);
        }

        await using var db = database.Open();
        await RegistryDatabase.MigrateAsync(db, ct);
        await database.ReadDurabilityAsync(ct);
        return database;
    }

    public RegistryDbContext Open() => RegistryDatabase.CreateContext(Options);

    public async ValueTask DisposeAsync()
    {
        if (_sqliteDirectory is not null)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_sqliteDirectory, recursive: true);
            return;
        }

        NpgsqlConnection.ClearAllPools();
        var name = new NpgsqlConnectionStringBuilder(Options.ConnectionString).Database!;
        await using var connection = new NpgsqlConnection(AdminConnectionString(Options.ConnectionString));
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>Runs one scalar query on a connection of its own.</summary>
    public async Task<string> ScalarAsync(string sql, CancellationToken ct)
    {
        await using var db = Open();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) ?? "";
    }

    private async Task ReadDurabilityAsync(CancellationToken ct)
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            // PRAGMA synchronous: 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA. In WAL mode only FULL and EXTRA
            // sync the WAL on every commit; NORMAL may lose the last commits on power loss.
            var mode = await ScalarAsync("PRAGMA journal_mode", ct);
            var synchronous = await ScalarAsync("PRAGMA synchronous", ct);
            Durability = $"journal_mode={mode} synchronous={synchronous switch { "0" => "OFF", "1" => "NORMAL", "2" => "FULL", "3" => "EXTRA", _ => synchronous }}";
            IsDurable = synchronous is "2" or "3";
            return;
        }

        var fsync = await ScalarAsync("SHOW fsync", ct);
        var commit = await ScalarAsync("SHOW synchronous_commit", ct);
        var pages = await ScalarAsync("SHOW full_page_writes", ct);
        var version = await ScalarAsync("SHOW server_version", ct);
        Durability = $"PostgreSQL {version} fsync={fsync} synchronous_commit={commit} full_page_writes={pages}";
        IsDurable = fsync == "on" && commit is "on" or "remote_write" or "remote_apply" && pages == "on";
    }

    private static async Task<string> CreatePostgresDatabaseAsync(string server, CancellationToken ct)
    {
        var name = "bench_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        await using (var connection = new NpgsqlConnection(AdminConnectionString(server)))
        {
            await connection.OpenAsync(ct);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync(ct);
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    private static string AdminConnectionString(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false }.ConnectionString;
}
