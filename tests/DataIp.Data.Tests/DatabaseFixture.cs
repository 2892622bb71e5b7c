using DataIp.Testing;

namespace DataIp.Data.Tests;

/// <summary>A migrated, empty register database of one provider, dropped afterwards.</summary>
public sealed class TestRegistry : IAsyncDisposable
{
    private readonly string? _directory;

    private TestRegistry(DatabaseOptions options, string? directory)
    {
        Options = options;
        _directory = directory;
    }

    public DatabaseOptions Options { get; }

    public static async Task<TestRegistry> CreateAsync(DatabaseProvider provider, bool migrate = true)
    {
        TestRegistry registry;
        if (provider == DatabaseProvider.Postgres)
        {
            registry = new TestRegistry(new DatabaseOptions(provider, await TestDatabases.CreatePostgresDatabaseAsync("data")), null);
        }
        else
        {
            var connectionString = TestDatabases.CreateSqliteConnectionString(out var directory);
            registry = new TestRegistry(new DatabaseOptions(provider, connectionString), directory);
        }

        if (migrate)
        {
            await using var db = registry.Open();
            await RegistryDatabase.MigrateAsync(db, CancellationToken.None);
        }

        return registry;
    }

    public RegistryDbContext Open() => RegistryDatabase.CreateContext(Options);

    public async ValueTask DisposeAsync()
    {
        if (Options.Provider == DatabaseProvider.Postgres)
        {
            await TestDatabases.DropPostgresDatabaseAsync(Options.ConnectionString);
        }
        else if (_directory is not null)
        {
            TestDatabases.DeleteDirectory(_directory);
        }
    }
}
