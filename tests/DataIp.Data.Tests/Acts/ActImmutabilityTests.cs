using DataIp.Data.Acts;
using DataIp.Testing;
using Microsoft.EntityFrameworkCore;

namespace DataIp.Data.Tests.Acts;

/// <summary>Acts are appended, never rewritten, and numbered in order.</summary>
public sealed class ActImmutabilityTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task SaveChanges_ModifiedOrDeletedAct_Throws(DatabaseProvider provider)
    {
        await using var registry = await TestRegistry.CreateAsync(provider);
        await using (var db = registry.Open())
        {
            db.Acts.Add(NewAct("first", 0));
            db.Acts.Add(NewAct("second", 1));
            await db.SaveChangesAsync();
        }

        await using var edit = registry.Open();
        var acts = await edit.Acts.OrderBy(a => a.Sequence).ToListAsync();
        acts[0].Reason = "rewritten";
        await Assert.ThrowsAsync<InvalidOperationException>(() => edit.SaveChangesAsync());
        edit.ChangeTracker.Clear();
        edit.Acts.Remove(acts[1]);
        await Assert.ThrowsAsync<InvalidOperationException>(() => edit.SaveChangesAsync());

        await using var check = registry.Open();
        var stored = await check.Acts.OrderBy(a => a.Sequence).Select(a => new { a.Type, a.Reason, a.Sequence }).ToListAsync();
        Assert.Equal(["first", "second"], stored.Select(a => a.Type));
        Assert.All(stored, a => Assert.Null(a.Reason));
        Assert.True(stored[0].Sequence < stored[1].Sequence);
    }

    private static Act NewAct(string type, long logIndex) => new()
    {
        Id = Guid.NewGuid(),
        LogIndex = logIndex,
        Type = type,
        ActorRole = "system",
        ActorName = "system",
        At = DateTimeOffset.UnixEpoch,
        Payload = "{}",
    };
}
