using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using DataIp.Data;
using DataIp.Domain.Calendar;
using DataIp.Testing;
using DataIp.Web.Demo;
using DataIp.Web.Features.Acts;
using DataIp.Web.Features.Rights.Pledges;
using DataIp.Web.Tests.Infrastructure;
using DataIp.Web.Tests.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataIp.Web.Tests.Rights;

/// <summary>
/// The court and the date of a court order (<c>POST …/pledges/{p}/release</c> as multipart, the
/// demo's pledged registration of body 4403), on SQLite and PostgreSQL: both are required, each
/// named as its own field of the ProblemDetails; a date after today in China, before 1949-10-01 or
/// not a date is refused; a court name with a control character, a line break or a lone surrogate
/// is refused; nothing is written by a refusal. An accepted release records both in the public log
/// entry, the register of rights and the registration's public history, and tells the pledgee.
/// Another body's examiner, an applicant and the bank are still refused.
/// </summary>
public sealed class CourtOrderParticularsTests
{
    private const string Pledged = "深圳市城市交通流量数据集";
    private const string Court = "深圳市中级人民法院";
    private const string OrderNumber = "（2026）粤03民初123号";
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Release_CourtAndDateMissingOrWrong_EachAFieldErrorNothingWritten(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider, DateTimeOffset.UtcNow, demo: true);
        var (url, _) = await ReleaseUrlAsync(platform);
        var examiner = await platform.SignInAsync(DemoSeeder.ExaminerEmail("4403"), DemoSeeder.Password);
        var today = ChinaTime.ToChinaDate(DateTimeOffset.UtcNow);
        var before = await WritesAsync(platform);

