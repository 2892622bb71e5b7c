using DataIp.Cli.Log;

namespace DataIp.Cli.Tests.Log;

public sealed class TileClientTests
{
    [Theory]
    [InlineData("https://registry.example", "https://registry.example/log/")]
    [InlineData("https://registry.example/", "https://registry.example/log/")]
    [InlineData("http://localhost:5080", "http://localhost:5080/log/")]
    [InlineData("https://host.example/registry//", "https://host.example/registry/log/")]
    public void TryGetLogUri_ServerUrl_IsTheLogBelowIt(string server, string log)
    {
        Assert.True(TileClient.TryGetLogUri(server, out var uri, out _));
        Assert.Equal(log, uri.AbsoluteUri);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("registry.example")]
    [InlineData("/log")]
    [InlineData("ftp://registry.example")]
    [InlineData("file:///tmp/log")]
    [InlineData("https://registry.example/#top")]
    public void TryGetLogUri_NotAServerUrl_IsRefused(string? server)
    {
        Assert.False(TileClient.TryGetLogUri(server, out _, out var error));
        Assert.NotEmpty(error);
    }

    [Fact]
    public async Task GetTiles_ThroughHttp_ReturnsWhatTheLogServes()
    {
        var log = new FakeLog(300);
        using var http = new HttpClient(new FakeLogHandler(log));
        var client = new TileClient(http, FakeLogHandler.Server, TimeSpan.FromSeconds(5));
        var cancellation = TestContext.Current.CancellationToken;

        Assert.Equal(log.Serve("tile/0/001.p/44"), await client.GetHashTileAsync(0, 1, 44, cancellation));
        Assert.Equal(log.Serve("tile/entries/000"), await client.GetEntryBundleAsync(0, 256, cancellation));
        Assert.Equal(log.Checkpoint, await client.GetCheckpointAsync(cancellation));
        Assert.Equal(log.Keys, await client.GetKeysAsync(cancellation));
    }

    [Fact]
    public void EntryBundle_Prefix_KeepsTheFirstEntries()
    {
        var bundle = EntryBundle.Join([[1], [], [2, 3]]);

        Assert.Equal(EntryBundle.Join([[1], []]), EntryBundle.Prefix(bundle, 2));
        Assert.Equal(bundle, EntryBundle.Prefix(bundle, 5));
        Assert.Empty(EntryBundle.Prefix(bundle, 0));
    }
}
