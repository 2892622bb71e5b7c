using System.Net;
using System.Text.RegularExpressions;
using DataIp.Data;
using DataIp.Testing;
using DataIp.Web.Tests.Infrastructure;

namespace DataIp.Web.Tests.Pages;

/// <summary>
/// Each role's menu shows only the pages that role can use, and every link of the home page leads
/// to a page that answers 200 for that role (not to a sign-in form, an access-denied page or a
/// page that says there is nothing for this role), on SQLite and on PostgreSQL.
/// </summary>
public sealed partial class SiteMenuTests
{
    // What each role's main menu holds, written out here so the test can disagree with the code.
    private static readonly Dictionary<string, string[]> Menus = new()
    {
        ["anonymous"] = ["/search", "/notices", "/verify", "/docs"],
        ["applicant"] = ["/search", "/notices", "/applications", "/registrations", "/verify", "/notifications", "/docs"],
        ["examiner"] = ["/search", "/notices", "/applications", "/verify", "/notifications", "/docs"],
        ["bodyAdministrator"] = ["/search", "/notices", "/applications", "/admin", "/admin/accounts", "/verify", "/notifications", "/docs"],
        ["nationalAdministrator"] = ["/search", "/notices", "/applications", "/admin", "/admin/accounts", "/verify", "/notifications", "/docs"],
        ["pledgee"] = ["/search", "/bank", "/notices", "/verify", "/notifications", "/docs"],
    };

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Menu_EveryRole_ShowsOnlyLinksThatAnswer200(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider);
        var emails = new Dictionary<string, string?>
        {
            ["anonymous"] = null,
            ["applicant"] = await NewApplicantAsync(platform),
            ["examiner"] = await StaffAsync(platform, "examiner", "4400"),
            ["bodyAdministrator"] = await StaffAsync(platform, "administrator", "4400"),
            ["nationalAdministrator"] = RegistryFactory.AdminEmail,
            ["pledgee"] = await StaffAsync(platform, "pledgee", null),
        };
        var failures = new List<string>();

        foreach (var (role, email) in emails)
        {
            using var client = email is null ? platform.CookieClient() : await platform.SignedInAsync(email);
            var home = await client.GetStringAsync("/");
            var menu = Links(MainMenu().Match(home).Value);
            if (!menu.SequenceEqual(Menus[role]))
            {
                failures.Add($"{role}: menu is [{string.Join(", ", menu)}], expected [{string.Join(", ", Menus[role])}]");
            }

            foreach (var link in Links(home).Distinct())
            {
                var (status, path) = await FollowAsync(client, link);
                if (status != HttpStatusCode.OK || (path.StartsWith("/account/", StringComparison.Ordinal) && !link.StartsWith("/account/", StringComparison.Ordinal)))
                {
                    failures.Add($"{role}: {link} ends at {path} with {(int)status}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    // GETs a link and follows its redirects; returns the last status and the path it ended at.
    private static async Task<(HttpStatusCode Status, string Path)> FollowAsync(HttpClient client, string link)
    {
        var path = link;
        for (var hop = 0; hop < 5; hop++)
        {
            using var response = await client.GetAsync(path);
            if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.MovedPermanently))
            {
                return (response.StatusCode, path);
            }

            var target = response.RedirectTarget();
            path = target.StartsWith('/') ? target : new Uri(new Uri("http://localhost" + path), target).PathAndQuery;
        }

        return (HttpStatusCode.LoopDetected, path);
    }

    // The local links of an HTML fragment, in order; the skip link (#main) is not a page.
    private static List<string> Links(string html) =>
        [.. Href().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))];

    private static async Task<string> NewApplicantAsync(RegistryFactory platform)
    {
        var email = $"applicant.{Guid.NewGuid():N}@test.dataip.cn";
        await platform.ApplicantAsync(email);
        return email;
    }

    private static async Task<string> StaffAsync(RegistryFactory platform, string role, string? bodyCode)
    {
        var email = $"{role}.{Guid.NewGuid():N}@test.dataip.cn";
        var admin = await platform.SignInAsync(RegistryFactory.AdminEmail);
        await admin.PostJsonAsync("/api/v1/accounts/staff", new { email, password = RegistryFactory.Password, displayName = role, role, bodyCode }).OkAsync();
        return email;
    }

    [GeneratedRegex("<nav aria-label=\"主导航\">.*?</nav>", RegexOptions.Singleline)]
    private static partial Regex MainMenu();

    [GeneratedRegex("href=\"(/[^\"]*)\"")]
    private static partial Regex Href();
}
