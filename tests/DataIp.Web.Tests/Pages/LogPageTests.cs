using System.Net;
using DataIp.Data;
using DataIp.Testing;
using DataIp.Web.Infrastructure;
using DataIp.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DataIp.Web.Tests.Pages;

/// <summary>/log on the demo, on SQLite and PostgreSQL: the checkpoint and keys the endpoints publish, the verify command for this node, the latest entries paged.</summary>
public sealed class LogPageTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task LogPage_ShowsTheCheckpointTheEndpointPublishes(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider, DateTimeOffset.UtcNow, demo: true);
        var checkpoint = await platform.PublishLogAsync();
        var anyone = platform.CookieClient();

        var note = await anyone.GetStringAsync("/log/checkpoint");
        var keys = await anyone.GetStringAsync("/log/keys");
        var html = WebUtility.HtmlDecode(await anyone.GetStringAsync("/log"));
        var older = WebUtility.HtmlDecode(await anyone.GetStringAsync($"/log?before={checkpoint.TreeSize - 25}"));
        var lines = note.Split('\n');
        var server = platform.Services.GetRequiredService<PublicAddress>().Current.AbsoluteUri.TrimEnd('/');

        Assert.Contains($"<pre class=\"note-text code\" data-note>{note}</pre>", html);
        Assert.Contains($"<dd class=\"code\" data-origin>{lines[0]}</dd>", html);
        Assert.Contains($"data-size=\"{lines[1]}\"", html);
        Assert.Contains($"<dd class=\"code\" data-root>{lines[2]}</dd>", html);
        Assert.Contains($"<pre class=\"note-text code\" data-keys>{keys}</pre>", html);
        Assert.Contains($"dataip log verify --server {server} --state dataip-log.state", html);
        Assert.Contains($"<tr data-index=\"{checkpoint.TreeSize - 1}\">", html);
        Assert.Contains($"href=\"/log?before={checkpoint.TreeSize - 25}\"", html);
        Assert.Contains($"<tr data-index=\"{checkpoint.TreeSize - 26}\">", older);
        Assert.DoesNotContain($"<tr data-index=\"{checkpoint.TreeSize - 25}\">", older);
    }
}
