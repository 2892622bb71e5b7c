using System.Globalization;
using DataIp.Data;
using DataIp.Web.Demo;
using DataIp.Web.Tests.Infrastructure;

namespace DataIp.Web.Tests.Demo;

/// <summary>
/// The README's demo on any day (issue M6, defect 10). Seeded with the clock on days that used to
/// fail (deadlines reaching into a year with no working-day calendar) and on the day the tests run,
/// it holds every state of the lifecycle and every act of the register of rights the README
/// promises, each act dated in the past and in time order, on working-day calendars marked as
/// entered for the demo; and a sweep of the lifecycle job at that moment changes nothing, so the
/// states last while the node runs.
/// </summary>
public sealed class DemoTests
{
    private const string Today = "today";

    /// <summary>The days the demo is seeded on, each with the provider it runs on.</summary>
    public static TheoryData<DatabaseProvider, string> Days => new()
    {
        // Its notices and corrections run into 2027; 2026-12-07 left an application in formal examination.
        { DatabaseProvider.Sqlite, "2026-12-28T16:00:00+08:00" },

        // Mid-year, just after midnight in China (three hours earlier is the day before).
        { DatabaseProvider.Sqlite, "2027-06-15T01:30:00+08:00" },

        // The last days of a year, late in the evening.
        { DatabaseProvider.Sqlite, "2027-12-30T23:30:00+08:00" },
        { DatabaseProvider.Sqlite, Today },
        { DatabaseProvider.Postgres, Today },
    };

    [Theory]
    [MemberData(nameof(Days))]
    public async Task Demo_SeededOnAnyDay_HoldsEveryPromisedStateAndRightsAct(DatabaseProvider provider, string day)
    {
        var now = day == Today ? DateTimeOffset.UtcNow : DateTimeOffset.Parse(day, CultureInfo.InvariantCulture);
        await using var platform = await RegistryFactory.StartAsync(provider, now, demo: true);

        await SignInEveryAccountAsync(platform);
        var demo = await DemoRegister.ReadAsync(platform);

        await demo.AssertEveryLifecycleStateAsync();
        await demo.AssertRightsActsAsync();
        await demo.AssertLogInTimeOrderAsync();
        await demo.AssertCalendarsAsync();
        await demo.AssertEvidenceAsync();
        Assert.Equal(0, await platform.SweepAsync()); // no notice ended, no correction lapsed, nothing expired
        await Rights.HolderOrderCopies.AssertEqualTheRegistrationsAsync(platform); // registered, renewed, transferred, revoked
        await Rights.HolderOrderCopies.AssertIndustryCopiesAsync(platform); // drafts made and updated, applications submitted
    }

    // The README's accounts, all with the one demo password.
    private static async Task SignInEveryAccountAsync(RegistryFactory platform)
    {
        await platform.SignInAsync(DemoSeeder.AdministratorEmail, DemoSeeder.Password);
        await platform.SignInAsync(DemoSeeder.BankEmail, DemoSeeder.Password);
        foreach (var applicant in DemoSeeder.Applicants)
        {
            await platform.SignInAsync(applicant.Email, DemoSeeder.Password);
        }

        var bodies = await platform.CreateClient().GetAsync("/api/v1/bodies").OkAsync();
        Assert.Equal(17, bodies.GetArrayLength());
        foreach (var body in bodies.EnumerateArray())
        {
            await platform.SignInAsync(DemoSeeder.ExaminerEmail(body.Str("code")), DemoSeeder.Password);
        }
    }
}
