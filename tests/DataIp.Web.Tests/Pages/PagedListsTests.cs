using System.Net;
using System.Text.RegularExpressions;
using DataIp.Data;
using DataIp.Data.Applications;
using DataIp.Domain.Registration;
using DataIp.Testing;
using DataIp.Web.Demo;
using DataIp.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataIp.Web.Tests.Pages;

/// <summary>
/// The holder's registrations and the public notices come a page at a time (measured with 100,000
/// registrations, an applicant holding 66,000 of them got a 59 MB page): every item is on exactly
/// one page, the pages follow one order, and a page number out of range is an empty page, not an error.
/// </summary>
public sealed partial class PagedListsTests
{
    private const int Extra = 60;

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task MyRegistrations_EveryRegistrationOnExactlyOnePage(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider, DateTimeOffset.UtcNow, demo: true);
        var applicant = await platform.SignedInAsync(DemoSeeder.Applicants[0].Email, DemoSeeder.Password);
        var before = Numbers(RegistrationRow(), await applicant.GetStringAsync("/registrations"));
        // A third of the copies have ended (cancelled, or past their validity): the second page then
        // starts after the last one in force.
        await CopyAsync(platform, a => a.State == ApplicationState.Registered && before.Contains(a.RegistrationNumber!), Extra, (copy, k) =>
        {
            (copy.ApplicationNumber, copy.RegistrationNumber, copy.CertificateNumber) = ($"{copy.ApplicationNumber}-{k:D3}", $"W{k:D15}", null);
            copy.ValidUntil = k % 6 == 3 ? new DateOnly(2020, 1, 1).AddDays(k) : copy.ValidUntil?.AddDays(k % 7 - 3);
            copy.State = k % 6 == 0 ? ApplicationState.Cancelled : copy.State;
        });

        var pages = new List<List<string>>();
        for (var page = 1; page <= 10; page++)
        {
            var html = await applicant.GetStringAsync($"/registrations?page={page}");
            pages.Add(Numbers(RegistrationRow(), html));
            if (!html.Contains("rel=\"next\"", StringComparison.Ordinal))
            {
                break;
            }
        }

        var all = pages.SelectMany(p => p).ToList();
        Assert.Equal(Web.Pages.Registrations.IndexModel.PageSize, pages[0].Count);
        Assert.Equal(before.Count + Extra, all.Count);
        Assert.Equal(all.Count, all.Distinct(StringComparer.Ordinal).Count());
        Assert.Superset(before.ToHashSet(), all.ToHashSet());
        await AssertInHolderOrderAsync(platform, all);
        await AssertOutOfRangeIsEmptyAsync(applicant, "/registrations", RegistrationRow());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task MyRegistrations_RegisteredBeforeHoldersWereRecorded_BackfilledAtStartAndListed(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider, DateTimeOffset.UtcNow, demo: true);
        var applicant = await platform.SignedInAsync(DemoSeeder.Applicants[0].Email, DemoSeeder.Password);
        var before = Numbers(RegistrationRow(), await applicant.GetStringAsync("/registrations"));
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var last = before[^1];
        var legacy = await db.Applications.Where(a => a.RegistrationNumber == last).Select(a => a.Id).SingleAsync();

        // A database from before the register of rights: the registration has no holder rows.
        await db.RightHolders.Where(h => h.ApplicationId == legacy).ExecuteDeleteAsync();
        Assert.DoesNotContain(last, Numbers(RegistrationRow(), await applicant.GetStringAsync("/registrations")));
        Assert.Equal(1, await Web.Features.Rights.Holders.BackfillAsync(db, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, CancellationToken.None));
        Assert.Equal(0, await Web.Features.Rights.Holders.BackfillAsync(db, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, CancellationToken.None));

