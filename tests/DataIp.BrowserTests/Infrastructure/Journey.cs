using System.Text.Json;
using DataIp.Data;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DataIp.BrowserTests.Infrastructure;

/// <summary>
/// What every step of a journey checks, on the page as the user sees it: axe (no serious or
/// critical violation), a screenshot at 1280 and at 375 pixels wide (kept under
/// <c>screenshots/{provider}/</c> as the test's artefacts; at 375 the page must not scroll
/// sideways), and, for a page reached by a link or a redirect, the language switch: the same page in
/// English has no Chinese character outside the data values marked <c>lang="zh-CN"</c>, and the
/// switch leads back to Chinese.
/// </summary>
public sealed class Journey(IPage page, DatabaseProvider provider)
{
    // Han characters, CJK punctuation and full-width forms.
    private const string ChineseOutsideData = """
        () => {
          const chinese = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/;
          const inChineseData = n => { const e = n.nodeType === 1 ? n : n.parentElement; return e && e.closest('[lang^="zh"]'); };
          const found = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const tag = n.parentElement && n.parentElement.tagName;
            if (tag === 'SCRIPT' || tag === 'STYLE' || !chinese.test(n.nodeValue) || inChineseData(n)) continue;
            found.push(`${n.parentElement.tagName.toLowerCase()}: ${n.nodeValue.trim().slice(0, 80)}`);
          }
          for (const e of document.querySelectorAll('[title],[aria-label],[placeholder],[alt],input[type=submit][value],button[value]')) {
            if (inChineseData(e)) continue;
            for (const a of ['title', 'aria-label', 'placeholder', 'alt']) {
              const v = e.getAttribute(a);
              if (v && chinese.test(v)) found.push(`${e.tagName.toLowerCase()}[${a}]: ${v.slice(0, 80)}`);
            }
          }
          return found;
        }
        """;

    /// <summary>The page the journey drives.</summary>
    public IPage Page => page;

    /// <summary>Signs in on the sign-in form (in Chinese).</summary>
    public async Task SignInAsync(string email, string password = DemoRegistry.Password)
    {
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("邮箱").FillAsync(email);
        await page.GetByLabel("密码").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "退出" })).ToBeVisibleAsync();
    }

    /// <summary>
    /// Answers a form's fields by their names, as a user would: a choice picked in a list, a box
    /// ticked (<c>"true"</c>, or the box of that value in a group), a radio button chosen, text typed.
    /// </summary>
    public async Task FillAsync(IReadOnlyDictionary<string, string> answers, ILocator? within = null)
    {
        ArgumentNullException.ThrowIfNull(answers);
        foreach (var (name, value) in answers)
        {
            var field = (within?.Locator($"[name='{name}']") ?? page.Locator($"[name='{name}']"));
            var kind = await field.First.EvaluateAsync<string>("e => e.tagName === 'INPUT' ? e.type : e.tagName.toLowerCase()");
            switch (kind)
            {
                case "select":
                    await field.SelectOptionAsync(value);
                    break;
                case "checkbox" when value is "true" or "false":
                    await field.First.SetCheckedAsync(value == "true");
                    break;
                case "checkbox" or "radio":
                    await field.And(page.Locator($"[value='{value}']")).CheckAsync();
                    break;
                default:
                    await field.FillAsync(value);
                    break;
            }
        }
    }

    /// <summary>
    /// Checks the page as it is now (axe, both widths), and unless <paramref name="switchLanguage"/>
    /// is false (a form answered with its errors, which a reload would lose), the page in English and back.
    /// </summary>
    public async Task StepAsync(string name, bool switchLanguage = true)
    {
        await CheckAsync(name);
        if (!switchLanguage)
        {
            return;
        }

        var url = page.Url;
        await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        var stray = (await page.EvaluateAsync<JsonElement>(ChineseOutsideData)).EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.True(stray.Count == 0, $"{name} in English ({page.Url}) has Chinese outside data values:\n{string.Join("\n", stray)}");
        await CheckAsync(name + "-en");
        await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "中文" }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        Assert.Equal(Path(url), Path(page.Url));
    }

    private async Task CheckAsync(string name)
    {
        var directory = System.IO.Path.Combine(AppContext.BaseDirectory, "screenshots", provider.ToString().ToLowerInvariant());
        Directory.CreateDirectory(directory);
        await Axe.CheckAsync(page, name);
        await page.ScreenshotAsync(new() { Path = System.IO.Path.Combine(directory, $"{name}-1280.png"), FullPage = true });
        await page.SetViewportSizeAsync(375, 800);
        await page.ScreenshotAsync(new() { Path = System.IO.Path.Combine(directory, $"{name}-375.png"), FullPage = true });
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{name}: at 375 px the page scrolls sideways by {overflow} px");
        await page.SetViewportSizeAsync(1280, 800);
    }

    private static string Path(string url) => new Uri(url).AbsolutePath;
}
