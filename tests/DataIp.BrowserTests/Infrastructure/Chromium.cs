using System.Diagnostics;
using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(DataIp.BrowserTests.Infrastructure.Chromium))]

namespace DataIp.BrowserTests.Infrastructure;

/// <summary>
/// One headless Chromium for the whole test run: Debian's <c>/usr/bin/chromium</c> driven by
/// Playwright, which downloads nothing. Each test gets its own context (its own cookies).
/// </summary>
/// <remarks>
/// Without Chromium the tests skip themselves, except on CI (<c>CI=true</c>), where they fail:
/// there a missing browser means the run is broken (./test.sh installs it).
/// </remarks>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            return;
        }

        _playwright = await Playwright.CreateAsync();
        // MACHINE-NOTES: --no-sandbox is needed as root; the rest keeps Chromium off the network.
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    /// <summary>A fresh browser context on the platform at <paramref name="baseAddress"/>, in Chinese.</summary>
    public async Task<IBrowserContext> NewContextAsync(Uri baseAddress)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        if (_browser is null)
        {
            SkipOrThrowForMissingBrowser();
        }

        return await _browser!.NewContextAsync(new()
        {
            BaseURL = baseAddress.ToString(),
            Locale = "zh-CN",
            ViewportSize = new() { Width = 1280, Height = 800 },
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    private static void SkipOrThrowForMissingBrowser()
    {
        const string message = ExecutablePath + " is missing: apt-get install -y chromium (./test.sh does)";
        var ci = Environment.GetEnvironmentVariable("CI");
        if (string.Equals(ci, "true", StringComparison.OrdinalIgnoreCase) || ci == "1")
        {
            throw new InvalidOperationException("Browser tests need Chromium on CI: " + message);
        }

        Assert.Skip(message);
        throw new UnreachableException(); // Assert.Skip always throws.
    }
}
