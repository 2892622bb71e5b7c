using System.Collections.Concurrent;
using System.Net;
using DataIp.Web.Features.Notifications;

namespace DataIp.Web.Tests.Notifications;

/// <summary>
/// The platform's webhook connections in tests: every address the connector dials is recorded,
/// and one that is not loopback is refused before any packet is sent and kept in
/// <see cref="Violations"/> (the test's platform fails the test when it is disposed). Thread-safe.
/// </summary>
public sealed class LoopbackOnlyDialer : ISocketDialer
{
    private readonly SocketDialer _socket = new();

    /// <summary>Every endpoint dialed, in order.</summary>
    public ConcurrentQueue<IPEndPoint> Dials { get; } = new();

    /// <summary>The endpoints dialed that are not loopback: always empty unless the platform has a hole.</summary>
    public ConcurrentQueue<IPEndPoint> Violations { get; } = new();

    ValueTask<Stream> ISocketDialer.DialAsync(IPEndPoint endpoint, CancellationToken cancellationToken)
    {
        Dials.Enqueue(endpoint);
        var address = endpoint.Address.IsIPv4MappedToIPv6 ? endpoint.Address.MapToIPv4() : endpoint.Address;
        if (!IPAddress.IsLoopback(address))
        {
            Violations.Enqueue(endpoint);
            throw new InvalidOperationException($"A test's platform dialed {endpoint}, which is not a loopback address.");
        }

        return _socket.DialAsync(endpoint, cancellationToken);
    }
}
