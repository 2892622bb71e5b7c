using System.Net;

namespace DataIp.Web.Features.Notifications;

/// <summary>
/// Turns a receiver's host name into addresses: the one place webhooks consult the name service,
/// at registration and before every connection, so tests can answer instead of DNS.
/// </summary>
internal interface IHostResolver
{
    /// <summary>
    /// The addresses <paramref name="host"/> resolves to (never an IP literal: callers parse those
    /// themselves); throws <see cref="System.Net.Sockets.SocketException"/> when it does not resolve.
    /// </summary>
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken);
}

/// <summary>The operating system's resolver (<see cref="Dns"/>). Thread-safe.</summary>
internal sealed class SystemHostResolver : IHostResolver
{
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        Dns.GetHostAddressesAsync(host, cancellationToken);
}
