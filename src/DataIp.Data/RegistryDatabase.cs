using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace DataIp.Data;

/// <summary>Where the register's database is.</summary>
/// <param name="Provider">SQLite or PostgreSQL.</param>
/// <param name="ConnectionString">The provider's connection string.</param>
public sealed record DatabaseOptions(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>The embedded default: a SQLite file in <paramref name="dataDirectory"/>.</summary>
    public static DatabaseOptions SqliteIn(string dataDirectory) =>
        new(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDirectory, "registry.db"),
            DefaultTimeout = 30,
        }.ToString());
}

/// <summary>Registers the register's database with dependency injection.</summary>
public static class RegistryDatabase
{
    /// <summary>
    /// Registers the provider's context and makes <see cref="RegistryDbContext"/> resolve to it.
    /// EF Core interceptors registered as <see cref="IInterceptor"/> services are added to every
    /// context (the tests' fault injection uses this seam).
    /// </summary>
    public static IServiceCollection AddRegistryDatabase(this IServiceCollection services, DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                services.AddDbContext<SqliteRegistryDbContext>((sp, o) => ConfigureSqlite(o.AddInterceptors(sp.GetServices<IInterceptor>()), options.ConnectionString));
                services.AddScoped<RegistryDbContext>(sp => sp.GetRequiredService<SqliteRegistryDbContext>());
                break;
            case DatabaseProvider.Postgres:
                services.AddDbContext<PostgresRegistryDbContext>((sp, o) => ConfigurePostgres(o.AddInterceptors(sp.GetServices<IInterceptor>()), options.ConnectionString));
                services.AddScoped<RegistryDbContext>(sp => sp.GetRequiredService<PostgresRegistryDbContext>());
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(options), options.Provider, "Unknown database provider.");
        }

        return services;
    }

    /// <summary>Creates a context outside dependency injection (CLI, tests, design time).</summary>
    public static RegistryDbContext CreateContext(DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = new DbContextOptionsBuilder<SqliteRegistryDbContext>();
                ConfigureSqlite(sqlite, options.ConnectionString);
                return new SqliteRegistryDbContext(sqlite.Options);
            case DatabaseProvider.Postgres:
                var postgres = new DbContextOptionsBuilder<PostgresRegistryDbContext>();
                ConfigurePostgres(postgres, options.ConnectionString);
                return new PostgresRegistryDbContext(postgres.Options);
            default:
                throw new ArgumentOutOfRangeException(nameof(options), options.Provider, "Unknown database provider.");
        }
    }

    /// <summary>
    /// Applies pending migrations. On SQLite it first switches the file to write-ahead logging, so
    /// readers never block the writer. On PostgreSQL it first creates the migrations' history table
    /// if the database has none yet: the provider finds out whether it exists by reading it, which
    /// logs a failed command (an error) on every new database although nothing is wrong
    /// (npgsql/efcore.pg#3407).
    /// </summary>
    public static async Task MigrateAsync(RegistryDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Provider == DatabaseProvider.Postgres
            && await db.Database.GetService<IRelationalDatabaseCreator>().ExistsAsync(cancellationToken).ConfigureAwait(false))
        {
            var createHistory = db.Database.GetService<IHistoryRepository>().GetCreateIfNotExistsScript();
            await db.Database.ExecuteSqlRawAsync(createHistory, cancellationToken).ConfigureAwait(false);
        }

        if (db.Provider == DatabaseProvider.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            var directory = Path.GetDirectoryName(Path.GetFullPath(file));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await db.Database.CloseConnectionAsync().ConfigureAwait(false);
            }
        }

        await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
    }

    // Checkpoints are the sequencer's job (SqliteWal), not the committing writer's.
    private static void ConfigureSqlite(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseSqlite(connectionString).AddInterceptors(SqliteWal.ConnectionSetup.Instance);

    private static void ConfigurePostgres(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseNpgsql(connectionString);
}
