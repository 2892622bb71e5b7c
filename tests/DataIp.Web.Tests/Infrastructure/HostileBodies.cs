using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DataIp.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataIp.Web.Tests.Infrastructure;

/// <summary>
/// Request bodies a hostile or broken client sends (issue M6, defect 9), built byte by byte so that
/// HttpClient cannot tidy them up, and what the tests check after them: that nothing was stored.
/// </summary>
public static class HostileBodies
{
    /// <summary>The boundary of the well-formed multipart bodies below.</summary>
    public const string Boundary = "hostile-boundary";

    /// <summary>JSON text under a Content-Type written exactly as given (e.g. with a charset).</summary>
    public static HttpContent Json(string json, string contentType = "application/json")
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    /// <summary>
    /// A client of the test server without the factory's redirect handler, which buffers request
    /// bodies and so sends a Content-Length for them: through this one a <see cref="Chunked"/> body
    /// reaches the platform with no length, as it does from a socket. It signs in as <paramref name="like"/> does.
    /// </summary>
    public static HttpClient Unbuffered(RegistryFactory platform, HttpClient like)
    {
        var client = new HttpClient(platform.Server.CreateHandler()) { BaseAddress = platform.Server.BaseAddress };
        client.DefaultRequestHeaders.Authorization = like.DefaultRequestHeaders.Authorization;
        return client;
    }

    /// <summary>A body sent without a Content-Length, in chunks: its size is only known once read.</summary>
    public static HttpContent Chunked(byte[] bytes, string contentType = "application/json") => new ChunkedContent(bytes, contentType);

    /// <summary>A JSON object with one string member of about <paramref name="bytes"/> bytes.</summary>
    public static byte[] LargeJson(string member, int bytes) =>
        Encoding.UTF8.GetBytes("{\"" + member + "\": \"" + new string('x', bytes) + "\"}");

    /// <summary>A well-formed multipart body of text fields and files (name, file name, bytes).</summary>
    public static byte[] MultipartBytes(string boundary, IEnumerable<(string Name, string Value)> fields, params (string Name, string FileName, byte[] Bytes)[] files)
    {
        using var body = new MemoryStream();
        foreach (var (name, value) in fields)
        {
            Write(body, $"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n");
        }

        foreach (var (name, fileName, bytes) in files)
        {
            Write(body, $"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{fileName}\"\r\nContent-Type: application/pdf\r\n\r\n");
            body.Write(bytes);
            Write(body, "\r\n");
        }

        Write(body, $"--{boundary}--\r\n");
        return body.ToArray();
    }

    /// <summary>Raw bytes under a Content-Type written exactly as given.</summary>
    public static HttpContent Raw(byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    /// <summary>A well-formed multipart body of text fields.</summary>
    public static HttpContent Multipart(params (string Name, string Value)[] fields) =>
        Raw(MultipartBytes(Boundary, fields), $"multipart/form-data; boundary={Boundary}");

    /// <summary>Broken multipart bodies, each with what is wrong with it.</summary>
    public static IReadOnlyList<(string Case, Func<HttpContent> Body)> BrokenMultiparts(params (string Name, string Value)[] fields) =>
    [
        ("no boundary", () => Raw(MultipartBytes(Boundary, fields), "multipart/form-data")),
        ("a part header without a colon", () => Raw(Encoding.UTF8.GetBytes(
            $"--{Boundary}\r\nContent-Disposition form-data name=reason\r\n\r\nx\r\n--{Boundary}--\r\n"), $"multipart/form-data; boundary={Boundary}")),
        ("1,100 values", () => Raw(MultipartBytes(Boundary, Enumerable.Range(0, 1100).Select(i => ($"v{i}", "1"))), $"multipart/form-data; boundary={Boundary}")),
        ("a 200-character boundary", () => Raw(MultipartBytes(new string('b', 200), fields), $"multipart/form-data; boundary={new string('b', 200)}")),
        ("no closing boundary", () => Raw(Encoding.UTF8.GetBytes(
            $"--{Boundary}\r\nContent-Disposition: form-data; name=\"reason\"\r\n\r\nx"), $"multipart/form-data; boundary={Boundary}")),
    ];

    /// <summary>A multipart body with no parts at all: only the closing boundary.</summary>
    public static HttpContent EmptyMultipart() => Raw(Encoding.ASCII.GetBytes($"--{Boundary}--\r\n"), $"multipart/form-data; boundary={Boundary}");

    /// <summary>Multipart bodies without a single part: only the closing boundary, or no bytes at all.</summary>
    public static IReadOnlyList<(string Case, Func<HttpContent> Body)> PartlessMultiparts() =>
        [("only the closing boundary", EmptyMultipart), ("an empty body", () => Raw([], $"multipart/form-data; boundary={Boundary}"))];

    /// <summary>How many acts the register holds.</summary>
    public static async Task<int> ActCountAsync(RegistryFactory platform)
    {
        await using var scope = platform.Scope();
        return await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Acts.CountAsync();
    }

    /// <summary>How many attachment records and stored files (staged ones included) there are.</summary>
    public static async Task<(int Records, int Files)> AttachmentCountAsync(RegistryFactory platform)
    {
        await using var scope = platform.Scope();
        var records = await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Attachments.CountAsync();
        var root = Path.Combine(platform.DataDirectory, "attachments");
        var files = Directory.Exists(root) ? Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Count() : 0;
        return (records, files);
    }

    /// <summary>Asserts a 4xx problem of the given status that names <paramref name="field"/> among its errors.</summary>
    public static async Task<System.Text.Json.JsonElement> NamingAsync(this Task<HttpResponseMessage> request, HttpStatusCode status, string field, string because)
    {
        var problem = await request.ProblemAsync(status);
        Assert.True(problem.ErrorFields().Contains(field), $"{because}: expected the field {field} named, got {problem}");
        return problem;
    }

    private static void Write(Stream stream, string text) => stream.Write(Encoding.UTF8.GetBytes(text));

    private sealed class ChunkedContent : HttpContent
    {
        private readonly byte[] _bytes;

        public ChunkedContent(byte[] bytes, string contentType)
        {
            _bytes = bytes;
            Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            // Several writes, so that the server sees the body arrive in pieces.
            for (var offset = 0; offset < _bytes.Length; offset += 64 * 1024)
            {
                await stream.WriteAsync(_bytes.AsMemory(offset, Math.Min(64 * 1024, _bytes.Length - offset)));
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
