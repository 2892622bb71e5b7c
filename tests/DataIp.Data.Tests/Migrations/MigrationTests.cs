using DataIp.Data;
using DataIp.Testing;
using Microsoft.EntityFrameworkCore;

namespace DataIp.Data.Tests.Migrations;

/// <summary>Each provider's migrations build exactly the current model, and apply to an empty database.</summary>
public sealed class MigrationTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Migrations_Provider_MatchTheModel(DatabaseProvider provider)
    {
        await using var registry = await TestRegistry.CreateAsync(provider, migrate: false);
        await using var db = registry.Open();

        // A model change without a new migration for this provider fails here.
        Assert.False(db.Database.HasPendingModelChanges(), $"The {provider} migrations lag the model: add a migration (see docs/operations.md).");
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Migrate_EmptyDatabase_AppliesAllAndSeedsReferenceData(DatabaseProvider provider)
    {
        await using var registry = await TestRegistry.CreateAsync(provider);
        await using var db = registry.Open();

        await ReferenceData.SeedAsync(db, DateTimeOffset.UnixEpoch, CancellationToken.None);
        await ReferenceData.SeedAsync(db, DateTimeOffset.UnixEpoch, CancellationToken.None);

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(17, await db.Bodies.CountAsync());
        Assert.Equal(["1100", "1200", "1300", "1400", "3100", "3200", "3300", "3400", "3500", "3700", "4100", "4200", "4300", "4400", "4403", "5200", "6100"],
            await db.Bodies.OrderBy(b => b.Code).Select(b => b.Code).ToListAsync());
        Assert.Equal([2025], await db.CalendarYears.Select(y => y.Year).ToListAsync());
        Assert.Equal(15, (await db.Bodies.SingleAsync(b => b.Code == "3100")).Policy.NoticeLength);
    }
}
