using System.Net;
using System.Net.Sockets;

namespace DataIp.Web.Features.Notifications;

/// <summary>
/// Which IP addresses may receive webhooks: global unicast addresses only, so that no account can
/// make the platform POST into the operator's own network (server-side request forgery). Refused
/// are loopback, private, shared (CGNAT), link-local (with the cloud metadata address
/// 169.254.169.254), unique-local, multicast, documentation, benchmarking and every other range of
/// the IANA IPv4 and IPv6 special-purpose address registries that is not globally reachable, and
/// all IPv6 outside 2000::/3. IPv4-mapped, IPv4-compatible and 6to4 addresses are judged by the IPv4
/// address they carry. The operator's allow-list (<see cref="WebhookOptions.AllowedPrivateNetworks"/>)
/// admits the networks it names, whatever they are.
/// </summary>
/// <remarks>Immutable and thread-safe. Sources: iana.org/assignments/iana-ipv4-special-registry and iana-ipv6-special-registry.</remarks>
internal sealed class WebhookAddressPolicy
{
    /// <summary>The setting that holds the allow-list.</summary>
    public const string AllowListSetting = $"{PlatformOptions.Section}:Webhooks:AllowedPrivateNetworks";

    private static readonly (IPNetwork Network, string Name)[] RefusedV4 =
    [
        (IPNetwork.Parse("0.0.0.0/8"), "\"this network\" (RFC 791)"),
        (IPNetwork.Parse("10.0.0.0/8"), "private-use (RFC 1918)"),
        (IPNetwork.Parse("100.64.0.0/10"), "shared address space, CGNAT (RFC 6598)"),
        (IPNetwork.Parse("127.0.0.0/8"), "loopback (RFC 1122)"),
        (IPNetwork.Parse("169.254.0.0/16"), "link-local, cloud metadata (RFC 3927)"),
        (IPNetwork.Parse("172.16.0.0/12"), "private-use (RFC 1918)"),
        (IPNetwork.Parse("192.0.0.0/24"), "IETF protocol assignments (RFC 6890)"),
        (IPNetwork.Parse("192.0.2.0/24"), "documentation, TEST-NET-1 (RFC 5737)"),
        (IPNetwork.Parse("192.88.99.0/24"), "deprecated 6to4 relay anycast (RFC 7526)"),
        (IPNetwork.Parse("192.168.0.0/16"), "private-use (RFC 1918)"),
        (IPNetwork.Parse("198.18.0.0/15"), "benchmarking (RFC 2544)"),
        (IPNetwork.Parse("198.51.100.0/24"), "documentation, TEST-NET-2 (RFC 5737)"),
        (IPNetwork.Parse("203.0.113.0/24"), "documentation, TEST-NET-3 (RFC 5737)"),
        (IPNetwork.Parse("224.0.0.0/4"), "multicast (RFC 5771)"),
        (IPNetwork.Parse("240.0.0.0/4"), "reserved, and limited broadcast 255.255.255.255 (RFC 1112, RFC 919)"),
    ];

    // Everything outside 2000::/3 is refused anyway; the ranges there are named for the log.
    private static readonly (IPNetwork Network, string Name)[] RefusedV6 =
    [
        (IPNetwork.Parse("::/128"), "unspecified (RFC 4291)"),
        (IPNetwork.Parse("::1/128"), "loopback (RFC 4291)"),
        (IPNetwork.Parse("64:ff9b::/96"), "IPv4/IPv6 translation (RFC 6052)"),
        (IPNetwork.Parse("64:ff9b:1::/48"), "local-use IPv4/IPv6 translation (RFC 8215)"),
        (IPNetwork.Parse("100::/64"), "discard-only (RFC 6666)"),
        (IPNetwork.Parse("2001::/23"), "IETF protocol assignments, Teredo, benchmarking, ORCHID (RFC 2928)"),
        (IPNetwork.Parse("2001:db8::/32"), "documentation (RFC 3849)"),
        (IPNetwork.Parse("3fff::/20"), "documentation (RFC 9637)"),
        (IPNetwork.Parse("5f00::/16"), "segment routing SIDs (RFC 9602)"),
        (IPNetwork.Parse("fc00::/7"), "unique-local (RFC 4193)"),
        (IPNetwork.Parse("fe80::/10"), "link-local (RFC 4291)"),
        (IPNetwork.Parse("fec0::/10"), "site-local, deprecated (RFC 3879)"),
        (IPNetwork.Parse("ff00::/8"), "multicast (RFC 4291)"),
    ];

