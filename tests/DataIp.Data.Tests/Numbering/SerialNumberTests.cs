using DataIp.Data.Numbering;
using DataIp.Testing;

namespace DataIp.Data.Tests.Numbering;

/// <summary>Serials are gap-free per scope: a rolled-back transaction gives its serial back.</summary>
public sealed class SerialNumberTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Next_RolledBack_SerialReused(DatabaseProvider provider)
    {
        await using var registry = await TestRegistry.CreateAsync(provider);
        await using var db = registry.Open();

        await using (var committed = await db.Database.BeginTransactionAsync())
        {
            Assert.Equal(1, await SerialNumbers.NextAsync(db, "test:a", CancellationToken.None));
            Assert.Equal(2, await SerialNumbers.NextAsync(db, "test:a", CancellationToken.None));
            Assert.Equal(1, await SerialNumbers.NextAsync(db, "test:b", CancellationToken.None));
            await committed.CommitAsync();
        }

        await using (var rolledBack = await db.Database.BeginTransactionAsync())
        {
            Assert.Equal(3, await SerialNumbers.NextAsync(db, "test:a", CancellationToken.None));
            await rolledBack.RollbackAsync();
        }

        await using var again = await db.Database.BeginTransactionAsync();
        Assert.Equal(3, await SerialNumbers.NextAsync(db, "test:a", CancellationToken.None));
    }

    [Fact]
    public async Task Next_OutsideTransaction_Throws()
    {
        await using var registry = await TestRegistry.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = registry.Open();

        await Assert.ThrowsAsync<InvalidOperationException>(() => SerialNumbers.NextAsync(db, "test:a", CancellationToken.None));
    }
}
