using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using DataIp.Data;
using DataIp.Domain.Fingerprinting;
using DataIp.Domain.Registration;
using DataIp.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataIp.Web.Tests.Pages;

/// <summary>The draft pages' forms as a browser posts them: the page read first, its token and version sent back.</summary>
internal static partial class DraftForms
{
    /// <summary>A file sent with a form: the field, its name and its bytes.</summary>
    public sealed record Upload(string Field, string FileName, byte[] Bytes);

    /// <summary>Posts a section's page with its answers (the version the page shows unless one is given).</summary>
    public static async Task<HttpResponseMessage> SaveAsync(HttpClient client, Guid id, string section, Dictionary<string, string> fields, params Upload[] files)
    {
        var path = $"/applications/{id}/draft/{section}";
        var html = await client.GetStringAsync(path);
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(Token(html)), "__RequestVerificationToken");
        if (!fields.ContainsKey("Fields.Version"))
        {
            form.Add(new StringContent(Version().Match(html).Groups[1].Value), "Fields.Version");
        }

        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        foreach (var file in files)
        {
            var content = new ByteArrayContent(file.Bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(content, file.Field, file.FileName);
        }

        return await client.PostAsync(path, form);
    }

    /// <summary>Posts a form of fields with a token taken from <paramref name="tokenFrom"/>.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, Dictionary<string, string> fields, string tokenFrom)
    {
        var token = await SignInForm.AntiforgeryTokenAsync(client, tokenFrom);
        return await client.PostAsync(path, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
    }

    /// <summary>The manifest the real <c>dataip fingerprint --rows csv</c> code writes for a small CSV, computed at the platform's time.</summary>
    public static (byte[] Manifest, string Root) Manifest(TimeProvider time)
    {
        var directory = Directory.CreateTempSubdirectory("dataip-draft-");
        try
        {
            var data = Path.Combine(directory.FullName, "parking.csv");
            File.WriteAllText(data, "停车场,时间,空位\n福田1号,2025-09-01T08:00,12\n南山2号,2025-09-01T08:05,3\n");
            var manifest = Fingerprinter.FingerprintRows(data, new RowsOptions(FingerprintAlgorithm.Sha256, RowFormat.Csv), time, "dataip test");
            return (System.Text.Encoding.UTF8.GetBytes(FingerprintJson.WriteManifest(manifest)), manifest.Root.ToString());
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>How many acts the register holds.</summary>
    public static async Task<int> ActsAsync(RegistryFactory platform)
    {
        await using var scope = platform.Scope();
        return await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Acts.CountAsync();
    }

    /// <summary>The statuses the task list shows, section by section.</summary>
    public static Dictionary<string, string> Statuses(string html) =>
        StatusTag().Matches(html).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);

    private static string Token(string html)
    {
        var match = TokenInput().Match(html);
        Assert.True(match.Success, "the page has no antiforgery token");
        return match.Groups[1].Value;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();

    [GeneratedRegex("name=\"Fields.Version\" value=\"(\\d+)\"")]
    private static partial Regex Version();

    [GeneratedRegex("<span id=\"status-([a-z-]+)\" class=\"tag [^\"]+\">([^<]+)</span>")]
    private static partial Regex StatusTag();
}
