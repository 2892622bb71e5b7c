using DataIp.Data;
using DataIp.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataIp.Web.Tests.Pages;

/// <summary>The administrator's forms as a browser posts them, and the counts that show whether a post wrote anything.</summary>
internal static class AdminForm
{
    /// <summary>Posts <paramref name="fields"/> to <paramref name="page"/> with the antiforgery token of <paramref name="tokenFrom"/> (default: the page).</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, IReadOnlyDictionary<string, string> fields, string? tokenFrom = null)
    {
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = await SignInForm.AntiforgeryTokenAsync(client, tokenFrom ?? page) };
        return await client.PostAsync(page, new FormUrlEncodedContent(form));
    }

    /// <summary>The number of acts recorded.</summary>
    public static async Task<int> ActsAsync(RegistryFactory platform)
    {
        await using var scope = platform.Scope();
        return await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Acts.CountAsync();
    }
}
