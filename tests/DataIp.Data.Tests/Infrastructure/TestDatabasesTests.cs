using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using DataIp.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace DataIp.Data.Tests.Infrastructure;

/// <summary>The test database helper hands out databases that really exist and really go away.</summary>
public sealed class TestDatabasesTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task CreateDatabase_EachProvider_AnswersSelectOne(DatabaseProvider provider)
    {
        var (connectionString, cleanUp) = await CreateDatabaseAsync(provider);
        try
        {
            await using var connection = Connect(provider, connectionString);
            await connection.OpenAsync(TestContext.Current.CancellationToken);

            var one = await ScalarAsync(connection, "SELECT 1");

            Assert.Equal(1L, Convert.ToInt64(one, CultureInfo.InvariantCulture));
        }
        finally
        {
            await cleanUp();
        }
    }

    [Fact]
    public async Task CreatePostgresDatabase_Connect_IsInTheNewlyNamedDatabase()
    {
        var connectionString = await TestDatabases.CreatePostgresDatabaseAsync(nameof(TestDatabasesTests));
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(TestContext.Current.CancellationToken);

            var database = (string?)await ScalarAsync(connection, "SELECT current_database()");

            Assert.Equal(new NpgsqlConnectionStringBuilder(connectionString).Database, database);
            Assert.StartsWith("t_testdatabasestests_", database);
        }
        finally
        {
            await TestDatabases.DropPostgresDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public async Task DropPostgresDatabase_AfterCreate_DatabaseIsGone()
    {
        var connectionString = await TestDatabases.CreatePostgresDatabaseAsync("drop-check");
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        await using (var open = new NpgsqlConnection(connectionString))
        {
            // An open connection must not stop the drop: WITH (FORCE) closes it.
            await open.OpenAsync(TestContext.Current.CancellationToken);
            await TestDatabases.DropPostgresDatabaseAsync(connectionString);
        }

        var server = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres" };
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var count = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = $1", connection)
        {
            Parameters = { new() { Value = name } },
        };

        Assert.Equal(0L, await count.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task DropPostgresDatabase_DatabaseNotMadeByHelper_Throws()
    {
        var server = TestDatabases.PostgresServerConnectionString ?? "Host=127.0.0.1";
        var postgres = new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ConnectionString;

        await Assert.ThrowsAsync<ArgumentException>(() => TestDatabases.DropPostgresDatabaseAsync(postgres));
    }

    [Theory]
    [InlineData("TestDatabasesTests")]
    [InlineData("Données / Übersicht - 登记 #1")]
    [InlineData("9starts-with-a-digit")]
    [InlineData("a-prefix-far-longer-than-the-sixty-three-characters-postgres-keeps-in-a-name")]
    public void NewDatabaseName_AnyPrefix_IsAValidUniquePostgresIdentifier(string prefix)
    {
        var first = TestDatabases.NewDatabaseName(prefix);
        var second = TestDatabases.NewDatabaseName(prefix);

        Assert.Matches(new Regex("^t_[a-z0-9_]*_[0-9a-f]{8}$"), first);
        Assert.InRange(first.Length, 1, 63);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task DeleteDirectory_AfterSqliteUse_RemovesTheDatabaseFile()
    {
        var connectionString = TestDatabases.CreateSqliteConnectionString(out var directory);
        await using (var connection = new SqliteConnection(connectionString))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await ScalarAsync(connection, "CREATE TABLE t (x INTEGER)");
        }

        Assert.True(File.Exists(Path.Combine(directory, "test.db")));

        TestDatabases.DeleteDirectory(directory);

        Assert.False(Directory.Exists(directory));
    }

    private static async Task<(string ConnectionString, Func<Task> CleanUp)> CreateDatabaseAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            var postgres = await TestDatabases.CreatePostgresDatabaseAsync(nameof(TestDatabasesTests));
            return (postgres, () => TestDatabases.DropPostgresDatabaseAsync(postgres));
        }

        var sqlite = TestDatabases.CreateSqliteConnectionString(out var directory);
        return (sqlite, DeleteSqliteDirectory);

        Task DeleteSqliteDirectory()
        {
            TestDatabases.DeleteDirectory(directory);
            return Task.CompletedTask;
        }
    }

    private static DbConnection Connect(DatabaseProvider provider, string connectionString) =>
        provider == DatabaseProvider.Postgres ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);

    private static async Task<object?> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
    }
}
