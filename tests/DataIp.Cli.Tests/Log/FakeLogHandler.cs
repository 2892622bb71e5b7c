using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;

namespace DataIp.Cli.Tests.Log;

/// <summary>
/// Serves a <see cref="FakeLog"/> over HTTP at <see cref="Server"/>/log/… as the registry will:
/// the checkpoint and keys as text/plain, tiles and bundles as octet streams, 404 for anything
/// else. So the client's URLs, tile path encoding and response handling are tested too.
/// </summary>
internal sealed class FakeLogHandler(FakeLog log) : HttpMessageHandler
{
    public const string Server = "http://registry.test";

    /// <summary>Every path requested, e.g. "/log/tile/0/000", in order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>Answers a path (relative to log/) with this status instead, when not null.</summary>
    public Func<string, HttpStatusCode?>? Status { get; set; }

    /// <summary>Changes what is served: (path, body) → body.</summary>
    public Func<string, byte[], byte[]>? Tamper { get; set; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        Requests.Enqueue(path);
        if (request.Method != HttpMethod.Get || request.RequestUri.GetLeftPart(UriPartial.Authority) != Server || !path.StartsWith("/log/", StringComparison.Ordinal))
        {
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound));
        }

        var relative = path["/log/".Length..];
        if (Status?.Invoke(relative) is { } status)
        {
            return Task.FromResult(new HttpResponseMessage(status));
        }

        if (log.Serve(relative) is not { } body)
        {
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound));
        }

        var content = new ByteArrayContent(Tamper is null ? body : Tamper(relative, body));
        content.Headers.ContentType = relative is "checkpoint" or "keys"
            ? new MediaTypeHeaderValue("text/plain") { CharSet = "utf-8" }
            : new MediaTypeHeaderValue("application/octet-stream");
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content });
    }
}
