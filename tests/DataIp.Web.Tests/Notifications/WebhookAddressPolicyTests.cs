using System.Net;
using DataIp.Web.Features.Notifications;
using DataIp.Web.Infrastructure;

namespace DataIp.Web.Tests.Notifications;

/// <summary>
/// Issue M6, defect 6: the address policy refuses every address that is not on the public
/// internet (the IANA special-purpose registries, row by row, at both ends of each range where it
/// matters), admits global addresses just beside them, and admits what the operator allow-lists.
/// </summary>
public sealed class WebhookAddressPolicyTests
{
    private static readonly WebhookAddressPolicy Default = new([]);

    public static TheoryData<string> Refused =>
    [
        // IPv4
        "0.0.0.0", "0.1.2.3", "0.255.255.255",
        "10.0.0.0", "10.0.0.5", "10.255.255.255",
        "100.64.0.0", "100.100.100.200", "100.127.255.255",
        "127.0.0.1", "127.0.0.2", "127.255.255.254",
        "169.254.0.1", "169.254.169.254", "169.254.255.255",
        "172.16.0.1", "172.20.0.1", "172.31.255.255",
        "192.0.0.1", "192.0.0.9", "192.0.0.255",
        "192.0.2.1", "192.88.99.1",
        "192.168.0.1", "192.168.1.1", "192.168.255.255",
        "198.18.0.1", "198.19.255.255", "198.51.100.7", "203.0.113.9",
        "224.0.0.1", "239.255.255.250", "240.0.0.1", "250.1.2.3", "255.255.255.255",
        // IPv6
        "::", "::1", "fc00::1", "fd00::1", "fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
        "fe80::1", "fe80::1%1", "febf:ffff::1", "fec0::1", "ff02::1", "ff05::1:3", "ff0e::1",
        "2001:db8::1", "2001:db8:ffff::1", "3fff::1", "3fff:fff::1",
        "64:ff9b::7f00:1", "64:ff9b::808:808", "64:ff9b:1::a00:5", "100::1",
        "2001::1", "2001:0:4136:e378:8000:63bf:3fff:fdd2", "2001:2::1", "2001:10::1", "2001:1ff:ffff::1",
        "5f00::1", "4000::1", "1000::1", "::ffff:0:7f00:1", "8000::1", "e000::1",
        // IPv4 inside IPv6: mapped, compatible, 6to4
        "::ffff:127.0.0.1", "::ffff:7f00:1", "::ffff:10.0.0.5", "::ffff:169.254.169.254", "::ffff:0.0.0.0",
        "::127.0.0.1", "::10.0.0.5", "::0.0.0.2",
        "2002:7f00:1::1", "2002:a00:5::1", "2002:a9fe:a9fe::1", "2002:c0a8:101::1",
    ];

    public static TheoryData<string> Global =>
    [
        "1.1.1.1", "8.8.8.8", "11.0.0.1", "93.184.216.34", "126.255.255.255", "128.0.0.1",
        "100.63.255.255", "100.128.0.0", "169.253.255.255", "169.255.0.1",
        "172.15.255.255", "172.32.0.0", "192.0.1.1", "192.0.3.1", "192.167.255.255", "192.169.0.1",
        "198.17.255.255", "198.20.0.0", "203.0.112.1", "223.255.255.255",
        "2001:4860:4860::8888", "2606:4700:4700::1111", "2400:cb00::1", "2001:200::1", "2001:da8::1",
        "2002:808:808::1", "3fff:1000::1", "::ffff:8.8.8.8", "::8.8.8.8",
    ];

    [Theory]
    [MemberData(nameof(Refused))]
    public void Allows_NotGlobal_False(string address)
    {
        var ip = IPAddress.Parse(address);

        Assert.False(Default.Allows(ip), $"{address} must be refused");
        Assert.NotNull(WebhookAddressPolicy.NonGlobalRange(ip));
    }

    [Theory]
    [MemberData(nameof(Global))]
    public void Allows_Global_True(string address) =>
        Assert.True(Default.Allows(IPAddress.Parse(address)), $"{address} is a global address");

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.9.9.9", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("10.20.1.2", true)]
    [InlineData("::ffff:10.20.1.2", true)]
    [InlineData("10.21.0.1", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("fd00:1::5", true)]
    [InlineData("fd00:2::5", false)]
    [InlineData("fe80::1", false)]
    [InlineData("::1", true)]
    [InlineData("169.254.169.254", false)]
    [InlineData("8.8.8.8", true)]
    public void Allows_AllowList_AdmitsOnlyItsNetworks(string address, bool allowed)
    {
        var policy = WebhookAddressPolicy.From(new WebhookOptions { AllowedPrivateNetworks = ["127.0.0.0/8", " 10.20.0.0/16 ", "fd00:1::/64", "::1"] });

        Assert.Equal(allowed, policy.Allows(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("banana")]
    [InlineData("10.0.0.0/33")]
    [InlineData("10.0.0.0/")]
    [InlineData("")]
    [InlineData("fd00::/129")]
    public void From_MalformedAllowListEntry_ThrowsNamingTheSetting(string entry)
    {
        var options = new WebhookOptions { AllowedPrivateNetworks = ["10.0.0.0/8", entry] };

        var e = Assert.Throws<InvalidOperationException>(() => WebhookAddressPolicy.From(options));

        Assert.Contains("DataIp:Webhooks:AllowedPrivateNetworks:1", e.Message, StringComparison.Ordinal);
    }
}
