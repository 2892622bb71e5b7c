using DataIp.Data;
using DataIp.Testing;
using DataIp.Web.Features.Search;
using DataIp.Web.Tests.Certificates;
using DataIp.Web.Tests.Infrastructure;
using DataIp.Web.Tests.Lifecycle;
using DataIp.Web.Tests.Rights;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataIp.Web.Tests.Search;

/// <summary>
/// The search rows are what <see cref="SearchDocument.From"/> makes of the register now: after the
/// demo, and after every step of a rights history (a change of data name, a transfer to a new
/// holder, a cancellation), with no start in between (so the act pipeline's keep step, not the
/// backfill, made them); a stale or missing row is remade at start.
/// </summary>
public sealed class SearchIndexTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task AfterTheDemo_EveryPublicApplicationHasItsCurrentRow_AndNoOtherHasOne(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider, DateTimeOffset.UtcNow, demo: true);

        var rows = await AssertRowsAreCurrentAsync(platform);

        Assert.True(rows >= 5, $"{rows} public applications in the demo");
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task AfterEachActOfARightsHistory_TheRowIsCurrent_AndSearchFollows(DatabaseProvider provider)
    {
        await using var platform = await CertificateIssuanceTests.StartAsync(provider);
        var (holder, examiner, id) = await CertificateIssuanceTests.RegisterAsync(platform);
        var number = await RightsTests.RegistrationNumberAsync(holder, id);
        var anyone = platform.CreateClient();
        await AssertRowsAreCurrentAsync(platform);

        await platform.SetTimeAsync(LifecycleWalkTests.At(2025, 10, 9, 10));
        var change = (await holder.PostJsonAsync($"/api/v1/registrations/{number}/changes", new { dataName = "港口集装箱吞吐数据集" }).AcceptedAsync())
            .GetProperty("act").GetProperty("payload").Str("changeId");
        await examiner.PostJsonAsync($"/api/v1/registrations/{number}/changes/{change}/approve").OkAsync();
        await AssertRowsAreCurrentAsync(platform);
        Assert.Equal(1, (await anyone.GetAsync("/api/v1/search?q=集装箱").OkAsync()).GetProperty("total").GetInt32());
        Assert.Equal(0, (await anyone.GetAsync("/api/v1/search?q=流量").OkAsync()).GetProperty("total").GetInt32());

        var buyer = await platform.ApplicantAsync();
        var buyerName = (await buyer.GetAsync("/api/v1/accounts/me").OkAsync()).Str("displayName");
        var transfer = (await holder.PostJsonAsync($"/api/v1/registrations/{number}/transfers", new { transfereeAccountId = await RightsTests.AccountIdAsync(buyer) }).AcceptedAsync())
            .GetProperty("act").GetProperty("payload").GetProperty("transfer").Str("number");
        await buyer.PostJsonAsync($"/api/v1/registrations/{number}/transfers/{transfer}/accept").OkAsync();
        await AssertRowsAreCurrentAsync(platform);
        var found = (await anyone.GetAsync("/api/v1/search?q=集装箱").OkAsync()).GetProperty("items")[0];
        Assert.Contains(buyerName, found.GetProperty("holders").EnumerateArray().Select(h => h.GetString()));

        await buyer.PostJsonAsync($"/api/v1/registrations/{number}/cancellation", new { reason = "product discontinued" }).OkAsync();
        await AssertRowsAreCurrentAsync(platform);
        Assert.Equal(1, (await anyone.GetAsync("/api/v1/search?q=集装箱&state=cancelled").OkAsync()).GetProperty("total").GetInt32());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Backfill_RemakesMissingAndStaleRows_ThenNothing(DatabaseProvider provider)
    {
        await using var platform = await CertificateIssuanceTests.StartAsync(provider);
        var (_, _, id) = await CertificateIssuanceTests.RegisterAsync(platform);
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var logger = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        await db.SearchEntries.Where(e => e.ApplicationId == Guid.Parse(id)).ExecuteUpdateAsync(s => s.SetProperty(e => e.Version, -1).SetProperty(e => e.DataName, "stale"));
        Assert.Equal(1, await SearchIndex.BackfillAsync(db, logger, CancellationToken.None));
        await db.SearchEntries.ExecuteDeleteAsync();
        Assert.Equal(1, await SearchIndex.BackfillAsync(db, logger, CancellationToken.None));
        Assert.Equal(0, await SearchIndex.BackfillAsync(db, logger, CancellationToken.None));

        await AssertRowsAreCurrentAsync(platform);
        Assert.Equal(1, (await platform.CreateClient().GetAsync("/api/v1/search?q=交通流量").OkAsync()).GetProperty("total").GetInt32());
    }

    /// <summary>Asserts that every public application's row equals <see cref="SearchDocument.From"/> now and that no other application has one.</summary>
    /// <returns>How many rows there are.</returns>
    internal static async Task<int> AssertRowsAreCurrentAsync(RegistryFactory platform)
    {
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var applications = await db.Applications.Include(a => a.Body).AsNoTracking().ToListAsync();
        var holders = (await db.RightHolders.AsNoTracking().OrderBy(h => h.Position).ToListAsync()).ToLookup(h => h.ApplicationId, h => h.Name);
        var certificates = (await db.Certificates.AsNoTracking().OrderBy(c => c.IssuedAt).ThenBy(c => c.CertificateNumber).ToListAsync())
            .ToLookup(c => c.ApplicationId, c => c.CertificateNumber);
        var pilots = (await db.PilotAliases.AsNoTracking().OrderBy(p => p.PilotNumber).ToListAsync()).ToLookup(p => p.ApplicationId, p => p.PilotNumber);
        var rows = await db.SearchEntries.AsNoTracking().ToDictionaryAsync(e => e.ApplicationId);
        foreach (var application in applications)
        {
            if (!SearchDocument.IsPublic(application))
            {
                Assert.False(rows.ContainsKey(application.Id), $"{application.DataName} ({application.State}) is not public but has a search row");
                continue;
            }

            var names = holders[application.Id].ToList() is { Count: > 0 } held ? held : Web.Features.Certificates.CertificateIssuer.Holders(application.Content);
            var expected = SearchDocument.From(application, names, [.. certificates[application.Id], .. pilots[application.Id]]);
            Assert.True(rows.TryGetValue(application.Id, out var row), $"{application.DataName} ({application.State}) has no search row");
            Assert.True(SearchDocument.Same(row, expected),
                $"{application.DataName}: stored {row.Version}/{row.DataName}/{string.Join(',', row.Holders)}/{row.State}, expected {expected.Version}/{expected.DataName}/{string.Join(',', expected.Holders)}/{expected.State}");
        }

        return rows.Count;
    }
}
