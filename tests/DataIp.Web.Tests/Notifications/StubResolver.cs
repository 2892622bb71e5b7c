using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using DataIp.Web.Features.Notifications;

namespace DataIp.Web.Tests.Notifications;

/// <summary>
/// Answers the platform's host lookups from a table the test writes, never from DNS (tests may
/// send traffic nowhere but loopback). Unknown names do not resolve. A test remaps a name while
/// the platform runs to play a DNS rebinding attack. Thread-safe.
/// </summary>
public sealed class StubResolver : IHostResolver
{
    private readonly ConcurrentDictionary<string, IPAddress[]> _names = new(StringComparer.OrdinalIgnoreCase);

    public StubResolver() => Map("localhost", IPAddress.Loopback, IPAddress.IPv6Loopback);

    /// <summary>Every name asked for, in order.</summary>
    public ConcurrentQueue<string> Lookups { get; } = new();

    /// <summary>
    /// From now on <paramref name="host"/> resolves to <paramref name="addresses"/>: loopback
    /// addresses, or addresses the platform's policy refuses before connecting (private,
    /// link-local, …). A global address would let a test reach the network, and is refused.
    /// </summary>
    public void Map(string host, params IPAddress[] addresses)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        foreach (var address in addresses)
        {
            if (!IPAddress.IsLoopback(address) && WebhookAddressPolicy.NonGlobalRange(address) is null)
            {
                throw new ArgumentException($"{address} is a global address; a test may map names to loopback or refused addresses only.", nameof(addresses));
            }
        }

        _names[host] = addresses;
    }

    Task<IPAddress[]> IHostResolver.ResolveAsync(string host, CancellationToken cancellationToken)
    {
        Lookups.Enqueue(host);
        return _names.TryGetValue(host, out var addresses)
            ? Task.FromResult(addresses)
            : Task.FromException<IPAddress[]>(new SocketException((int)SocketError.HostNotFound));
    }
}
