using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using DataIp.Data;
using DataIp.Web.Tests.Infrastructure;

namespace DataIp.Web.Tests.Api;

/// <summary>
/// Issue M6, defect 9, on a real socket: what Kestrel itself refuses before the platform sees the
/// request (it answers a bare 400 that no middleware can change), and what reaches the platform,
/// which answers a problem. Requests are written byte by byte: HttpClient would tidy them up.
/// </summary>
public sealed class HostileKestrelTests
{
    [Fact]
    public async Task Kestrel_ControlCharacterInPath_400ProblemWhereThePlatformSeesIt()
    {
        await using var platform = RegistryFactory.Create(DatabaseProvider.Sqlite);
        platform.UseKestrel(0);
        await Task.Run(platform.StartServer);
        var port = platform.ClientOptions.BaseAddress.Port;

        // %00: Kestrel's own decoder refuses the request line ("The path contains null characters")
        // and answers a bare 400 before any middleware runs; nothing in the platform can add a body.
        var nul = await SendAsync(port, "GET /api/v1/notices/SQ%0044002025000001 HTTP/1.0\r\nHost: localhost\r\n\r\n");
        Assert.Equal((400, null, ""), nul);

        foreach (var escaped in new[] { "%01", "%0A", "%0D", "%1B", "%7F", "%C2%85", "%EF%BF%BF" })
        {
            var (status, contentType, body) = await SendAsync(port, $"GET /api/v1/notices/SQ{escaped}44002025000001 HTTP/1.0\r\nHost: localhost\r\n\r\n");

            Assert.True((400, "application/problem+json") == (status, contentType), $"{escaped}: {status} {contentType} {body}");
            Assert.Contains("path", JsonDocument.Parse(body).RootElement.ErrorFields());
        }
    }

    [Fact]
    public async Task Kestrel_ChunkedJsonOverTheLimit_413Problem()
    {
        await using var platform = RegistryFactory.Create(DatabaseProvider.Sqlite);
        platform.UseKestrel(0);
        await Task.Run(platform.StartServer);

        using var client = new HttpClient { BaseAddress = platform.ClientOptions.BaseAddress };
        using var response = await client.PostAsync("/api/v1/accounts", HostileBodies.Chunked(HostileBodies.LargeJson("displayName", 8 << 20)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    // Sends raw request bytes (HTTP/1.0, so the answer is not chunked and ends with the connection)
    // and reads the response's status, Content-Type and body.
    private static async Task<(int Status, string? ContentType, string Body)> SendAsync(int port, string head, byte[]? body = null)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        if (body is not null)
        {
            await stream.WriteAsync(body);
        }

        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync();
        var status = int.Parse(response.Split(' ', 3)[1], System.Globalization.CultureInfo.InvariantCulture);
        var contentType = response.Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Type:", StringComparison.OrdinalIgnoreCase))?[13..].Trim();
        var separator = response.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        return (status, contentType, separator < 0 ? "" : response[(separator + 4)..]);
    }
}