        var missing = await examiner.PostAsync(url, Form(court: null, date: null)).ProblemAsync(HttpStatusCode.BadRequest);
        var blank = await examiner.PostAsync(url, Form(court: "  ", date: " ")).ProblemAsync(HttpStatusCode.BadRequest);
        var future = await examiner.PostAsync(url, Form(date: Iso(today.AddDays(1)))).ProblemAsync(HttpStatusCode.BadRequest);
        var early = await examiner.PostAsync(url, Form(date: "1949-09-30")).ProblemAsync(HttpStatusCode.BadRequest);
        var notADay = await examiner.PostAsync(url, Form(date: "2026-02-30")).ProblemAsync(HttpStatusCode.BadRequest);
        var otherForm = await examiner.PostAsync(url, Form(date: "18/03/2026")).ProblemAsync(HttpStatusCode.BadRequest);
        var control = await examiner.PostAsync(url, Form(court: "深圳市\u0001中级人民法院")).ProblemAsync(HttpStatusCode.BadRequest);
        var lineBreak = await examiner.PostAsync(url, Form(court: "深圳市\n中级人民法院")).ProblemAsync(HttpStatusCode.BadRequest);
        var tooLong = await examiner.PostAsync(url, Form(court: new string('院', 101))).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["courtName", "courtOrderDate"], missing.ErrorFields().Order(StringComparer.Ordinal));
        Assert.Equal(["courtName", "courtOrderDate"], blank.ErrorFields().Order(StringComparer.Ordinal));
        Assert.Equal(["courtOrderDate"], future.ErrorFields());
        Assert.Contains("after today", Message(future, "courtOrderDate"), StringComparison.Ordinal);
        Assert.Equal(["courtOrderDate"], early.ErrorFields());
        Assert.Contains("1949-10-01", Message(early, "courtOrderDate"), StringComparison.Ordinal);
        Assert.Equal(["courtOrderDate"], notADay.ErrorFields());
        Assert.Equal(["courtOrderDate"], otherForm.ErrorFields());
        Assert.Equal(["courtName"], control.ErrorFields());
        Assert.Contains("U+0001", Message(control, "courtName"), StringComparison.Ordinal);
        Assert.Equal(["courtName"], lineBreak.ErrorFields());
        Assert.Equal(["courtName"], tooLong.ErrorFields());
        Assert.Equal(before, await WritesAsync(platform));
    }

    // A lone surrogate cannot travel in a UTF-8 form (the decoder makes it U+FFFD), so the shared use case is called as the page and the API call it.
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Release_LoneSurrogateInTheCourtsName_RefusedByTheUseCase(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider, DateTimeOffset.UtcNow, demo: true);
        var (_, (number, pledge)) = await ReleaseUrlAsync(platform);
        var before = await WritesAsync(platform);
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var account = await db.Users.SingleAsync(u => u.Email == DemoSeeder.ExaminerEmail("4403"));
        var examiner = new ActingParty(account.Id, account.Role, account.BodyId, account.DisplayName);
        using var stream = new MemoryStream(Pdf);
        var file = new FormFile(stream, 0, Pdf.Length, CourtOrderRelease.OrderField, "order.pdf") { Headers = new HeaderDictionary(), ContentType = "application/pdf" };

        var outcome = await scope.ServiceProvider.GetRequiredService<CourtOrderRelease>().ReleaseAsync(
            number, pledge, new CourtOrderParticulars(OrderNumber, "深圳市\ud800中级人民法院", "2026-01-05"), file, "法院裁定解除质押。", examiner, CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Equal(RefusalCode.Invalid, outcome.Refusal!.Code);
        Assert.Equal(["courtName"], outcome.Refusal.Fields!.Keys);
        Assert.Contains("lone surrogate", outcome.Refusal.Errors!["courtName"][0], StringComparison.Ordinal);
        Assert.Equal(before, await WritesAsync(platform));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Release_WithCourtAndDate_InTheLogEntryTheRightsTheHistoryAndThePledgeesNotice(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider, DateTimeOffset.UtcNow, demo: true);
        var (url, (number, pledge)) = await ReleaseUrlAsync(platform);
        var examiner = await platform.SignInAsync(DemoSeeder.ExaminerEmail("4403"), DemoSeeder.Password);

        var released = await examiner.PostAsync(url, Form(date: "1949-10-01")).OkAsync();
        var payload = released.GetProperty("act").GetProperty("payload");
        var entry = await LogEntryAsync(platform, Guid.Parse(released.GetProperty("act").Str("id")));
        var rights = (await examiner.GetAsync($"/api/v1/registrations/{number}/rights").OkAsync()).GetProperty("pledges").EnumerateArray().Single(p => p.Str("number") == pledge);
        var page = WebUtility.HtmlDecode(await platform.CookieClient().GetStringAsync($"/registrations/{number}"));
        var bank = await platform.SignedInAsync(DemoSeeder.BankEmail, DemoSeeder.Password);
        var notices = WebUtility.HtmlDecode(await bank.GetStringAsync("/notifications"));

        Assert.Equal((Court, "1949-10-01", OrderNumber), (payload.Str("courtName"), payload.Str("courtOrderDate"), payload.Str("courtOrderNumber")));
        Assert.Equal((Court, "1949-10-01"), (entry.GetProperty("act").Str("courtName"), entry.GetProperty("act").Str("courtOrderDate")));
        Assert.Equal((Court, "1949-10-01"), (rights.Str("courtName"), rights.Str("courtOrderDate")));
        Assert.Contains($"{Court}1949年10月1日作出的裁判文书（案号 {OrderNumber}）", page, StringComparison.Ordinal);
        Assert.Contains($"依据：{Court}1949年10月1日作出的裁判文书（案号 {OrderNumber}）", notices, StringComparison.Ordinal);
    }

    // Another body's examiner (403), an applicant and the pledgee bank (415: multipart is for an examiner), each with a complete order; nothing written.
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Release_CompleteOrderFromStrangers_StillRefused(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider, DateTimeOffset.UtcNow, demo: true);
        var (url, _) = await ReleaseUrlAsync(platform);
        var before = await WritesAsync(platform);

        await (await platform.SignInAsync(DemoSeeder.ExaminerEmail("4400"), DemoSeeder.Password)).PostAsync(url, Form()).ProblemAsync(HttpStatusCode.Forbidden);
        await (await platform.SignInAsync(DemoSeeder.Applicants[1].Email, DemoSeeder.Password)).PostAsync(url, Form()).ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await (await platform.SignInAsync(DemoSeeder.Applicants[0].Email, DemoSeeder.Password)).PostAsync(url, Form()).ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await (await platform.SignInAsync(DemoSeeder.BankEmail, DemoSeeder.Password)).PostAsync(url, Form()).ProblemAsync(HttpStatusCode.UnsupportedMediaType);

        Assert.Equal(before, await WritesAsync(platform));
    }

    private static MultipartFormDataContent Form(string? court = Court, string? date = "2026-01-05")
    {
        var order = new ByteArrayContent(Pdf);
        order.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var form = new MultipartFormDataContent
        {
            { order, "courtOrder", "order.pdf" },
            { new StringContent(OrderNumber), "courtOrderNumber" },
            { new StringContent("人民法院裁定解除该质押。"), "reason" },
        };
        if (court is not null)
        {
            form.Add(new StringContent(court), "courtName");
        }

        if (date is not null)
        {
            form.Add(new StringContent(date), "courtOrderDate");
        }

        return form;
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Message(JsonElement problem, string field) => problem.GetProperty("errors").GetProperty(field)[0].GetString()!;

    // The demo's registered pledge of body 4403's registration, and its release's URL.
    private static async Task<(string Url, (string Number, string Pledge) Of)> ReleaseUrlAsync(RegistryFactory platform)
    {
        var number = await RegistrationPageTests.NumberAsync(platform, Pledged);
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var pledge = await db.Pledges.Where(p => p.Status == Domain.Rights.PledgeStatus.Registered && db.Applications.Any(a => a.Id == p.ApplicationId && a.RegistrationNumber == number))
            .Select(p => p.Number).SingleAsync();
        return ($"/api/v1/registrations/{number}/pledges/{pledge}/release", (number, pledge));
    }

    private static async Task<JsonElement> LogEntryAsync(RegistryFactory platform, Guid act)
    {
        long index;
        await using (var scope = platform.Scope())
        {
            index = await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Acts.Where(a => a.Id == act).Select(a => a.LogIndex).SingleAsync();
        }

        await platform.PublishLogAsync();
        return await platform.CreateClient().GetAsync($"/api/v1/log/entries/{index}").OkAsync();
    }

    private static async Task<string> WritesAsync(RegistryFactory platform)
    {
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        return string.Join(", ", await db.Acts.CountAsync(), await db.Attachments.CountAsync(), await db.Notifications.CountAsync(),
            string.Join("/", await db.Pledges.OrderBy(p => p.Number).Select(p => p.Status).ToListAsync()));
    }
}
