using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using DataIp.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace DataIp.Testing;

/// <summary>
/// Creates and removes throwaway databases for tests: a file-backed SQLite database per call, or a
/// uniquely named database on the PostgreSQL server named by <c>DATAIP_TEST_POSTGRES</c>.
/// </summary>
/// <remarks>
/// Every database is fresh and owned by one caller (a test class fixture, typically), so tests never
/// share rows. All members are thread-safe: they keep no state beyond the process environment.
/// </remarks>
public static class TestDatabases
{
    /// <summary>The environment variable <c>./test.sh</c> sets to the server's connection string.</summary>
    public const string PostgresVariable = "DATAIP_TEST_POSTGRES";

    // PostgreSQL truncates identifiers to NAMEDATALEN - 1 bytes; a longer name would silently collide.
    private const int MaxIdentifierLength = 63;

    // 8 hex digits: 2^32 names per prefix, plenty for the databases of one test run.
    private const int SuffixLength = 8;

    /// <summary>
    /// The connection string of the test PostgreSQL server (no database named), from
    /// <c>DATAIP_TEST_POSTGRES</c>; <see langword="null"/> when the variable is unset or blank.
    /// </summary>
    public static string? PostgresServerConnectionString =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { } value && !string.IsNullOrWhiteSpace(value)
            ? value
            : null;

    /// <summary>Both providers, for <c>[MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]</c>.</summary>
    public static TheoryData<DatabaseProvider> Providers =>
        new(DatabaseProvider.Sqlite, DatabaseProvider.Postgres);

    /// <summary>
    /// Creates an empty database with a unique name derived from <paramref name="prefix"/> on the test
    /// PostgreSQL server and returns a connection string for it. Drop it with
    /// <see cref="DropPostgresDatabaseAsync"/>.
    /// </summary>
    /// <remarks>
    /// Without <c>DATAIP_TEST_POSTGRES</c>, the calling test is skipped (<see cref="Assert.Skip"/>) so a
    /// plain <c>dotnet test</c> reports skips, never silent passes; on CI (<c>CI=true</c>) it throws
    /// instead, because there a missing server means the run is broken.
    /// </remarks>
    /// <param name="prefix">Any text naming the owner, e.g. the test class; it is lowercased and sanitized.</param>
    /// <exception cref="InvalidOperationException">On CI, when <c>DATAIP_TEST_POSTGRES</c> is not set.</exception>
    public static async Task<string> CreatePostgresDatabaseAsync(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var server = PostgresServerConnectionString ?? SkipOrThrowForMissingServer();
        var name = NewDatabaseName(prefix);

        await using (var connection = new NpgsqlConnection(AdminConnectionString(server)))
        {
            await connection.OpenAsync();
            // The name is built from [a-z0-9_] only (NewDatabaseName), so quoting it is enough.
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    /// <summary>
    /// Drops the database named in <paramref name="connectionString"/>, first closing every
    /// connection to it (<c>WITH (FORCE)</c>). Dropping a database that does not exist is not an error.
    /// </summary>
    /// <param name="connectionString">A connection string returned by <see cref="CreatePostgresDatabaseAsync"/>.</param>
    public static async Task DropPostgresDatabaseAsync(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        if (string.IsNullOrEmpty(name) || !IsGeneratedName(name))
        {
            throw new ArgumentException(
                $"Refusing to drop database '{name}': it was not made by {nameof(CreatePostgresDatabaseAsync)}.",
                nameof(connectionString));
        }

        // Pooled idle connections would be killed by FORCE anyway; clearing the pool first spares
        // the next user of this process a broken connection.
        await using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await using var connection = new NpgsqlConnection(AdminConnectionString(connectionString));
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Creates a new temporary directory and returns a connection string for a SQLite database file
    /// inside it. Pooling is off so that no handle outlives the connection and the directory can be
    /// deleted with <see cref="DeleteDirectory"/>.
    /// </summary>
    /// <param name="directory">The new directory; the caller deletes it.</param>
    public static string CreateSqliteConnectionString(out string directory)
    {
        directory = Directory.CreateTempSubdirectory("dataip-test-").FullName;
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(directory, "test.db"),
            Pooling = false,
        }.ConnectionString;
    }

    /// <summary>
    /// Deletes <paramref name="directory"/> and everything in it, best effort: a leftover temporary
    /// directory must not fail a test that otherwise passed.
    /// </summary>
    /// <param name="directory">A directory from <see cref="CreateSqliteConnectionString"/>.</param>
    public static void DeleteDirectory(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort by contract; the OS cleans /tmp eventually.
        }
    }

    /// <summary>
    /// A database name from <paramref name="prefix"/>: lowercased, anything outside [a-z0-9_] turned
    /// into '_', starting with a letter, then '_' and a random hex suffix; at most 63 characters.
    /// </summary>
    internal static string NewDatabaseName(string prefix)
    {
        var sanitized = new StringBuilder("t_");
        foreach (var c in prefix.ToLowerInvariant())
        {
            sanitized.Append(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' ? c : '_');
        }

        var maxPrefix = MaxIdentifierLength - 1 - SuffixLength;
        var head = sanitized.Length > maxPrefix ? sanitized.ToString(0, maxPrefix) : sanitized.ToString();
        var suffix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(SuffixLength / 2));
        return $"{head}_{suffix}";
    }

    private static bool IsGeneratedName(string name) =>
        name.StartsWith("t_", StringComparison.Ordinal)
        && name.Length <= MaxIdentifierLength
        && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_');

    // CREATE/DROP DATABASE run from the maintenance database, never from the one being dropped.
    private static string AdminConnectionString(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false }.ConnectionString;

    private static string SkipOrThrowForMissingServer()
    {
        const string message = PostgresVariable + " is not set: run the tests through ./test.sh, which starts PostgreSQL";
        var ci = Environment.GetEnvironmentVariable("CI");
        if (string.Equals(ci, "true", StringComparison.OrdinalIgnoreCase) || ci == "1")
        {
            throw new InvalidOperationException(message);
        }

        Assert.Skip(message);
        throw new UnreachableException(); // Assert.Skip always throws.
    }
}