        Assert.Equal(before, Numbers(RegistrationRow(), await applicant.GetStringAsync("/registrations")));
        await Rights.HolderOrderCopies.AssertEqualTheRegistrationsAsync(platform);
    }

    // What waits for a party first, then those in force by end of validity, then those that have ended by end of validity.
    private static async Task AssertInHolderOrderAsync(RegistryFactory platform, List<string> listed)
    {
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var today = Domain.Calendar.ChinaTime.ToChinaDate(platform.Clock.GetUtcNow());
        var apps = (await db.Applications.AsNoTracking().Where(a => a.RegistrationNumber != null).Select(a => new { a.Id, a.RegistrationNumber, a.State, a.ValidUntil }).ToListAsync())
            .ToDictionary(a => a.RegistrationNumber!, StringComparer.Ordinal);
        var waiting = (await db.Transfers.Where(t => t.Status == Domain.Rights.TransferStatus.Proposed).Select(t => t.ApplicationId).ToListAsync())
            .Concat(await db.Pledges.Where(p => p.Status == Domain.Rights.PledgeStatus.Filed).Select(p => p.ApplicationId).ToListAsync())
            .Concat(await db.ChangeRequests.Where(c => c.Status == Domain.Rights.ChangeStatus.Pending).Select(c => c.ApplicationId).ToListAsync())
            .ToHashSet();
        var keys = listed.Select(n => apps[n]).Select(a => (
            Group: waiting.Contains(a.Id) ? 0 : a.State == ApplicationState.Registered && a.ValidUntil >= today ? 1 : 2,
            Day: waiting.Contains(a.Id) ? DateOnly.MinValue : a.ValidUntil!.Value)).ToList();
        Assert.Contains(keys, k => k.Group == 2);
        Assert.Equal(keys.OrderBy(k => k.Group).ThenBy(k => k.Day), keys);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Notices_EveryNoticeOnExactlyOnePage_CaptionCountsThemAll(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider, DateTimeOffset.UtcNow, demo: true);
        await CopyAsync(platform, a => a.State == ApplicationState.PublicNotice, Extra, (copy, k) => copy.ApplicationNumber = $"{copy.ApplicationNumber}-{k:D3}");
        int expected;
        await using (var scope = platform.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            expected = await db.Applications.CountAsync(a => a.State == ApplicationState.PublicNotice || a.State == ApplicationState.ObjectionReview);
        }

        var anyone = platform.CookieClient();
        var first = await anyone.GetStringAsync("/notices");
        var second = await anyone.GetStringAsync("/notices?page=2");
        var all = Numbers(NoticeRow(), first).Concat(Numbers(NoticeRow(), second)).ToList();

        Assert.True(expected > Web.Pages.Notices.IndexModel.PageSize);
        Assert.Equal(Web.Pages.Notices.IndexModel.PageSize, Numbers(NoticeRow(), first).Count);
        Assert.Equal(expected, all.Count);
        Assert.Equal(expected, all.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains($"共 {expected} 件", first, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"next\"", second, StringComparison.Ordinal);
        await AssertOutOfRangeIsEmptyAsync(anyone, "/notices", NoticeRow());
    }

    private static async Task AssertOutOfRangeIsEmptyAsync(HttpClient client, string path, Regex row)
    {
        foreach (var page in new[] { "0", "-7", "2147483647", "99999" })
        {
            var response = await client.GetAsync($"{path}?page={page}");
            var html = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(page is "0" or "-7" ? Numbers(row, html).Count > 0 : Numbers(row, html).Count == 0, $"{path}?page={page}");
        }
    }

    // Copies of the first application matching, each with its own numbers.
    private static async Task CopyAsync(RegistryFactory platform, System.Linq.Expressions.Expression<Func<ApplicationRecord, bool>> which, int count, Action<ApplicationRecord, int> vary)
    {
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var template = (await db.Applications.AsNoTracking().Where(which).ToListAsync()).OrderBy(a => a.ApplicationNumber, StringComparer.Ordinal).First();
        for (var k = 1; k <= count; k++)
        {
            var copy = await db.Applications.AsNoTracking().SingleAsync(a => a.Id == template.Id);
            copy.Id = Guid.NewGuid();
            vary(copy, k);
            db.Applications.Add(copy);

            // Its holders, as the register records them with their copy of its validity (RightHolder.ValidUntil).
            foreach (var holder in await db.RightHolders.AsNoTracking().Where(h => h.ApplicationId == template.Id).ToListAsync())
            {
                (holder.Id, holder.ApplicationId) = (Guid.NewGuid(), copy.Id);
                (holder.ValidUntil, holder.Ended) = (copy.ValidUntil ?? DateOnly.MaxValue, copy.State != ApplicationState.Registered);
                db.RightHolders.Add(holder);
            }
        }

        await db.SaveChangesAsync();
    }

    private static List<string> Numbers(Regex row, string html) => [.. row.Matches(html).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("<tr data-registration=\"([^\"]+)\">")]
    private static partial Regex RegistrationRow();

    [GeneratedRegex("<th scope=\"row\"><a href=\"/notices/([^\"]+)\">")]
    private static partial Regex NoticeRow();
}
