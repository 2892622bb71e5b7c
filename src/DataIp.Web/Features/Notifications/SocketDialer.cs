using System.Net;
using System.Net.Sockets;

namespace DataIp.Web.Features.Notifications;

/// <summary>
/// Opens the TCP connection to one address that the <see cref="WebhookConnector"/> chose: the
/// last step before bytes leave the node, so tests can watch (and fence) every connection.
/// </summary>
internal interface ISocketDialer
{
    /// <summary>Connects to <paramref name="endpoint"/>; throws <see cref="SocketException"/> when it cannot.</summary>
    ValueTask<Stream> DialAsync(IPEndPoint endpoint, CancellationToken cancellationToken);
}

/// <summary>A plain TCP connection (TLS, when the URL is https, is layered on it by the HTTP handler). Thread-safe.</summary>
internal sealed class SocketDialer : ISocketDialer
{
    /// <inheritdoc/>
    public async ValueTask<Stream> DialAsync(IPEndPoint endpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(endpoint, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
