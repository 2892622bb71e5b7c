using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using DataIp.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DataIp.BrowserTests;

/// <summary>
/// Whole journeys through the pages in real Chromium against the demo: signing in and out, a
/// wrong password, and the public notices. Elements are found by role and label, as a screen
/// reader would find them.
/// </summary>
public sealed partial class PageJourneyTests(DemoRegistry registry, Chromium chromium) : IClassFixture<DemoRegistry>
{
    [Fact]
    public async Task Applicant_SignsInAndOut_SeesOnlyOwnApplications()
    {
        await using var context = await chromium.NewContextAsync(registry.BaseAddress);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/applications");
        await Expect(page).ToHaveURLAsync(SignInForApplications());
        await SignInAsync(page, "applicant1@demo.dataip.cn", DemoRegistry.Password);

        await Expect(page).ToHaveURLAsync(new Uri(registry.BaseAddress, "/applications").ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "我的申请", Level = 1 })).ToBeVisibleAsync();
        await Axe.CheckAsync(page, "applications");
        var own = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "城市共享单车骑行数据集" });
        await Expect(own).ToContainTextAsync("待补正");
        var table = await page.GetByRole(AriaRole.Table).InnerTextAsync();
        Assert.Contains("智慧停车泊位实时数据集", table); // applicant1's draft
        Assert.DoesNotContain("互联网医院问诊数据集", table); // applicant2's notice
        Assert.DoesNotContain("上市公司舆情数据集", table); // applicant3's
        await Expect(page.GetByRole(AriaRole.Banner)).ToContainTextAsync("深圳市数智交通科技有限公司");
        await page.ScreenshotAsync(new() { Path = Screenshot("applications-applicant1.png"), FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(registry.BaseAddress.ToString());
        await Expect(page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "登录" })).ToBeVisibleAsync();
        Assert.DoesNotContain(await context.CookiesAsync(), c => c.Name == "dataip.auth");
        await page.GotoAsync("/applications");
        await Expect(page).ToHaveURLAsync(SignInForApplications());
    }

    [Fact]
    public async Task SignIn_WrongPassword_ShowsTheErrorAndGivesNoCookie()
    {
        await using var context = await chromium.NewContextAsync(registry.BaseAddress);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/sign-in");

        await SignInAsync(page, "applicant3@demo.dataip.cn", "Wrong-password-2025");

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("邮箱或密码错误。");
        await Axe.CheckAsync(page, "sign-in with an error");
        await Expect(page.GetByLabel("邮箱")).ToHaveValueAsync("applicant3@demo.dataip.cn");
        await Expect(page.GetByLabel("密码")).ToBeEmptyAsync();
        Assert.DoesNotContain(await context.CookiesAsync(), c => c.Name == "dataip.auth");
        await page.GotoAsync("/applications");
        await Expect(page).ToHaveURLAsync(SignInForApplications());
    }

    [Fact]
    public async Task Notices_Anonymous_ListTheDemoNoticesAsTheApiDoes()
    {
        await using var context = await chromium.NewContextAsync(registry.BaseAddress);
        var page = await context.NewPageAsync();
        using var api = registry.CreateClient();
        var notices = await api.GetFromJsonAsync<JsonElement>("/api/v1/notices");

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "公示" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "公示", Level = 1 })).ToBeVisibleAsync();
        Assert.Equal("公示 · 数据知识产权登记平台", await page.TitleAsync());
        await Axe.CheckAsync(page, "notices");
        var rows = page.GetByRole(AriaRole.Table).Locator("tbody").GetByRole(AriaRole.Row);
        await Expect(rows).ToHaveCountAsync(notices.GetArrayLength());
        await Expect(rows.Filter(new() { HasText = "互联网医院问诊数据集" })).ToContainTextAsync("公示中");
        await Expect(rows.Filter(new() { HasText = "物流园区车辆轨迹数据集" })).ToContainTextAsync("异议审查中");
        foreach (var notice in notices.EnumerateArray())
        {
            var row = rows.Filter(new() { HasText = notice.GetProperty("applicationNumber").GetString()! });
            var text = await row.InnerTextAsync();
            Assert.Contains(notice.GetProperty("dataName").GetString()!, text);
            Assert.Contains(notice.GetProperty("bodyName").GetString()!, text);
            var lastDay = DateOnly.Parse(notice.GetProperty("noticeLastDay").GetString()!, CultureInfo.InvariantCulture);
            Assert.Contains(lastDay.ToString("yyyy年M月d日", CultureInfo.InvariantCulture), text);
        }

        Assert.Equal(2, notices.GetArrayLength());
        Assert.DoesNotContain("智慧停车泊位实时数据集", await page.GetByRole(AriaRole.Main).InnerTextAsync()); // a draft is never public
    }

    [Fact]
    public async Task LanguageSwitch_EveryPageVisited_EnglishUntilSwitchedBack()
    {
        await using var context = await chromium.NewContextAsync(registry.BaseAddress);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/notices");
        Assert.Equal("zh-CN", await page.Locator("html").GetAttributeAsync("lang"));
        await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();

        // The same page in English, and every page after it, until the switch back.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Public notices", Level = 1 })).ToBeVisibleAsync();
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("Public notices · DataIP Registry", await page.TitleAsync());
        await Axe.CheckAsync(page, "notices in English");
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Verify a certificate" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Certificate verification", Level = 1 })).ToBeVisibleAsync();
        await Axe.CheckAsync(page, "verification in English");
        await page.GotoAsync("/account/sign-in");
        await Expect(page.GetByLabel("E-mail")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "中文" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "登录", Level = 1 })).ToBeVisibleAsync();
        await page.GotoAsync("/");
        Assert.Equal("zh-CN", await page.Locator("html").GetAttributeAsync("lang"));
    }

    private static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GetByLabel("邮箱").FillAsync(email);
        await page.GetByLabel("密码").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
    }

    private static string Screenshot(string name) => Path.Combine(AppContext.BaseDirectory, "screenshots", name);

    [GeneratedRegex(@"/account/sign-in\?ReturnUrl=%2Fapplications$")]
    private static partial Regex SignInForApplications();
}
