using System.Net;
using DataIp.Data;
using DataIp.Testing;
using DataIp.Web.Demo;
using DataIp.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataIp.Web.Tests.Pages;

/// <summary>
/// The notifications page (/notifications) on the demo, on SQLite and PostgreSQL: each account's
/// notifications in Chinese and in English from the resource files (not the English sentences the
/// API stores), with the unread count in the menu, and a mark-read form that works only on one's own.
/// </summary>
public sealed class NotificationPageTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Notifications_RenderInBothLanguages_MarkReadOnlyOnOnesOwn(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider, DateTimeOffset.UtcNow, demo: true);
        var holder = await platform.SignedInAsync(DemoSeeder.Applicants[0].Email, DemoSeeder.Password);
        var other = await platform.SignedInAsync(DemoSeeder.Applicants[1].Email, DemoSeeder.Password);
        var own = await UnreadOfHolderAsync(platform);

        var chinese = WebUtility.HtmlDecode(await holder.GetStringAsync("/notifications"));
        var english = WebUtility.HtmlDecode(await holder.GetStringAsync("/notifications?culture=en"));
        using var stranger = await MarkReadAsync(other, own);
        var unreadAfterStranger = await UnreadOfHolderAsync(platform);
        using var marked = await MarkReadAsync(holder, own);
        var after = await holder.GetStringAsync("/notifications");

        Assert.Contains("data-notification=", chinese);
        Assert.Matches("（\\d+ 条未读）", chinese);
        Assert.Contains("上办理了“", chinese);
        Assert.DoesNotContain(" recorded '", chinese); // not the stored English sentence
        Assert.Contains("<html lang=\"en\">", english);
        Assert.Contains(" recorded “", english);
        Assert.Matches("\\(\\d+ unread\\)", english);
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
        Assert.Equal(own, unreadAfterStranger); // another applicant's post changed nothing
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        Assert.Equal($"/notifications#n-{own:N}", marked.RedirectTarget());
        Assert.Contains($"data-notification=\"{own}\" data-read=\"true\"", after);
    }

    // The holder's (applicant 1's) newest unread notification.
    private static async Task<Guid> UnreadOfHolderAsync(RegistryFactory platform)
    {
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var holder = await db.Users.Where(u => u.Email == DemoSeeder.Applicants[0].Email).Select(u => u.Id).SingleAsync();
        var unread = await db.Notifications.Where(n => n.AccountId == holder && n.ReadAt == null).ToListAsync();
        return unread.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).First().Id;
    }

    private static async Task<HttpResponseMessage> MarkReadAsync(HttpClient client, Guid id) =>
        await client.PostAsync("/notifications?handler=Read", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await SignInForm.AntiforgeryTokenAsync(client, "/notifications"),
            ["Id"] = id.ToString(),
        }));
}
