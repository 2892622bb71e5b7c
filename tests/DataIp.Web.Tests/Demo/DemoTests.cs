using DataIp.Data;
using DataIp.Web.Demo;
using DataIp.Web.Tests.Infrastructure;

namespace DataIp.Web.Tests.Demo;

/// <summary>The README's demo: its accounts sign in, and it holds every state of the lifecycle.</summary>
public sealed class DemoTests
{
    [Fact]
    public async Task Demo_Seeded_AccountsWorkAndEveryStateIsPresent()
    {
        await using var platform = await RegistryFactory.StartAsync(DatabaseProvider.Sqlite, new DateTimeOffset(2026, 11, 27, 16, 0, 0, TimeSpan.FromHours(8)), demo: true);

        var admin = await platform.SignInAsync(DemoSeeder.AdministratorEmail, DemoSeeder.Password);
        var applicant = await platform.SignInAsync(DemoSeeder.Applicants[0].Email, DemoSeeder.Password);
        await platform.SignInAsync(DemoSeeder.BankEmail, DemoSeeder.Password);
        var bodies = await platform.CreateClient().GetAsync("/api/v1/bodies").OkAsync();
        foreach (var body in bodies.EnumerateArray())
        {
            await platform.SignInAsync(DemoSeeder.ExaminerEmail(body.Str("code")), DemoSeeder.Password);
        }

        var states = (await admin.GetAsync("/api/v1/applications").OkAsync()).EnumerateArray().Select(a => a.Str("state")).ToHashSet();
        var own = (await applicant.GetAsync("/api/v1/applications").OkAsync()).EnumerateArray().Select(a => a.Str("state")).ToHashSet();

        Assert.Equal(17, bodies.GetArrayLength());
        Assert.Equal(
            ["correctionRequested", "formalExamination", "objectionReview", "publicNotice", "registered", "rejected", "submitted", "substantiveExamination", "withdrawn"],
            states.Order());
        Assert.Contains("draft", own); // drafts are the applicant's own: administrators never see them
        var registered = (await admin.GetAsync("/api/v1/applications?state=registered").OkAsync()).EnumerateArray().ToList();
        Assert.Equal(3, registered.Count);
        Assert.All(registered, r => Assert.False(string.IsNullOrEmpty(r.Str("registrationNumber"))));
        Assert.Equal(2, (await platform.CreateClient().GetAsync("/api/v1/notices").OkAsync()).GetArrayLength());

        // The demo's history is a real one: every act in the log, in time order.
        var checkpoint = await platform.PublishLogAsync();
        var times = new List<DateTimeOffset>();
        for (var index = 0; index < checkpoint.TreeSize; index++)
        {
            var entry = await platform.CreateClient().GetAsync($"/api/v1/log/entries/{index}").OkAsync();
            times.Add(DateTimeOffset.Parse(entry.GetProperty("act").Str("at"), System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.True(times.Count > 50);
        Assert.Equal(times.Order(), times);
    }
}