    private static readonly IPNetwork GlobalUnicastV6 = IPNetwork.Parse("2000::/3");
    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");

    private readonly IPNetwork[] _allowed;

    /// <summary>A policy that admits, besides global addresses, the networks in <paramref name="allowedPrivateNetworks"/>.</summary>
    public WebhookAddressPolicy(IEnumerable<IPNetwork> allowedPrivateNetworks)
    {
        ArgumentNullException.ThrowIfNull(allowedPrivateNetworks);
        _allowed = [.. allowedPrivateNetworks];
    }

    /// <summary>The operator's allow-list.</summary>
    public IReadOnlyList<IPNetwork> AllowedPrivateNetworks => _allowed;

    /// <summary>
    /// The policy of the <c>DataIp:Webhooks</c> settings. Each allow-list entry is a network in CIDR
    /// notation (<c>10.20.0.0/16</c>, <c>fd00:1::/64</c>) or one address; a malformed one throws
    /// <see cref="InvalidOperationException"/> naming the setting, so the node refuses to start.
    /// </summary>
    public static WebhookAddressPolicy From(WebhookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var networks = new List<IPNetwork>();
        for (var i = 0; i < options.AllowedPrivateNetworks.Count; i++)
        {
            var text = options.AllowedPrivateNetworks[i]?.Trim() ?? "";
            networks.Add(ParseNetwork(text) ?? throw new InvalidOperationException(
                $"{AllowListSetting}:{i} is \"{text}\": give a network in CIDR notation (e.g. 10.20.0.0/16 or fd00:1::/64) or one IP address."));
        }

        return new WebhookAddressPolicy(networks);
    }

    /// <summary>Whether <paramref name="address"/> may receive webhooks.</summary>
    public bool Allows(IPAddress address) => Refusal(address) is null;

    /// <summary>
    /// Null when <paramref name="address"/> may receive webhooks; otherwise the name of the range
    /// that refuses it (for the operator's log: callers never tell it to the account).
    /// </summary>
    public string? Refusal(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var carried = CarriedIPv4(address);
        if (_allowed.Any(n => Contains(n, address) || (carried is not null && Contains(n, carried))))
        {
            return null;
        }

        return NonGlobalRange(address);
    }

    /// <summary>Why <paramref name="address"/> is not a global unicast address, or null when it is one.</summary>
    public static string? NonGlobalRange(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (CarriedIPv4(address) is { } carried)
        {
            return NonGlobalRange(carried) is { } range ? $"{range}, carried in an IPv6 address" : null;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return Named(RefusedV4, address);
        }

        return Named(RefusedV6, address) ?? (Contains(GlobalUnicastV6, address) ? null : "outside IPv6 global unicast 2000::/3 (RFC 4291)");
    }

    /// <summary>
    /// The IPv4 address an IPv6 address stands for: IPv4-mapped <c>::ffff:a.b.c.d</c>, the deprecated
    /// IPv4-compatible <c>::a.b.c.d</c> (not <c>::</c> or <c>::1</c>) and 6to4 <c>2002:AABB:CCDD::/48</c>.
    /// </summary>
    private static IPAddress? CarriedIPv4(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return null;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        var bytes = address.GetAddressBytes();
        if (bytes.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0 && !(bytes.AsSpan(12, 3).IndexOfAnyExcept((byte)0) < 0 && bytes[15] <= 1))
        {
            return new IPAddress(bytes.AsSpan(12, 4));
        }

        return Contains(SixToFour, address) ? new IPAddress(bytes.AsSpan(2, 4)) : null;
    }

    private static string? Named((IPNetwork Network, string Name)[] ranges, IPAddress address) =>
        ranges.FirstOrDefault(r => Contains(r.Network, address)).Name;

    // Only within one address family: IPNetwork would also match IPv4-mapped addresses, which are judged above.
    private static bool Contains(IPNetwork network, IPAddress address) =>
        network.BaseAddress.AddressFamily == address.AddressFamily && network.Contains(address);

    private static IPNetwork? ParseNetwork(string text) =>
        IPNetwork.TryParse(text, out var network) ? network
        : !text.Contains('/', StringComparison.Ordinal) && IPAddress.TryParse(text, out var single)
            ? new IPNetwork(single, single.AddressFamily == AddressFamily.InterNetwork ? 32 : 128)
        : null;
}
