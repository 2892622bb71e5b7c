using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Text;
using DataIp.Domain.TransparencyLog;

namespace DataIp.Cli.Log;

/// <summary>
/// Reads a tiled log over HTTP (c2sp.org/tlog-tiles) under <c>{server}/log/</c>: <c>checkpoint</c>,
/// <c>keys</c>, <c>tile/&lt;L&gt;/&lt;N&gt;[.p/&lt;W&gt;]</c> and <c>tile/entries/&lt;N&gt;[.p/&lt;W&gt;]</c>.
/// <list type="bullet">
/// <item>Each request must complete, body included, within the timeout.</item>
/// <item>A body is read up to a limit per resource plus one byte, so that an oversized answer
/// cannot exhaust memory and still shows up as a wrong length to the verifier.</item>
/// <item>A partial tile or bundle that answers 404 is read from the full one instead, cut to the
/// width asked for: a log may delete a partial tile once the full tile exists (tlog-tiles
/// "Partial Tiles"), which happens when the log grows while it is being read.</item>
/// <item>Unreachable, timed out, or any other non-2xx status: <see cref="LogReadException"/> naming the URL.</item>
/// </list>
/// Thread-safe if the <see cref="HttpClient"/> is.
/// </summary>
internal sealed class TileClient : ILogReader
{
    /// <summary>The most bytes read for the checkpoint or the keys.</summary>
    public const int MaxTextBytes = 1 << 16;

    private readonly HttpClient _http;
    private readonly Uri _log;
    private readonly TimeSpan _timeout;

    /// <summary>Creates a client for the log under <paramref name="server"/>.</summary>
    /// <param name="http">The HTTP client; its own timeout should be infinite, this class applies <paramref name="timeout"/>.</param>
    /// <param name="server">The server's base URL, http or https; the log is under its <c>log/</c>.</param>
    /// <param name="timeout">How long one request, body included, may take.</param>
    /// <exception cref="ArgumentException"><paramref name="server"/> is not an absolute http(s) URL (see <see cref="TryGetLogUri"/>).</exception>
    public TileClient(HttpClient http, string server, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(http);
        _http = http;
        _log = TryGetLogUri(server, out var log, out var error) ? log : throw new ArgumentException(error, nameof(server));
        _timeout = timeout;
    }

    /// <summary>The log's base URL, <c>{server}/log/</c>, from what the user typed.</summary>
    /// <param name="server">An absolute http or https URL without query or fragment; a trailing slash is optional.</param>
    /// <param name="log">The base URL, ending in "/log/".</param>
    /// <param name="error">What is wrong with <paramref name="server"/>; null when valid.</param>
    /// <returns>Whether <paramref name="server"/> is usable.</returns>
    public static bool TryGetLogUri(string? server, [NotNullWhen(true)] out Uri? log, [NotNullWhen(false)] out string? error)
    {
        log = null;
        if (!Uri.TryCreate(server, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            error = $"'{server}' is not an http or https URL such as https://registry.example";
            return false;
        }

        if (uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            error = $"'{server}' has a query or fragment; give the server's base URL only";
            return false;
        }

        log = new Uri(uri.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/log/");
        error = null;
        return true;
    }

    /// <inheritdoc/>
    public async Task<byte[]> GetCheckpointAsync(CancellationToken cancellationToken) =>
        await GetAsync("checkpoint", MaxTextBytes, cancellationToken) ?? throw NotFound("checkpoint");

    /// <inheritdoc/>
    public async Task<string> GetKeysAsync(CancellationToken cancellationToken) =>
        Encoding.UTF8.GetString(await GetAsync("keys", MaxTextBytes, cancellationToken) ?? throw NotFound("keys"));

    /// <inheritdoc/>
    public Task<byte[]> GetHashTileAsync(int level, ulong index, int width, CancellationToken cancellationToken) =>
        GetTileAsync(new Tile(level, index, width), Tile.FullWidth * Hash.Size, cancellationToken);

    /// <inheritdoc/>
    public Task<byte[]> GetEntryBundleAsync(ulong index, int width, CancellationToken cancellationToken) =>
        GetTileAsync(Tile.EntryBundle(index, width), EntryBundle.MaxBundleSize, cancellationToken);

    private async Task<byte[]> GetTileAsync(Tile tile, int maxBytes, CancellationToken cancellationToken)
    {
        if (await GetAsync(tile.ToString(), maxBytes, cancellationToken) is { } bytes)
        {
            return bytes;
        }

        if (!tile.IsPartial)
        {
            throw NotFound(tile.ToString());
        }

        var full = await GetAsync(tile.Full().ToString(), maxBytes, cancellationToken)
            ?? throw new LogReadException($"couldn't fetch {Url(tile.ToString())} or {Url(tile.Full().ToString())}: the server answered 404 Not Found to both");
        return tile.IsEntryBundle ? EntryBundle.Prefix(full, tile.Width) : full[..Math.Min(full.Length, tile.Width * Hash.Size)];
    }

    // The body of {log}/{path}, at most maxBytes + 1 bytes; null for 404 (the caller decides what
    // a missing resource means).
    private async Task<byte[]?> GetAsync(string path, int maxBytes, CancellationToken cancellationToken)
    {
        var url = Url(path);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        try
        {
            using var response = await _http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new LogReadException($"couldn't fetch {url}: the server answered {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            return await ReadAtMostAsync(body, maxBytes + 1, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new LogReadException(string.Create(CultureInfo.InvariantCulture, $"couldn't fetch {url}: no complete answer within {_timeout.TotalSeconds:0.###} s"));
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            throw new LogReadException($"couldn't fetch {url}: {exception.Message}", exception);
        }
    }

    private static async Task<byte[]> ReadAtMostAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        while (buffer.Length < limit)
        {
            var read = await body.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit - buffer.Length)), cancellationToken);
            if (read == 0)
            {
                break;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private Uri Url(string path) => new(_log, path);

    private LogReadException NotFound(string path) =>
        new($"couldn't fetch {Url(path)}: the server answered 404 Not Found");
}
