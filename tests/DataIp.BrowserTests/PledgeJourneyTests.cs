using DataIp.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DataIp.BrowserTests;

/// <summary>
/// A pledge between holder and bank in the pages, in real Chromium (issue M7, item 9): the holder
/// files a pledge on its registration naming the bank; the bank confirms it on its desk, then
/// consents to an exclusive licence; the holder records that licence; the bank releases the
/// pledge; the public record shows it licensed and no longer pledged. Each page is checked by
/// <see cref="Journey.StepAsync"/>. On SQLite and on PostgreSQL.
/// </summary>
public abstract class PledgeJourneyTests(DemoRegistry registry, Chromium chromium)
{
    private const string DataName = "深圳市公交客流数据集";

    [Fact]
    public async Task Pledge_FiledConfirmedConsentedAndReleased_InThePages()
    {
        await using var holderContext = await chromium.NewContextAsync(registry.BaseAddress);
        var holder = new Journey(await holderContext.NewPageAsync(), registry.Provider);
        await holder.SignInAsync("applicant1@demo.dataip.cn");
        await holder.Page.GotoAsync("/registrations");
        await holder.StepAsync("pledge-01-my-registrations");
        await holder.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = DataName }).GetByRole(AriaRole.Link).First.ClickAsync();
        var record = holder.Page.Url;
        await holder.Page.Locator("[data-act='FilePledge'] summary").ClickAsync();
        await holder.FillAsync(new Dictionary<string, string>
        {
            ["Pledge.PledgeeEmail"] = "bank@demo.dataip.cn",
            ["Pledge.ContractNumber"] = "ZY-2026-0310",
            ["Pledge.SecuredAmount"] = "5000000.00",
            ["Pledge.Currency"] = "CNY",
            ["Pledge.StartsOn"] = "2026-03-10",
            ["Pledge.EndsOn"] = "2027-03-09",
            ["Pledge.Rights"] = "holding",
        });
        await holder.Page.GetByRole(AriaRole.Button, new() { Name = "提交质押登记" }).ClickAsync();
        await Expect(holder.Page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        await holder.StepAsync("pledge-02-filed");

        await using var bankContext = await chromium.NewContextAsync(registry.BaseAddress);
        var bank = new Journey(await bankContext.NewPageAsync(), registry.Provider);
        await bank.SignInAsync("bank@demo.dataip.cn");
        await bank.Page.GotoAsync("/bank");
        await bank.StepAsync("pledge-03-bank-desk");
        var filed = bank.Page.Locator("article, li, tr, form").Filter(new() { HasText = "ZY-2026-0310" }).Last;
        await filed.GetByRole(AriaRole.Button, new() { Name = "确认质押登记" }).ClickAsync();
        await Expect(bank.Page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        await bank.StepAsync("pledge-04-confirmed");

        await bank.Page.GotoAsync("/bank");
        var pledge = bank.Page.Locator("article[data-pledge]").Filter(new() { HasText = DataName });
        await pledge.GetByLabel("独占或排他许可").CheckAsync();
        await pledge.GetByRole(AriaRole.Button, new() { Name = "记录同意" }).ClickAsync();
        await Expect(bank.Page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        await bank.StepAsync("pledge-05-consented");

        await holder.Page.GotoAsync(record);
        await holder.Page.Locator("[data-act='RecordLicence'] summary").ClickAsync();
        await holder.FillAsync(new Dictionary<string, string>
        {
            ["NewLicence.LicenseeName"] = "深圳市停车运营有限公司",
            ["NewLicence.Kind"] = "exclusive",
            ["NewLicence.Rights"] = "holding",
            ["NewLicence.Scope"] = "停车诱导服务",
            ["NewLicence.Territory"] = "深圳市",
            ["NewLicence.StartsOn"] = "2026-03-10",
            ["NewLicence.EndsOn"] = "2027-03-09",
        });
        await holder.Page.GetByRole(AriaRole.Button, new() { Name = "登记许可" }).ClickAsync();
        await Expect(holder.Page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        await holder.StepAsync("pledge-06-licence-recorded");

        await bank.Page.GotoAsync("/bank");
        pledge = bank.Page.Locator("article[data-pledge]").Filter(new() { HasText = DataName });
        await pledge.GetByLabel("解除质押的原因（选填）").FillAsync("借款已清偿。");
        await pledge.GetByRole(AriaRole.Button, new() { Name = "解除质押" }).ClickAsync();
        await Expect(bank.Page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        await bank.StepAsync("pledge-07-released");

        await using var publicContext = await chromium.NewContextAsync(registry.BaseAddress);
        var anyone = new Journey(await publicContext.NewPageAsync(), registry.Provider);
        await anyone.Page.GotoAsync(record);
        await Expect(anyone.Page.Locator("main")).ToContainTextAsync("已许可");
        await Expect(anyone.Page.Locator("main")).Not.ToContainTextAsync("已质押"); // released: no longer encumbered
        await Expect(anyone.Page.Locator("main")).Not.ToContainTextAsync("ZY-2026-0310"); // the contract number is the parties'
        await anyone.StepAsync("pledge-08-public-record");
    }
}

/// <summary><see cref="PledgeJourneyTests"/> on SQLite.</summary>
public sealed class PledgeJourneyOnSqliteTests(DemoRegistry registry, Chromium chromium)
    : PledgeJourneyTests(registry, chromium), IClassFixture<DemoRegistry>;

/// <summary><see cref="PledgeJourneyTests"/> on PostgreSQL.</summary>
public sealed class PledgeJourneyOnPostgresTests(PostgresDemoRegistry registry, Chromium chromium)
    : PledgeJourneyTests(registry, chromium), IClassFixture<PostgresDemoRegistry>;
