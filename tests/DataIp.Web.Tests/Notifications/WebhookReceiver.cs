using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
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
/// A real webhook receiver on loopback (Kestrel, 127.0.0.1 and a free port unless told other
/// addresses). It checks every request's Standard Webhooks signature itself (HMAC-SHA256 computed
/// here, not by the platform's code), records what it got and every connection it accepted, closes
/// the connection after each answer (so each delivery connects anew), and answers 503 while
/// <see cref="Down"/> (an outage).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookReceiver(WebApplication app, ConcurrentQueue<IPEndPoint> connections) => (_app, Connections) = (app, connections);

    /// <summary>The URL to subscribe: the first address's.</summary>
    public string Url { get; private set; } = "";

    /// <summary>The port it listens on, on every address.</summary>
    public int Port { get; private set; }

    /// <summary>The subscription's secret (<c>whsec_…</c>), set once the webhook is created.</summary>
    public string? Secret { get; set; }

    /// <summary>While true every request is answered 503 and not accepted.</summary>
    public bool Down { get; set; }

    /// <summary>The local endpoint of every connection accepted, in arrival order: what was dialed.</summary>
    public ConcurrentQueue<IPEndPoint> Connections { get; }

    /// <summary>Every request, accepted or not, in arrival order.</summary>
    public ConcurrentQueue<Received> Requests { get; } = new();

    /// <summary>The requests answered 2xx, in arrival order.</summary>
    public IReadOnlyList<Received> Accepted => [.. Requests.Where(r => r.Accepted)];

    /// <summary>Starts listening on <paramref name="addresses"/> (loopback ones; default 127.0.0.1), all on one free port.</summary>
    public static async Task<WebhookReceiver> StartAsync(params IPAddress[] addresses)
    {
        addresses = addresses.Length == 0 ? [IPAddress.Loopback] : addresses;
        Assert.All(addresses, a => Assert.True(IPAddress.IsLoopback(a), $"{a} is not loopback"));
        var builder = WebApplication.CreateSlimBuilder();
        var connections = new ConcurrentQueue<IPEndPoint>();
        // One address can take port 0; several need one port known to be free on the first.
        var port = addresses.Length == 1 ? 0 : FreePort(addresses[0]);
        builder.WebHost.ConfigureKestrel(k =>
        {
            foreach (var address in addresses)
            {
                k.Listen(address, port, listen => listen.Use(next => connection =>
                {
                    connections.Enqueue((IPEndPoint)connection.LocalEndPoint!);
                    return next(connection);
                }));
            }
        });
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, connections);
        app.MapPost("/hooks", receiver.ReceiveAsync);
        await app.StartAsync();
        receiver.Port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        receiver.Url = $"http://{new IPEndPoint(addresses[0], receiver.Port)}/hooks";
        return receiver;
    }

    private static int FreePort(IPAddress address)
    {
        using var probe = new TcpListener(address, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
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
        context.Response.Headers.Connection = "close";
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
