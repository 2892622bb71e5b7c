using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using DataIp.BrowserTests.Infrastructure;
using DataIp.Data;
using DataIp.Web.Features.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DataIp.BrowserTests;

/// <summary>
/// The verification page in real Chromium against the demo: open the page a certificate's QR
/// code leads to, read its status, upload the certificate PDF through the file input and see
/// every check pass.
/// </summary>
public sealed class VerificationJourneyTests(DemoRegistry registry, Chromium chromium) : IClassFixture<DemoRegistry>
{
    [Fact]
    public async Task Verify_DemoCertificate_ShowsStatusAndTheUploadedPdfPassesEveryCheck()
    {
        var number = await DemoCertificateAsync();
        await registry.Services.GetRequiredService<LogSequencer>().PublishAsync(CancellationToken.None);
        using var api = registry.CreateClient();
        var status = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/certificates/{number}")).GetProperty("status").GetString();
        var pdf = Path.Combine(Path.GetTempPath(), $"certificate-{number}-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(pdf, await api.GetByteArrayAsync($"/api/v1/certificates/{number}/pdf"));
        await using var context = await chromium.NewContextAsync(registry.BaseAddress);
        var page = await context.NewPageAsync();

        try
        {
            // From the menu, by typing the number (as printed, with a space) in the box.
            await page.GotoAsync("/");
            await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "证书查验" }).ClickAsync();
            await page.GetByLabel("证书编号", new() { Exact = true }).FillAsync(number[..8] + " " + number[8..]);
            await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/verify/{number}$"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "证书查验", Level = 1 })).ToBeVisibleAsync();
            var current = page.GetByRole(AriaRole.Status).First;
            await Expect(current).ToContainTextAsync("当前法律状态");
            await Expect(current.Locator("[data-status]")).ToHaveAttributeAsync("data-status", status!);
            var checks = page.GetByRole(AriaRole.Region, new() { Name = "服务器对登记簿凭证的查验" });
            await Expect(checks.Locator(".check.pass[data-check]")).ToHaveCountAsync(4);
            await Axe.CheckAsync(page, "certificate");

            await page.GetByLabel("证书文件", new() { Exact = true }).SetInputFilesAsync(pdf);
            await page.GetByRole(AriaRole.Button, new() { Name = "查验" }).ClickAsync();

            var result = page.GetByRole(AriaRole.Region, new() { Name = "上传文件的查验结果" });
            await Expect(result).ToBeVisibleAsync();
            foreach (var check in new[] { "Signature", "LogProof", "IssuanceAct", "LogInclusion", "Register", "Same" })
            {
                await Expect(result.Locator($".check.pass[data-check='{check}']")).ToContainTextAsync("✓");
            }

            await Expect(result.Locator(".check.fail")).ToHaveCountAsync(0);
            await Expect(result.Locator("[data-proof]")).ToHaveCountAsync(2);
            await Axe.CheckAsync(page, "uploaded certificate");
            await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "verify-upload.png"), FullPage = true });
        }
        finally
        {
            File.Delete(pdf);
        }
    }

    // A demo certificate in force (the demo registers three applications).
    private async Task<string> DemoCertificateAsync()
    {
        using var scope = registry.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var numbers = await db.Certificates.Where(c => c.Credential != null && !c.Superseded).Select(c => c.CertificateNumber).ToListAsync();
        Assert.NotEmpty(numbers);
        return numbers.Order(StringComparer.Ordinal).First();
    }
}
