using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace DataIp.Web.Infrastructure;

/// <summary>
/// Where the public reaches this node (<see cref="Current"/>): the start of the certificate's QR
/// code, of the verification page's and the status JSON's links, of the URLs signed into
/// credentials and of the DID document's service endpoint. <c>DataIp:PublicBaseUrl</c> when it is
/// set; otherwise the first address the node listens on, so that a node started with
/// <c>--urls http://127.0.0.1:5733</c> points at port 5733. Thread-safe.
/// </summary>
/// <remarks>
/// Before the server listens (migrations, the demo's seeding) the address is the one it is about
/// to bind: the server's configured addresses, else the <c>urls</c> setting, else
/// <see cref="Startup.DefaultUrl"/>. Once it listens, <see cref="Started"/> takes the address it
/// actually bound (a dynamic port known only then). A wildcard host (<c>0.0.0.0</c>, <c>[::]</c>,
/// <c>+</c>, <c>*</c>) is no address anyone can open: it becomes <c>localhost</c>, with a warning to
/// set <c>DataIp:PublicBaseUrl</c>.
/// </remarks>
public sealed class PublicAddress
{
    private readonly Uri? _configured;
    private readonly IServer _server;
    private readonly IConfiguration _configuration;
    private readonly ILogger<PublicAddress> _logger;
    private volatile Uri? _started;
    private volatile Uri? _usedBeforeStart;
    private int _wildcardWarned;

    /// <summary>Reads <c>DataIp:PublicBaseUrl</c>; an invalid one stops the start.</summary>
    /// <exception cref="OptionsValidationException">The configured URL is not an absolute http or https URL.</exception>
    public PublicAddress(IOptions<PlatformOptions> options, IServer server, IConfiguration configuration, ILogger<PublicAddress> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _server = server;
        _configuration = configuration;
        _logger = logger;
        var configured = options.Value.PublicBaseUrl;
        if (string.IsNullOrWhiteSpace(configured))
        {
            return;
        }

        if (!Uri.TryCreate(configured, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new OptionsValidationException(PlatformOptions.Section, typeof(PlatformOptions),
                [$"DataIp:PublicBaseUrl must be an absolute http or https URL; it is '{configured}'."]);
        }

        _configured = uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
    }

    /// <summary>Whether <c>DataIp:PublicBaseUrl</c> is set.</summary>
    public bool IsConfigured => _configured is not null;

    /// <summary>The public base URL: absolute http(s), ending in <c>/</c>.</summary>
    public Uri Current
    {
        get
        {
            if ((_configured ?? _started) is { } known)
            {
                return known;
            }

            var beforeStart = FromListenAddresses();
            _usedBeforeStart = beforeStart;
            return beforeStart;
        }
    }

    /// <summary>
    /// Called once the server listens: from then on the base is the address it bound. Returns it,
    /// and the base used before (by acts of the start-up, e.g. the demo's certificates) when that
    /// differs from it.
    /// </summary>
    internal (Uri Current, Uri? Earlier) Started()
    {
        if (_configured is { } configured)
        {
            return (configured, null);
        }

        var started = FromListenAddresses();
        _started = started;
        return (started, _usedBeforeStart is { } earlier && earlier != started ? earlier : null);
    }

    /// <summary>
    /// An address the server listens on (e.g. <c>http://0.0.0.0:8080</c>) as a base URL
    /// (<c>http://localhost:8080/</c>): null when it is not http(s) or its port is not known yet (0).
    /// </summary>
    /// <param name="address">A Kestrel address: scheme, host (an IP, a name, <c>+</c> or <c>*</c>), optional port.</param>
    /// <param name="wildcard">Whether the host was a wildcard, now <c>localhost</c>.</param>
    internal static Uri? BaseUrlOf(string address, out bool wildcard)
    {
        wildcard = false;
        var schemeEnd = address.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            return null;
        }

        var rest = address[(schemeEnd + 3)..];
        var hostEnd = rest.StartsWith('[') ? rest.IndexOf(']') + 1 : rest.IndexOfAny([':', '/']);
        hostEnd = hostEnd <= 0 ? rest.Length : hostEnd;
        var host = rest[..hostEnd];
        wildcard = host is "+" or "*" or "0.0.0.0" or "[::]";
        var text = address[..(schemeEnd + 3)] + (wildcard ? "localhost" : host) + rest[hostEnd..];
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.Port > 0
            ? new Uri(uri.GetLeftPart(UriPartial.Authority) + "/")
            : null;
    }

    // The server's addresses (bound ones once it listens; before, those it was told to bind), then
    // the urls setting, then the default: the first with a known port.
    private Uri FromListenAddresses()
    {
        var bound = _server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var configured = (_configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var address in bound.Concat(configured).Append(Startup.DefaultUrl))
        {
            if (BaseUrlOf(address, out var wildcard) is { } url)
            {
                if (wildcard && Interlocked.Exchange(ref _wildcardWarned, 1) == 0)
                {
                    _logger.LogWarning(
                        "DataIp:PublicBaseUrl is not set and the node listens on all interfaces ({Address}): certificates and links name {Url}. Set DataIp:PublicBaseUrl to the address the public uses.",
                        address, url);
                }

                return url;
            }
        }

        throw new InvalidOperationException($"Couldn't read a base URL from {Startup.DefaultUrl}.");
    }
}

/// <summary>Prints the public base URL once the server listens.</summary>
internal sealed class PublicAddressReporter(PublicAddress address, IHostApplicationLifetime lifetime, ILogger<PublicAddressReporter> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            var (current, earlier) = address.Started();
            logger.LogInformation("Public base URL: {Url}{Source}", current, address.IsConfigured ? " (DataIp:PublicBaseUrl)" : " (the address the node listens on; set DataIp:PublicBaseUrl to change it)");
            if (earlier is not null)
            {
                logger.LogWarning(
                    "Certificates issued while the node started (before it listened) name {Earlier}, not {Url}: it listens on a port known only once started. Set DataIp:PublicBaseUrl.",
                    earlier, current);
            }
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
