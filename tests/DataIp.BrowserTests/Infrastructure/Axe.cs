using System.Text.Json;
using Microsoft.Playwright;

namespace DataIp.BrowserTests.Infrastructure;

/// <summary>
/// axe-core (npm, installed by test.sh under .tools/) run on a page as the journeys visit it: no
/// serious or critical WCAG 2.2 A/AA violation may remain. The script is evaluated through the
/// browser's DevTools protocol, so the pages' strict CSP stays on. Without axe-core the check
/// fails on CI and is skipped elsewhere.
/// </summary>
public static class Axe
{
    private static readonly Lazy<string?> Source = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "DataIp.slnx")))
        {
            directory = directory.Parent;
        }

        var path = directory is null ? null : Path.Combine(directory.FullName, ".tools", "node_modules", "axe-core", "axe.min.js");
        return path is not null && File.Exists(path) ? File.ReadAllText(path) : null;
    });

    /// <summary>Runs axe on the page as it is now; fails with each serious or critical violation and where it is.</summary>
    public static async Task CheckAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (Source.Value is not { } source)
        {
            Assert.SkipWhen(Environment.GetEnvironmentVariable("CI") != "true", "axe-core is not installed under .tools/ (test.sh installs it)");
            Assert.Fail("axe-core is not installed under .tools/: test.sh installs it with npm");
            return;
        }

        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(source);
        }

        var violations = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
              return result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map(n => n.target.join(' ')).join('; ')}`);
            }
            """);
        var found = violations.EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.True(found.Count == 0, $"{name} ({page.Url}): {found.Count} serious or critical accessibility violation(s):\n{string.Join("\n", found)}");
    }
}
