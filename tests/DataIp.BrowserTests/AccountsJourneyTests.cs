using DataIp.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DataIp.BrowserTests;

/// <summary>
/// The national administrator manages accounts in the pages, in real Chromium (issue M7): filters
/// the list to one body's examiners, opens an account, changes its role with a reason (ending on
/// the confirmation page), disables it and enables it again, then opens a staff account. Each page
/// is checked by <see cref="Journey.StepAsync"/> (axe, 1280 and 375 pixels, the English switch).
/// On SQLite and on PostgreSQL.
/// </summary>
public abstract class AccountsJourneyTests(DemoRegistry registry, Chromium chromium)
{
    private const string Examiner = "examiner.4400@demo.dataip.cn";

    [Fact]
    public async Task Administrator_FiltersOpensChangesDisablesEnablesAndCreatesAccounts()
    {
        await using var context = await chromium.NewContextAsync(registry.BaseAddress);
        var journey = new Journey(await context.NewPageAsync(), registry.Provider);
        var page = journey.Page;
        await journey.SignInAsync("admin@demo.dataip.cn");
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "管理" }).ClickAsync();
        await page.Locator("#main").GetByRole(AriaRole.Link, new() { Name = "账户", Exact = true }).ClickAsync();
        await journey.StepAsync("accounts-01-list");

        // The list, filtered to the examiners of one body.
        await page.GetByLabel("角色").SelectOptionAsync("Examiner");
        await page.GetByLabel("登记机构").SelectOptionAsync("4400");
        await page.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("role=Examiner.*body=4400"));
        var rows = page.Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync(Examiner);
        await journey.StepAsync("accounts-02-filtered");

        // The account, and its role changed with a reason.
        await rows.First.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.Locator("[data-role]")).ToHaveAttributeAsync("data-role", "Examiner");
        await journey.StepAsync("accounts-03-account");
        var account = page.Url;
        var role = page.GetByRole(AriaRole.Form, new() { Name = "变更角色" });
        await role.GetByLabel("质权人（银行）").CheckAsync();
        await role.GetByLabel("登记机构").SelectOptionAsync("");
        await role.GetByLabel("理由").FillAsync("该人员调往合作银行，改为质权人账户。");
        await role.GetByRole(AriaRole.Button, new() { Name = "变更角色" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("更改账户角色");
        await Expect(page.Locator("[data-next]")).ToContainTextAsync("立即生效");
        await journey.StepAsync("accounts-04-role-changed");
        await page.GetByRole(AriaRole.Link, new() { Name = "返回该账户" }).ClickAsync();
        await Expect(page.Locator("[data-role]")).ToHaveAttributeAsync("data-role", "Pledgee");

        // Disabled, then enabled again, each with a reason and a confirmation.
        var disable = page.GetByRole(AriaRole.Form, new() { Name = "停用账户" });
        await disable.GetByLabel("理由").FillAsync("离职手续办理期间暂停使用。");
        await disable.GetByRole(AriaRole.Button, new() { Name = "停用账户" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("停用账户");
        await journey.StepAsync("accounts-05-disabled");
        await page.GotoAsync(account);
        await Expect(page.Locator("[data-status]")).ToHaveAttributeAsync("data-status", "disabled");
        await journey.StepAsync("accounts-06-account-disabled", switchLanguage: false);
        var enable = page.GetByRole(AriaRole.Form, new() { Name = "启用账户" });
        await enable.GetByLabel("理由").FillAsync("手续已办结，恢复使用。");
        await enable.GetByRole(AriaRole.Button, new() { Name = "启用账户" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("启用账户");
        await journey.StepAsync("accounts-07-enabled");
        await page.GotoAsync(account);
        await Expect(page.Locator("[data-status]")).ToHaveAttributeAsync("data-status", "active");

        // A new staff account: an examiner of a body.
        await page.GotoAsync("/admin/accounts");
        await page.GetByRole(AriaRole.Link, new() { Name = "开立工作人员账户" }).ClickAsync();
        await journey.StepAsync("accounts-08-new");
        await page.GetByLabel("姓名或名称").FillAsync("深圳审查员 新");
        await page.GetByLabel("邮箱").FillAsync("examiner.new.4403@demo.dataip.cn");
        await page.GetByLabel("审查员").CheckAsync();
        await page.GetByLabel("登记机构").SelectOptionAsync("4403");
        await page.GetByLabel("初始密码").FillAsync("DataIp-New-Examiner-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "开立账户" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("开立账户");
        await journey.StepAsync("accounts-09-created");
        await page.GetByRole(AriaRole.Link, new() { Name = "返回该账户" }).ClickAsync();
        await Expect(page.Locator("[data-role]")).ToHaveAttributeAsync("data-role", "Examiner");
        await Expect(page.Locator("[data-body]")).ToHaveAttributeAsync("data-body", "4403");
    }
}

/// <summary><see cref="AccountsJourneyTests"/> on SQLite.</summary>
public sealed class AccountsJourneyOnSqliteTests(DemoRegistry registry, Chromium chromium)
    : AccountsJourneyTests(registry, chromium), IClassFixture<DemoRegistry>;

/// <summary><see cref="AccountsJourneyTests"/> on PostgreSQL.</summary>
public sealed class AccountsJourneyOnPostgresTests(PostgresDemoRegistry registry, Chromium chromium)
    : AccountsJourneyTests(registry, chromium), IClassFixture<PostgresDemoRegistry>;
