using System.Net;
using System.Net.Sockets;

namespace DataIp.Web.Features.Notifications;

/// <summary>
/// The webhook client's <see cref="SocketsHttpHandler.ConnectCallback"/>: checks the receiver
/// again for every connection and dials only addresses the <see cref="WebhookReceiverCheck"/>
/// allows, resolved here and now. So a name that resolved to a public address at registration
/// and resolves to 127.0.0.1 at delivery (DNS rebinding), or a URL stored before the policy
/// existed, reaches nothing: a refused connection is never attempted. Thread-safe.
/// </summary>
/// <remarks>
/// The handler follows no redirects and uses no proxy, and requests are HTTP/1.1 (HTTP/3 would
/// open QUIC connections without this callback), so every byte of a delivery goes over a
/// connection made here.
/// </remarks>
internal sealed class WebhookConnector(WebhookReceiverCheck check, ISocketDialer dialer)
{
    /// <summary>Connects for one request of the webhook client.</summary>
    public ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ConnectAsync(context.InitialRequestMessage.RequestUri!, context.DnsEndPoint, cancellationToken);
    }

    /// <summary>
    /// Connects to <paramref name="endpoint"/> for a request to <paramref name="uri"/>: to its
    /// allowed addresses in the resolver's order, the first that accepts. Throws
    /// <see cref="WebhookRefusedException"/> when the receiver is refused.
    /// </summary>
    public async ValueTask<Stream> ConnectAsync(Uri uri, DnsEndPoint endpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentNullException.ThrowIfNull(endpoint);
        if (uri.Scheme != Uri.UriSchemeHttps && !check.PlainHttpAllowed)
        {
            throw new WebhookRefusedException("Refused: this platform sends webhooks to https URLs only.");
        }

        var addresses = await check.AllowedAddressesAsync(endpoint.Host, cancellationToken).ConfigureAwait(false)
            ?? throw new WebhookRefusedException("Refused by the platform's address policy: " + WebhookReceiverCheck.AddressRule);
        SocketException? last = null;
        foreach (var address in addresses)
        {
            try
            {
                var target = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
                return await dialer.DialAsync(new IPEndPoint(target, endpoint.Port), cancellationToken).ConfigureAwait(false);
            }
            catch (SocketException e)
            {
                last = e;
            }
        }

        // AllowedAddressesAsync never answers an empty list, so at least one dial failed.
        throw last!;
    }
}

/// <summary>
/// A webhook connection refused before it was attempted. Its message is what the delivery log
/// shows: the rule, never what (if anything) is at the address.
/// </summary>
internal sealed class WebhookRefusedException(string message) : IOException(message);
