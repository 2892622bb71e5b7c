using System.Globalization;
using System.Net;
using DataIp.Cli.Log;

namespace DataIp.Cli.Verify;

/// <summary>
/// Fetches documents from the registry for <c>dataip verify</c>: the DID document, a certificate's
/// credential envelope and its status. Each request, body included, must complete within the
/// timeout, and a body is read up to <see cref="MaxBodyBytes"/>. Thread-safe if the client is.
/// </summary>
/// <param name="http">The HTTP client; its own timeout should be infinite.</param>
/// <param name="timeout">How long one request may take.</param>
internal sealed class RegistryClient(HttpClient http, TimeSpan timeout)
{
    /// <summary>The most bytes read from one answer.</summary>
    public const int MaxBodyBytes = 1 << 20;

    /// <summary>The base URL from what the user typed: absolute http or https, ending in "/".</summary>
    /// <param name="text">The URL as typed.</param>
    /// <returns>The base URL, or null when <paramref name="text"/> is not an http(s) URL.</returns>
    public static Uri? TryGetBase(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && uri.Query.Length == 0 && uri.Fragment.Length == 0
            ? new Uri(uri.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/")
            : null;

    /// <summary>GETs <paramref name="url"/>.</summary>
    /// <param name="url">The URL.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The body, or null when the server answered 404 Not Found.</returns>
    /// <exception cref="LogReadException">Unreachable, too slow, too large, or any other non-2xx status.</exception>
    public async Task<byte[]?> GetAsync(Uri url, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new LogReadException($"couldn't fetch {url}: the server answered {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            await using var body = await response.Content.ReadAsStreamAsync(deadline.Token);
            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while (buffer.Length <= MaxBodyBytes && (read = await body.ReadAsync(chunk, deadline.Token)) > 0)
            {
                buffer.Write(chunk, 0, read);
            }

            return buffer.Length <= MaxBodyBytes
                ? buffer.ToArray()
                : throw new LogReadException($"couldn't fetch {url}: the answer is larger than {MaxBodyBytes} bytes");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new LogReadException(string.Create(CultureInfo.InvariantCulture, $"couldn't fetch {url}: no complete answer within {timeout.TotalSeconds:0.###} s"));
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            throw new LogReadException($"couldn't fetch {url}: {exception.Message}", exception);
        }
    }
}
