using System.Net;
using DataIp.Data;
using DataIp.Testing;
using DataIp.Web.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using static DataIp.Web.Tests.Pages.DraftForms;

namespace DataIp.Web.Tests.Pages;

/// <summary>
/// The content validator's problems on the draft pages, in the page's language: each answer the
/// validator refuses (a mistyped credit code, a bad phone, a data name too long, a fingerprint dated
/// tomorrow, an agreement already ended) is worded from the resource files with the field's label,
/// in Chinese with no English sentence left, and in English on <c>?culture=en</c>; the API keeps the
/// domain's English.
/// </summary>
public sealed class DraftProblemTextTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task RefusedAnswers_WordedInThePagesLanguage(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider);
        var email = $"applicant.{Guid.NewGuid():N}@test.dataip.cn";
        var api = await platform.ApplicantAsync(email);
        var client = await platform.SignedInAsync(email);
        using var created = await PostAsync(client, "/applications/new", new() { ["BodyCode"] = "4403", ["DataName"] = "城市停车泊位数据集" }, "/applications/new");
        var id = Guid.Parse(created.RedirectTarget().Split('/')[2]);
        var (tomorrowsManifest, _) = Manifest(new FakeTimeProvider(platform.Clock.GetUtcNow().AddDays(2)));

        var chinese = await RefusedAsync(client, id, "", tomorrowsManifest);
        var english = await RefusedAsync(client, id, "?culture=en", tomorrowsManifest);
        using var viaApi = await api.PutJsonAsync($"/api/v1/applications/{id}/content", new { content = new { applicant = new { creditCode = "91350100M000100Y44" } } });
        var apiBody = await viaApi.Content.ReadAsStringAsync();

        Assert.Contains("<a href=\"#applicant-creditCode\">统一社会信用代码不符合要求：第 18 位校验码应为“3”，现为“4”：代码有误，请核对。</a>", chinese["applicant"]);
        Assert.Contains("<a href=\"#applicant-contact-phone\">联系电话应为 7–15 位数字", chinese["applicant"]);
        Assert.Contains("<a href=\"#dataObject-dataName\">数据名称应为 2–100 个字，现为 201 个字。</a>", chinese["description"]);
        Assert.Contains("<a href=\"#evidence-manifest\">数据指纹的计算日期不能晚于今天（", chinese["evidence"]);
        Assert.Contains("<a href=\"#rights-Holding-agreementEndDate\">协议终止日期应晚于今天（", chinese["rights"]);
        Assert.Contains("2020年1月1日", chinese["rights"]);
        Assert.All(chinese.Values, html =>
        {
            Assert.DoesNotContain("must ", html, StringComparison.Ordinal);
            Assert.DoesNotContain(" is not a valid ", html, StringComparison.Ordinal);
            Assert.DoesNotContain("2020-01-01", Summary(html), StringComparison.Ordinal);
        });
        Assert.Contains("The unified social credit code is not valid: The check character (position 18) should be '3' but is '4': the code is mistyped.", english["applicant"]);
        Assert.Contains("The phone number must be 7–15 digits", english["applicant"]);
        Assert.Contains("The data name must be 2–100 characters; it has 201.", english["description"]);
        Assert.Contains("<a href=\"#evidence-manifest\">The data fingerprint cannot have been computed after today (", english["evidence"]);
        Assert.Contains("an agreement that ended on 1 January 2020 supports no right.", english["rights"]);
        Assert.All(english.Values, html => Assert.DoesNotContain("不符合要求", html, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, viaApi.StatusCode);
        Assert.Contains("creditCode is not a valid unified social credit code: The check character (position 18) should be", apiBody);
    }

    // Saves four sections with answers the validator refuses; the pages' answers, by section.
    private static async Task<Dictionary<string, string>> RefusedAsync(HttpClient client, Guid id, string culture, byte[] manifest)
    {
        var answers = new Dictionary<string, (Dictionary<string, string> Fields, Upload[] Files)>
        {
            ["applicant"] = (new()
            {
                ["Fields.Name"] = "测试公司",
                ["Fields.RegistrantType"] = "Enterprise",
                ["Fields.CreditCode"] = "91350100M000100Y44",
                ["Fields.RegionCode"] = "440300",
                ["Fields.ContactPerson"] = "王芳",
                ["Fields.ContactPhone"] = "12-34",
            }, []),
            ["description"] = (new() { ["Fields.DataName"] = new string('数', 201) }, []),
            ["evidence"] = ([], [new Upload("Manifest", "manifest.json", manifest)]),
            ["rights"] = (new()
            {
                ["Fields.Rights[0].Right"] = "Holding",
                ["Fields.Rights[0].Claimed"] = "true",
                ["Fields.Rights[0].Basis"] = "Authorised",
                ["Fields.Rights[0].AgreementReference"] = "SZJT-2025-018",
                ["Fields.Rights[0].AgreementEndDate"] = "2020-01-01",
            }, []),
        };
        var pages = new Dictionary<string, string>();
        foreach (var (section, (fields, files)) in answers)
        {
            using var response = await SaveAsync(client, id, section + culture, fields, files);
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{section}{culture}: {(int)response.StatusCode} {Summary(html)}");
            pages[section] = html;
        }

        return pages;
    }

    // The error summary's part of a page.
    private static string Summary(string html)
    {
        var start = html.IndexOf("error-summary", StringComparison.Ordinal);
        return start < 0 ? "" : html[start..Math.Min(html.Length, html.IndexOf("</div>", start, StringComparison.Ordinal) + 6)];
    }
}
