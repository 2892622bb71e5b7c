using System.Text.RegularExpressions;
using DataIp.Data;
using DataIp.Domain.Registration;
using DataIp.Testing;
using DataIp.Web.Demo;
using DataIp.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataIp.Web.Tests.Pages;

/// <summary>
/// The work list's deadline filter (/applications?deadline=…), on SQLite and PostgreSQL, on Friday
/// 26 September 2025 in China, by the State Council's 2025 calendar: Saturday the 27th is a rest
/// day, Sunday the 28th a make-up working day, 1–8 October the National Day holiday, Saturday
/// 11 October a make-up working day. So the 3rd working day after today is 30 September and the
/// 10th is 16 October. Applications are added with deadlines on each side of those boundaries
/// (yesterday, today, a Saturday, the 3rd working day, a holiday, the 4th, the 10th and the 11th
/// working day) and with last days the list does not count (a registered one's, a stale correction
/// day under notice); each filter lists exactly those it should, and the deadline of every row
/// it lists, the demo's own included, lies in its range.
/// </summary>
public sealed partial class WorkListDeadlineFilterTests
{
    private static readonly DateTimeOffset Friday = new(2025, 9, 26, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateOnly Today = new(2025, 9, 26);

    // Name, state, correction's last day, notice's last day.
    private static readonly (string Name, ApplicationState State, DateOnly? Correction, DateOnly? Notice)[] Cases =
    [
        ("期限-昨天", ApplicationState.CorrectionRequested, Today.AddDays(-1), null),
        ("期限-今天", ApplicationState.CorrectionRequested, Today, null),
        ("期限-周六", ApplicationState.PublicNotice, null, new DateOnly(2025, 9, 27)),
        ("期限-第3个工作日", ApplicationState.PublicNotice, null, new DateOnly(2025, 9, 30)),
        ("期限-国庆假期", ApplicationState.CorrectionRequested, new DateOnly(2025, 10, 8), null),
        ("期限-第4个工作日", ApplicationState.PublicNotice, null, new DateOnly(2025, 10, 9)),
        ("期限-第10个工作日", ApplicationState.CorrectionRequested, new DateOnly(2025, 10, 16), null),
        ("期限-第11个工作日", ApplicationState.PublicNotice, null, new DateOnly(2025, 10, 17)),
        ("期限-旧补正日", ApplicationState.PublicNotice, Today.AddDays(-6), new DateOnly(2025, 10, 20)),
        ("期限-已登记", ApplicationState.Registered, Today, Today),
        ("期限-审查中", ApplicationState.FormalExamination, null, null),
    ];

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task DeadlineFilter_AroundWeekendsAndHolidays_ListsExactlyTheApplicationsDue(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider, Friday, demo: true);
        await AddAsync(platform);
        var examiner = await platform.SignedInAsync(DemoSeeder.ExaminerEmail("4403"), DemoSeeder.Password);

        var all = Rows(await examiner.GetStringAsync("/applications"));
        var overdue = Rows(await examiner.GetStringAsync("/applications?deadline=Overdue"));
        var within3 = Rows(await examiner.GetStringAsync("/applications?deadline=Within3"));
        var within10 = Rows(await examiner.GetStringAsync("/applications?deadline=within10"));
        var none = Rows(await examiner.GetStringAsync("/applications?deadline=None"));
        var corrections = Rows(await examiner.GetStringAsync("/applications?state=CorrectionRequested&deadline=Within10"));
        var english = await examiner.GetStringAsync("/applications?deadline=Within3&culture=en");
        var bogus = Rows(await examiner.GetStringAsync("/applications?deadline=7"));

        Assert.Equal(Cases.Select(c => c.Name).Order(), Added(all));
        Assert.Equal(["期限-昨天"], Added(overdue));
        Assert.Equal(["期限-今天", "期限-周六", "期限-第3个工作日"], Added(within3).OrderBy(n => Array.FindIndex(Cases, c => c.Name == n)));
        Assert.Equal(["期限-今天", "期限-周六", "期限-第3个工作日", "期限-国庆假期", "期限-第4个工作日", "期限-第10个工作日"],
            Added(within10).OrderBy(n => Array.FindIndex(Cases, c => c.Name == n)));
        Assert.Equal(["期限-审查中", "期限-已登记"], Added(none));
        Assert.Equal(["期限-今天", "期限-国庆假期", "期限-第10个工作日"], Added(corrections).OrderBy(n => Array.FindIndex(Cases, c => c.Name == n)));
        // Every row of the whole list, the demo's own included, is in a filter's list exactly when its deadline lies in the filter's range.
        Assert.Equal(Names(all, r => r.Deadline < Today), Names(overdue, _ => true));
        Assert.Equal(Names(all, r => r.Deadline >= Today && r.Deadline <= new DateOnly(2025, 9, 30)), Names(within3, _ => true));
        Assert.Equal(Names(all, r => r.Deadline >= Today && r.Deadline <= new DateOnly(2025, 10, 16)), Names(within10, _ => true));
        Assert.Equal(Names(all, r => r.Deadline is null), Names(none, _ => true));
        Assert.Contains("<option value=\"Within3\" selected=\"selected\">Due within 3 working days</option>", english);
        Assert.Equal(all.Count, bogus.Count); // a value that is not a filter filters nothing
    }

    // Copies of the body's first registered application, in the cases' states with their last days.
    private static async Task AddAsync(RegistryFactory platform)
    {
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var template = (await db.Applications.AsNoTracking().Where(a => a.State == ApplicationState.Registered && a.Body.Code == "4403").ToListAsync())
            .OrderBy(a => a.ApplicationNumber, StringComparer.Ordinal).First();
        var k = 0;
        foreach (var (name, state, correction, notice) in Cases)
        {
            var copy = await db.Applications.AsNoTracking().SingleAsync(a => a.Id == template.Id);
            k++;
            (copy.Id, copy.DataName, copy.State, copy.CorrectionLastDay, copy.NoticeLastDay) = (Guid.NewGuid(), name, state, correction, notice);
            (copy.ApplicationNumber, copy.RegistrationNumber, copy.CertificateNumber) =
                ($"{template.ApplicationNumber}-D{k:D2}", state == ApplicationState.Registered ? $"D{k:D15}" : null, null);
            db.Applications.Add(copy);
        }

        await db.SaveChangesAsync();
    }

    private sealed record Row(string Name, DateOnly? Deadline);

    private static List<Row> Rows(string html) =>
        [.. RowPattern().Matches(html).Select(m => new Row(
            System.Net.WebUtility.HtmlDecode(Regex.Replace(m.Groups["name"].Value, "<[^>]+>", "")),
            m.Groups["deadline"].Value != "none" ? DateOnly.ParseExact(m.Groups["deadline"].Value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null))];

    private static List<string> Names(List<Row> rows, Func<Row, bool> where) => [.. rows.Where(where).Select(r => r.Name).Order(StringComparer.Ordinal)];

    private static List<string> Added(List<Row> rows) => [.. rows.Select(r => r.Name).Where(n => n.StartsWith("期限-", StringComparison.Ordinal)).Order()];

    [GeneratedRegex("<tr data-move=\"[^\"]*\">\\s*<th scope=\"row\"><a href=\"[^\"]*\">(?<name>.*?)</a></th>.*?<td class=\"code\" data-deadline=\"(?<deadline>[^\"]*)\">", RegexOptions.Singleline)]
    private static partial Regex RowPattern();
}
