using Microsoft.EntityFrameworkCore.Design;

namespace DataIp.Data;

/// <summary>Lets <c>dotnet ef migrations add … --context SqliteRegistryDbContext</c> build the model.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteRegistryDbContext>
{
    public SqliteRegistryDbContext CreateDbContext(string[] args) =>
        (SqliteRegistryDbContext)RegistryDatabase.CreateContext(new DatabaseOptions(DatabaseProvider.Sqlite, "Data Source=design-time.db"));
}

/// <summary>Lets <c>dotnet ef migrations add … --context PostgresRegistryDbContext</c> build the model.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresRegistryDbContext>
{
    public PostgresRegistryDbContext CreateDbContext(string[] args) =>
        (PostgresRegistryDbContext)RegistryDatabase.CreateContext(
            new DatabaseOptions(DatabaseProvider.Postgres, "Host=localhost;Database=design_time;Username=postgres"));
}
