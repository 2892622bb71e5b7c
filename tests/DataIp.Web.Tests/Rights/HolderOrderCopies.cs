using DataIp.Data;
using DataIp.Domain.Registration;
using DataIp.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataIp.Web.Tests.Rights;

/// <summary>
/// The holder's share rows copy their registration's end of validity and whether it has ended
/// (RightHolder.ValidUntil, .Ended: the order of "my registrations"). One source: the application.
/// Tests whose histories change validity or end registrations (registration, renewal, transfer to
/// a new holder, revocation, cancellation, expiry, the demo) end by proving every copy equals it.
/// </summary>
internal static class HolderOrderCopies
{
    /// <summary>Every holder row equals its registration; returns how many rows were compared.</summary>
    public static async Task<int> AssertEqualTheRegistrationsAsync(RegistryFactory platform)
    {
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var rows = await db.RightHolders.AsNoTracking()
            .Join(db.Applications.AsNoTracking(), h => h.ApplicationId, a => a.Id, (h, a) => new { a.RegistrationNumber, h.Name, h.ValidUntil, h.Ended, Registered = a.ValidUntil, a.State })
            .ToListAsync();
        Assert.NotEmpty(rows);
        Assert.All(rows, r =>
        {
            Assert.Equal((r.Registered ?? DateOnly.MaxValue, r.State != ApplicationState.Registered), (r.ValidUntil, r.Ended));
            Assert.NotNull(r.RegistrationNumber);
        });
        return rows.Count;
    }

    /// <summary>Every application's industry column equals the one its content gives (ApplicationRecord.SetContent).</summary>
    public static async Task AssertIndustryCopiesAsync(RegistryFactory platform)
    {
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var applications = await db.Applications.AsNoTracking().ToListAsync();
        Assert.Contains(applications, a => a.IndustryCode is not null);
        Assert.All(applications, a =>
        {
            var expected = new Data.Applications.ApplicationRecord();
            expected.SetContent(a.Content);
            Assert.Equal((expected.DataName, expected.IndustryCode), (a.DataName, a.IndustryCode));
        });
    }
}
