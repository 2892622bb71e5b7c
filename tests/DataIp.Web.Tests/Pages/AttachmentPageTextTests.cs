using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using DataIp.Data;
using DataIp.Testing;
using DataIp.Web.Tests.Infrastructure;
using static DataIp.Web.Tests.Pages.DraftForms;

namespace DataIp.Web.Tests.Pages;

/// <summary>
/// The attachment store's refusals on a draft's page, in the page's language: a file too large, an
/// executable named .pdf, a ZIP where only documents go and an empty file are each refused beside the
/// file field with what is wrong and what would be accepted, in Chinese and on <c>?culture=en</c>
/// (a Chinese file name marked as Chinese there); the API keeps the store's English.
/// </summary>
public sealed class AttachmentPageTextTests
{
    private const string Documents = "PDF、PNG或JPEG";

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task RefusedUploads_WordedInThePagesLanguage(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider);
        var email = $"applicant.{Guid.NewGuid():N}@test.dataip.cn";
        var api = await platform.ApplicantAsync(email);
        var client = await platform.SignedInAsync(email);
        using var created = await PostAsync(client, "/applications/new", new() { ["BodyCode"] = "4403", ["DataName"] = "城市停车泊位数据集" }, "/applications/new");
        var id = Guid.Parse(created.RedirectTarget().Split('/')[2]);

        var chinese = await RefusedAsync(client, id, "");
        var english = await RefusedAsync(client, id, "?culture=en");
        var viaApi = await ApiAsync(api, id);
        var attachments = await api.GetStringAsync($"/api/v1/applications/{id}/attachments");

        Assert.Contains(Beside("文件未能上传：「big.pdf」大于 20 MB，这里上传的文件不能超过 20 MB。"), chinese["big.pdf"]);
        Assert.Contains(Beside($"文件未能上传：无法识别「setup.pdf」的文件类型，这里只接受 {Documents} 文件。"), chinese["setup.pdf"]);
        Assert.Contains(Beside($"文件未能上传：「data.zip」是 ZIP 文件，这里只接受 {Documents} 文件。"), chinese["data.zip"]);
        Assert.Contains(Beside("文件未能上传：「授权书.pdf」是空文件，请选择有内容的文件。"), chinese["授权书.pdf"]);
        Assert.All(chinese.Values, html =>
        {
            Assert.Contains("<a href=\"#source-file\">文件未能上传：", html);
            Assert.DoesNotContain("文件为空、过大或类型不符合要求", html, StringComparison.Ordinal);
            Assert.DoesNotContain("must ", html, StringComparison.Ordinal);
            Assert.DoesNotContain('\u2068', html);
        });
        Assert.Contains(Beside("The file was not uploaded: “big.pdf” is larger than 20 MB, the most a file here may be."), english["big.pdf"]);
        Assert.Contains(Beside("The file was not uploaded: “setup.pdf” is not of a type this platform recognises; only PDF, PNG or JPEG files are accepted here."), english["setup.pdf"]);
        Assert.Contains(Beside("The file was not uploaded: “data.zip” is a file of type ZIP; only PDF, PNG or JPEG files are accepted here."), english["data.zip"]);
        Assert.Contains(Beside("The file was not uploaded: “<span lang=\"zh-CN\">授权书.pdf</span>” is empty; choose a file that has content."), english["授权书.pdf"]);
        Assert.Contains("<a href=\"#source-file\">The file was not uploaded: “<span lang=\"zh-CN\">授权书.pdf</span>” is empty;", english["授权书.pdf"]);
        Assert.All(english.Values, html => Assert.DoesNotContain("文件未能上传", html, StringComparison.Ordinal));
        Assert.Equal("A proof-of-source document must be at most 20 MiB.", viaApi["big.pdf"]);
        Assert.Equal("A proof-of-source document must be PDF, PNG or JPEG; the uploaded file is none of these.", viaApi["setup.pdf"]);
        Assert.Equal("A proof-of-source document must be PDF, PNG or JPEG; the uploaded file looks like application/zip.", viaApi["data.zip"]);
        Assert.Equal("A proof-of-source document must not be empty.", viaApi["授权书.pdf"]);
        Assert.Equal("[]", attachments);
    }

    // Each refused file, uploaded as a proof of source on the source section's page: the page's answer (HTML decoded), by file name.
    private static async Task<Dictionary<string, string>> RefusedAsync(HttpClient client, Guid id, string culture)
    {
        var pages = new Dictionary<string, string>();
        foreach (var (name, bytes) in Files())
        {
            using var response = await SaveAsync(client, id, "source" + culture, [], new Upload("SourceFile", name, bytes));
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name}{culture}: {(int)response.StatusCode}");
            pages[name] = html;
        }

        return pages;
    }

    // The same files sent to the API: its error for the field "file", which must also be its detail.
    private static async Task<Dictionary<string, string>> ApiAsync(HttpClient api, Guid id)
    {
        var errors = new Dictionary<string, string>();
        foreach (var (name, bytes) in Files())
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            using var response = await api.PostAsync($"/api/v1/applications/{id}/attachments?kind=proofOfSource", new MultipartFormDataContent { { file, "file", name } });
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var error = problem.RootElement.GetProperty("errors").GetProperty("file")[0].GetString()!;
            Assert.Equal(error, problem.RootElement.GetProperty("detail").GetString());
            errors[name] = error;
        }

        return errors;
    }

    private static IEnumerable<(string Name, byte[] Bytes)> Files()
    {
        byte[] big = new byte[(20 << 20) + 1];
        "%PDF-1.4\n"u8.CopyTo(big);
        yield return ("big.pdf", big);
        yield return ("setup.pdf", [.. "MZ"u8, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF]);
        yield return ("data.zip", Zip());
        yield return ("授权书.pdf", []);
    }

    private static byte[] Zip()
    {
        using var bytes = new MemoryStream();
        using (var zip = new ZipArchive(bytes, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = new StreamWriter(zip.CreateEntry("rows.csv").Open());
            entry.Write("a,b\n1,2\n");
        }

        return bytes.ToArray();
    }

    // The message beside the file field.
    private static string Beside(string message) => $"<p id=\"source-file-error\" class=\"field-error\">{message}</p>";
}
