using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DataIp.Web.Tests.Notifications;

/// <summary>
/// A real webhook receiver on 127.0.0.1 (Kestrel, a free port). It checks every request's Standard
/// Webhooks signature itself (HMAC-SHA256 computed here, not by the platform's code), records what
/// it got, and answers 503 while <see cref="Down"/> (an outage).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookReceiver(WebApplication app) => _app = app;

    /// <summary>The URL to subscribe.</summary>
    public string Url { get; private set; } = "";

    /// <summary>The subscription's secret (<c>whsec_…</c>), set once the webhook is created.</summary>
    public string? Secret { get; set; }

    /// <summary>While true every request is answered 503 and not accepted.</summary>
    public bool Down { get; set; }

    /// <summary>Every request, accepted or not, in arrival order.</summary>
    public ConcurrentQueue<Received> Requests { get; } = new();

    /// <summary>The requests answered 2xx, in arrival order.</summary>
    public IReadOnlyList<Received> Accepted => [.. Requests.Where(r => r.Accepted)];

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hooks", receiver.ReceiveAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver.Url = address + "/hooks";
        return receiver;
    }

    private async Task ReceiveAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var id = context.Request.Headers["webhook-id"].ToString();
        var timestamp = context.Request.Headers["webhook-timestamp"].ToString();
        var signatures = context.Request.Headers["webhook-signature"].ToString();
        var valid = Verify(id, timestamp, body, signatures);
        var accepted = !Down && valid;
        Requests.Enqueue(new Received(id, long.Parse(timestamp, CultureInfo.InvariantCulture), JsonDocument.Parse(body).RootElement.Clone(), valid, accepted));
        context.Response.StatusCode = accepted ? StatusCodes.Status204NoContent
            : Down ? StatusCodes.Status503ServiceUnavailable
            : StatusCodes.Status400BadRequest;
    }

    // Standard Webhooks: signed content "{id}.{timestamp}.{body}", key = base64 of the secret after
    // "whsec_", header = space-separated "v1,<base64 HMAC-SHA256>" signatures, any of which may match.
    private bool Verify(string id, string timestamp, byte[] body, string header)
    {
        if (Secret is null || string.IsNullOrEmpty(id) || string.IsNullOrEmpty(timestamp))
        {
            return false;
        }

        var key = Convert.FromBase64String(Secret["whsec_".Length..]);
        var expected = Convert.ToBase64String(HMACSHA256.HashData(key, (byte[])[.. Encoding.UTF8.GetBytes($"{id}.{timestamp}."), .. body]));
        return header.Split(' ').Any(s => s.StartsWith("v1,", StringComparison.Ordinal)
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(s[3..]), Encoding.ASCII.GetBytes(expected)));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>One request as received.</summary>
    public sealed record Received(string Id, long Timestamp, JsonElement Body, bool SignatureValid, bool Accepted);
}
