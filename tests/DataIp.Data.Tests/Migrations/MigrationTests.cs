using DataIp.Data;
using DataIp.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

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

    // ActSalts moved the salts from one ActSecrets row per private field into the act row; a
    // database written before it keeps every salt (and Down puts them back).
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ActSalts_ExistingSecrets_FoldedIntoTheActRowAndBack(DatabaseProvider provider)
    {
        await using var registry = await TestRegistry.CreateAsync(provider, migrate: false);
        await using var db = registry.Open();
        var migrator = db.GetService<IMigrator>();
        var migrations = db.Database.GetMigrations().ToList();
        var actSalts = migrations.Single(m => m.EndsWith("_ActSalts", StringComparison.Ordinal));
        var before = migrations[migrations.IndexOf(actSalts) - 1];
        await migrator.MigrateAsync(before);

        var actId = Guid.NewGuid();
        var salts = new Dictionary<string, byte[]> { ["content"] = [.. Enumerable.Range(1, 16).Select(i => (byte)i)], ["dataName"] = [.. Enumerable.Range(200, 16).Select(i => (byte)i)] };
        var sqlite = provider == DatabaseProvider.Sqlite;
        object id = sqlite ? actId.ToString().ToUpperInvariant() : actId;
        object at = sqlite ? DateTimeOffset.UnixEpoch.UtcTicks : DateTimeOffset.UnixEpoch;
        await db.Database.ExecuteSqlRawAsync(
            """INSERT INTO "Acts" ("LogIndex", "Id", "Type", "ActorRole", "ActorName", "At", "Payload") VALUES (0, {0}, 'submit', 'applicant', 'a', {1}, '{{}}')""", id, at);
        await db.Database.ExecuteSqlRawAsync(
            """INSERT INTO "Acts" ("LogIndex", "Id", "Type", "ActorRole", "ActorName", "At", "Payload") VALUES (1, {0}, 'withdraw', 'applicant', 'a', {1}, '{{}}')""",
            sqlite ? Guid.NewGuid().ToString().ToUpperInvariant() : Guid.NewGuid(), at);
        foreach (var (name, salt) in salts)
        {
            await db.Database.ExecuteSqlRawAsync("""INSERT INTO "ActSecrets" ("ActId", "Name", "Salt") VALUES ({0}, {1}, {2})""", id, name, salt);
        }

        await migrator.MigrateAsync();
        var acts = await db.Acts.AsNoTracking().OrderBy(a => a.LogIndex).ToListAsync();
        Assert.True(DataIp.Data.TransparencyLog.LogAppender.TryReadSalts(acts[0].Salts, out var folded), acts[0].Salts);
        Assert.Equal(salts.OrderBy(s => s.Key), folded.OrderBy(s => s.Key));
        Assert.Null(acts[1].Salts);

        await migrator.MigrateAsync(before);
        var restored = await db.Database.SqlQueryRaw<int>("""SELECT COUNT(*) AS "Value" FROM "ActSecrets" """).SingleAsync();
        Assert.Equal(2, restored);
    }

    // IndustryColumn adds ApplicationRecord.IndustryCode and fills it from each stored content:
    // applications written before it get the copy SetContent gives new ones (a malformed code none).
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task IndustryColumn_ExistingApplications_CopyTheirContentsCode(DatabaseProvider provider)
    {
        await using var registry = await TestRegistry.CreateAsync(provider);
        await using var db = registry.Open();
        await ReferenceData.SeedAsync(db, DateTimeOffset.UnixEpoch, CancellationToken.None);
        var body = await db.Bodies.FirstAsync();
        var applicant = new Accounts.Account { Id = Guid.NewGuid(), UserName = "a@example.cn", DisplayName = "a", CreatedAt = DateTimeOffset.UnixEpoch };
        db.Users.Add(applicant);
        string[] codes = ["I65", "C13", "X99", "i65", ""];
        foreach (var code in codes)
        {
            var application = new Applications.ApplicationRecord { Id = Guid.NewGuid(), BodyId = body.Id, ApplicantId = applicant.Id, CreatedAt = DateTimeOffset.UnixEpoch };
            application.SetContent(new Domain.Registration.ApplicationContent { DataObject = new Domain.Registration.DataObjectParticulars { DataName = $"数据集 {code}", IndustryCode = code.Length == 0 ? null : code } });
            db.Applications.Add(application);
        }

        await db.SaveChangesAsync();
        var copied = await db.Applications.AsNoTracking().OrderBy(a => a.DataName).Select(a => new { a.DataName, a.IndustryCode }).ToListAsync();
        Assert.Equal(["C13", "I65"], copied.Select(c => c.IndustryCode).OfType<string>().Order(StringComparer.Ordinal));
        Assert.Equal(3, copied.Count(c => c.IndustryCode is null));

        var migrator = db.GetService<IMigrator>();
        var migrations = db.Database.GetMigrations().ToList();
        var industry = migrations.Single(m => m.EndsWith("_IndustryColumn", StringComparison.Ordinal));
        await migrator.MigrateAsync(migrations[migrations.IndexOf(industry) - 1]);
        await migrator.MigrateAsync();

        db.ChangeTracker.Clear();
        var migrated = await db.Applications.AsNoTracking().OrderBy(a => a.DataName).Select(a => new { a.DataName, a.IndustryCode }).ToListAsync();
        Assert.Equal(copied, migrated);
    }
}
