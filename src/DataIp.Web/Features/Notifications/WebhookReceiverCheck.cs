using System.Net;
using System.Net.Sockets;
using DataIp.Data.Notifications;

namespace DataIp.Web.Features.Notifications;

/// <summary>
/// Decides whether a URL may receive webhooks, at registration and again at every connection
/// (<see cref="WebhookConnector"/>): an absolute http or https URL with a host and no user name;
/// https unless plain http is allowed; a host that is, or resolves only to, addresses the
/// <see cref="WebhookAddressPolicy"/> allows. Thread-safe.
/// </summary>
/// <remarks>
/// A refusal tells the account only the rule, the same words whether the host did not resolve or
/// resolved to a refused address, so that registering URLs cannot map the operator's network or
/// internal names. The operator's log says which address and range refused it.
/// </remarks>
internal sealed class WebhookReceiverCheck(IHostResolver resolver, WebhookAddressPolicy policy, bool plainHttpAllowed, ILogger<WebhookReceiverCheck> logger)
{
    /// <summary>What an account is told when the host is refused, at registration and in the delivery log.</summary>
    public const string AddressRule =
        "url must name a receiver on the public internet: its host must resolve, and only to public addresses "
        + "(loopback, private, link-local and other reserved networks are refused unless the operator allows them).";

    /// <summary>What an account is told when plain http is refused.</summary>
    public const string HttpsRule = "url must use https, e.g. https://example.cn/hooks/dataip.";

    /// <summary>Whether plain <c>http</c> receivers are allowed (Development, or <c>DataIp:Webhooks:AllowPlainHttp</c>).</summary>
    public bool PlainHttpAllowed => plainHttpAllowed;

    /// <summary>
    /// Checks a URL given at registration: null when it may receive webhooks, otherwise the
    /// message for the problem's <c>url</c> field.
    /// </summary>
    public async Task<string?> UrlProblemAsync(string? url, CancellationToken cancellationToken)
    {
        url = url?.Trim();
        if (string.IsNullOrEmpty(url))
        {
            return "Give url: the absolute https URL to POST notifications to.";
        }

        if (url.Length > WebhookSubscription.MaxUrlLength)
        {
            return $"url may have at most {WebhookSubscription.MaxUrlLength} characters; it has {url.Length}.";
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host))
        {
            return "url must be an absolute http or https URL, e.g. https://example.cn/hooks/dataip.";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "url must not carry a user name or password; the signature authenticates the platform.";
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !plainHttpAllowed)
        {
            return HttpsRule;
        }

        return await AllowedAddressesAsync(uri.IdnHost, cancellationToken).ConfigureAwait(false) is null ? AddressRule : null;
    }

    /// <summary>
    /// The addresses to connect to for <paramref name="host"/> (an IP literal, or a name resolved
    /// now), or null when the host is refused: it does not resolve, or any address it resolves to
    /// is refused by the policy (one refused address refuses the name, whichever one a client
    /// would pick).
    /// </summary>
    public async Task<IReadOnlyList<IPAddress>?> AllowedAddressesAsync(string host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        var name = Normalize(host);
        IPAddress[] addresses;
        if (IPAddress.TryParse(name, out var literal))
        {
            addresses = [literal];
        }
        else
        {
            try
            {
                addresses = await resolver.ResolveAsync(name, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is SocketException or ArgumentException)
            {
                logger.LogInformation("Webhook receiver {Host} refused: it does not resolve ({Error}).", name, e.Message);
                return null;
            }
        }

        if (addresses.Length == 0)
        {
            logger.LogInformation("Webhook receiver {Host} refused: it resolves to no address.", name);
            return null;
        }

        foreach (var address in addresses)
        {
            if (policy.Refusal(address) is { } range)
            {
                logger.LogInformation("Webhook receiver {Host} refused: {Address} is {Range}.", name, address, range);
                return null;
            }
        }

        return addresses;
    }

    // "[::1]" and "fe80::1%25eth0" as URLs carry them, a trailing dot (an absolute DNS name),
    // and any case: IPAddress.TryParse then reads every spelling the system resolver would, such
    // as 2130706433, 0x7f.1 or 0177.0.0.1, as the address it is.
    private static string Normalize(string host)
    {
        var name = Uri.UnescapeDataString(host.Trim().TrimStart('[').TrimEnd(']'));
        return (name.EndsWith('.') ? name[..^1] : name).ToLowerInvariant();
    }
}
