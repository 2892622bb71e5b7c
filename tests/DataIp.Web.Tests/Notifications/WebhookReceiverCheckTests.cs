using System.Net;
using System.Net.Sockets;
using DataIp.Web.Features.Notifications;
using Microsoft.Extensions.Logging.Abstractions;

namespace DataIp.Web.Tests.Notifications;

/// <summary>
/// Issue M6, defect 6: a receiver URL is judged by the address its host really is, however the
/// host is spelt (decimal, octal, hex, short, IPv4-mapped, trailing dot, any case), and by every
/// address a name resolves to; the connector refuses a refused host before dialing anything.
/// Names resolve through a <see cref="StubResolver"/> to loopback or refused addresses only;
/// 127.0.0.2 and 127.0.0.3 stand for public receivers (the allow-list admits them).
/// </summary>
public sealed class WebhookReceiverCheckTests
{
    private static readonly IPAddress Public = IPAddress.Parse("127.0.0.2");
    private static readonly IPAddress OtherPublic = IPAddress.Parse("127.0.0.3");

    private readonly StubResolver _resolver = new();
    private readonly LoopbackOnlyDialer _dialer = new();

    public WebhookReceiverCheckTests()
    {
        _resolver.Map("receiver.example", Public);
        _resolver.Map("two.example", OtherPublic, Public);
        _resolver.Map("ten.example", IPAddress.Parse("10.0.0.5"));
        _resolver.Map("metadata.example", IPAddress.Parse("169.254.169.254"));
        _resolver.Map("ula.example", IPAddress.Parse("fd00::1"));
        _resolver.Map("mixed.example", Public, IPAddress.Parse("10.0.0.5"));
        _resolver.Map("empty.example");
    }

    [Theory]
    [InlineData("http://127.0.0.1/")]
    [InlineData("http://2130706433:8080/hooks")]
    [InlineData("http://0177.0.0.1/")]
    [InlineData("http://0x7f.0.0.1/")]
    [InlineData("http://0x7f000001/")]
    [InlineData("http://017700000001/")]
    [InlineData("http://127.1/")]
    [InlineData("http://127.0.0.1./")]
    [InlineData("http://[::1]/")]
    [InlineData("http://[0:0:0:0:0:0:0:1]:8080/")]
    [InlineData("http://[::ffff:127.0.0.1]/")]
    [InlineData("http://[::ffff:7f00:1]/")]
    [InlineData("http://[::127.0.0.1]/")]
    [InlineData("http://0/")]
    [InlineData("http://0.0.0.0/")]
    [InlineData("http://[::]/")]
    [InlineData("http://localhost/")]
    [InlineData("http://LocalHost.:8080/")]
    [InlineData("http://ten.example/")]
    [InlineData("http://TEN.Example./")]
    [InlineData("http://metadata.example/latest/meta-data/")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://2852039166/")]
    [InlineData("http://[fe80::1%25eth0]/")]
    [InlineData("http://ula.example/")]
    [InlineData("http://mixed.example/")]
    [InlineData("http://empty.example/")]
    [InlineData("http://unknown.example/")]
    [InlineData("https://10.0.0.5/")]
    [InlineData("https://[fd00::1]/")]
    public async Task UrlProblem_HostNotPublic_TheAddressRuleOnly(string url)
    {
        var problem = await Check().UrlProblemAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(WebhookReceiverCheck.AddressRule, problem);
    }

    [Theory]
    [InlineData("http://receiver.example/hooks")]
    [InlineData("https://RECEIVER.example./hooks")]
    [InlineData("http://two.example:8080/")]
    [InlineData("http://127.0.0.2:8080/")]
    [InlineData("http://2130706434/")]
    [InlineData("http://0x7f.0.0.2/")]
    [InlineData("http://127.2/")]
    [InlineData("http://[::ffff:127.0.0.2]/")]
    public async Task UrlProblem_PublicHost_None(string url) =>
        Assert.Null(await Check().UrlProblemAsync(url, TestContext.Current.CancellationToken));

    [Theory]
    [InlineData("")]
    [InlineData("/hooks")]
    [InlineData("receiver.example/hooks")]
    [InlineData("ftp://receiver.example/")]
    [InlineData("file:///etc/passwd")]
    [InlineData("https://user:pw@receiver.example/")]
    [InlineData("https://user@127.0.0.1/")]
    public async Task UrlProblem_Malformed_ProblemWithoutLookup(string url)
    {
        var problem = await Check().UrlProblemAsync(url, TestContext.Current.CancellationToken);

        Assert.NotNull(problem);
        Assert.NotEqual(WebhookReceiverCheck.AddressRule, problem);
        Assert.Empty(_resolver.Lookups);
    }

    [Fact]
    public async Task UrlProblem_PlainHttpNotAllowed_HttpsRuleWithoutLookup()
    {
        var check = Check(plainHttp: false);

        Assert.Equal(WebhookReceiverCheck.HttpsRule, await check.UrlProblemAsync("http://receiver.example/", TestContext.Current.CancellationToken));
        Assert.Empty(_resolver.Lookups);
        Assert.Null(await check.UrlProblemAsync("https://receiver.example/", TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("ten.example")]
    [InlineData("mixed.example")]
    [InlineData("unknown.example")]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("[::ffff:127.0.0.1]")]
    public async Task Connect_RefusedHost_ThrowsWithoutDialing(string host)
    {
        var connector = new WebhookConnector(Check(), _dialer);

        var e = await Assert.ThrowsAsync<WebhookRefusedException>(() =>
            connector.ConnectAsync(new Uri("https://example.cn/hooks"), new DnsEndPoint(host, 443), TestContext.Current.CancellationToken).AsTask());

        Assert.Contains(WebhookReceiverCheck.AddressRule, e.Message, StringComparison.Ordinal);
        Assert.Empty(_dialer.Dials);
    }

    [Fact]
    public async Task Connect_PlainHttpNotAllowed_ThrowsWithoutLookup()
    {
        var connector = new WebhookConnector(Check(plainHttp: false), _dialer);

        await Assert.ThrowsAsync<WebhookRefusedException>(() =>
            connector.ConnectAsync(new Uri("http://receiver.example/hooks"), new DnsEndPoint("receiver.example", 80), TestContext.Current.CancellationToken).AsTask());

        Assert.Empty(_resolver.Lookups);
        Assert.Empty(_dialer.Dials);
    }

    [Fact]
    public async Task Connect_FirstAddressDown_DialsTheNext()
    {
        using var listener = new TcpListener(Public, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var connector = new WebhookConnector(Check(), _dialer);

        await using var stream = await connector.ConnectAsync(
            new Uri($"https://two.example:{port}/"), new DnsEndPoint("two.example", port), TestContext.Current.CancellationToken);
        using var accepted = await listener.AcceptTcpClientAsync(TestContext.Current.CancellationToken);

        Assert.Equal(new[] { new IPEndPoint(OtherPublic, port), new IPEndPoint(Public, port) }, _dialer.Dials.ToArray());
        Assert.Equal(new IPEndPoint(Public, port), accepted.Client.LocalEndPoint);
    }

    private WebhookReceiverCheck Check(bool plainHttp = true) =>
        new(_resolver, new WebhookAddressPolicy([IPNetwork.Parse("127.0.0.2/31")]), plainHttp, NullLogger<WebhookReceiverCheck>.Instance);
}
