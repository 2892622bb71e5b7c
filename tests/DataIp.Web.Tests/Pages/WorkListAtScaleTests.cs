using DataIp.Data;
using DataIp.Domain.Registration;
using DataIp.Testing;
using DataIp.Web.Demo;
using DataIp.Web.Features.Applications;
using DataIp.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataIp.Web.Tests.Pages;

/// <summary>
/// The applications page holds at most <see cref="ApplicationQueries.MaxListed"/> applications, 50 a page, and says
/// it is cut rather than give a false total. With
/// more, the cut must not drop work: an application waiting for a move stays on the examiner's
/// list however many newer registrations the body has, and the administrator's body filter finds a
/// body's applications however many newer ones other bodies have (it filters in the database,
/// before the cut, not after it).
/// </summary>
public sealed class WorkListAtScaleTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ManyNewerRegistrations_OpenWorkStaysListed_BodyFilterFindsOlderOnes(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider, DateTimeOffset.UtcNow, demo: true);
        await AddNewerRegistrationsAsync(platform, "4403", ApplicationQueries.MaxListed + 20);
        var examiner = await platform.SignedInAsync(DemoSeeder.ExaminerEmail("4403"), DemoSeeder.Password);
        var admin = await platform.SignedInAsync(DemoSeeder.AdministratorEmail, DemoSeeder.Password);

        var work = await examiner.GetStringAsync("/applications");
        var otherBody = await admin.GetStringAsync("/applications?body=4400");
        var everything = await admin.GetStringAsync("/applications");

        var lastPage = await examiner.GetStringAsync($"/applications?page={ApplicationQueries.MaxListed / Web.Pages.Applications.IndexModel.PageSize}");
        Assert.Equal(Web.Pages.Applications.IndexModel.PageSize, Rows(work));
        Assert.Equal(Web.Pages.Applications.IndexModel.PageSize, Rows(lastPage));
        Assert.Equal(0, Rows(await examiner.GetStringAsync($"/applications?page={(ApplicationQueries.MaxListed / Web.Pages.Applications.IndexModel.PageSize) + 1}")));
        Assert.Contains($"最紧急的 {ApplicationQueries.MaxListed} 件", work, StringComparison.Ordinal); // not a false total
        Assert.Contains("物流园区车辆轨迹数据集", FirstRow(work)); // under objection review: the examiner's first move
        Assert.Contains("互联网医院问诊数据集", otherBody); // 4400's notice, older than the 520 of 4403
        Assert.DoesNotContain("SQ4403", otherBody);
        Assert.Contains("互联网医院问诊数据集", everything); // open work comes before the newer decided ones
    }

    // Copies of the demo's first registered application of the body, each newer than everything.
    private static async Task AddNewerRegistrationsAsync(RegistryFactory platform, string bodyCode, int count)
    {
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var newest = (await db.Applications.Select(a => a.CreatedAt).ToListAsync()).Max();
        var template = (await db.Applications.AsNoTracking().Where(a => a.State == ApplicationState.Registered && a.Body.Code == bodyCode).ToListAsync())
            .OrderBy(a => a.ApplicationNumber, StringComparer.Ordinal).First();
        for (var k = 1; k <= count; k++)
        {
            var copy = await db.Applications.AsNoTracking().SingleAsync(a => a.Id == template.Id);
            (copy.Id, copy.CreatedAt) = (Guid.NewGuid(), newest.AddMinutes(k));
            (copy.ApplicationNumber, copy.RegistrationNumber, copy.CertificateNumber) = ($"{template.ApplicationNumber}-{k:D3}", $"W{k:D15}", null);
            db.Applications.Add(copy);
        }

        await db.SaveChangesAsync();
    }

    private static int Rows(string html) => System.Text.RegularExpressions.Regex.Count(html, "<tr data-move=");

    private static string FirstRow(string html) => System.Text.RegularExpressions.Regex.Match(html, "<tr data-move=.*?</tr>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;
}
