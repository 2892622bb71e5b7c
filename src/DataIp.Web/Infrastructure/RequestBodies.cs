using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace DataIp.Web.Infrastructure;

/// <summary>A request body as read, or the problem (4xx, naming the field) that says why it could not be.</summary>
/// <typeparam name="T">What the body was read as.</typeparam>
/// <param name="Value">The body; null when absent or refused.</param>
/// <param name="Problem">The refusal; null when the body was read.</param>
internal readonly record struct BodyRead<T>(T? Value, Results<ValidationProblem, ProblemHttpResult>? Problem);

/// <summary>What a multipart form may carry; anything else in it is refused, naming the part.</summary>
/// <param name="Text">Its text fields, each given at most once.</param>
/// <param name="Files">Its file fields, each with the most files it may carry.</param>
/// <param name="Required">Fields that must be present, each with the message that asks for it.</param>
internal sealed record FormShape(IReadOnlyList<string> Text, IReadOnlyDictionary<string, int> Files, IReadOnlyDictionary<string, string> Required);

/// <summary>
/// The one reader of request bodies that endpoints read themselves (JSON, raw text, multipart
/// forms); the bodies ASP.NET Core binds go through the same JSON options and the same problems.
/// Every failure is a 4xx problem naming the part, the field or <c>body</c>: a body of the wrong
/// media type (415 <c>Content-Type</c>), malformed JSON (400 at its path), a broken multipart body
/// (400 <c>body</c>), an unknown, repeated or missing part (400 naming it), text that breaks
/// <see cref="RegisterText"/> (400 naming the field).
/// </summary>
internal static class RequestBodies
{
    /// <summary>The longest multipart boundary: 70 characters (RFC 2046 §5.1.1).</summary>
    public const int MaxBoundaryLength = 70;

    /// <summary>
    /// The limits every multipart form is read with: the forms of this API have a handful of
    /// fields, short text and a few files (each file's size is the attachment store's to limit).
    /// </summary>
    public static FormOptions FormLimits { get; } = new()
    {
        ValueCountLimit = 32,
        KeyLengthLimit = 100,
        ValueLengthLimit = 64 * 1024,
        MultipartBoundaryLengthLimit = MaxBoundaryLength,
        MultipartHeadersCountLimit = 8,
        MultipartHeadersLengthLimit = 8 * 1024,
        MultipartBodyLengthLimit = 64L * 1024 * 1024,
    };

    /// <summary>Whether the request's body is a multipart form.</summary>
    public static bool IsMultipart(HttpRequest request) =>
        request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>Reads a JSON body with the API's options; an absent body reads as null.</summary>
    public static async Task<BodyRead<T>> ReadJsonAsync<T>(HttpRequest request, CancellationToken ct)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!RequestGuards.HasBody(request))
        {
            return new(null, null);
        }

        if (!request.HasJsonContentType())
        {
            return new(default, Problems.UnsupportedMediaType("Send the body as JSON (Content-Type: application/json)."));
        }

        var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        try
        {
            return new(await request.ReadFromJsonAsync<T>(options, ct).ConfigureAwait(false), null);
        }
        catch (JsonException e)
        {
            return new(default, TypedResults.Problem(Problems.MalformedJson(e)));
        }
    }

    /// <summary>Reads a JSON body as text (for a reader of its own, such as a proof's), strictly UTF-8.</summary>
    public static async Task<BodyRead<string>> ReadJsonTextAsync(HttpRequest request, long limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HasJsonContentType())
        {
            return new(default, Problems.UnsupportedMediaType("Send the body as JSON (Content-Type: application/json)."));
        }

        var bytes = await ReadBytesAsync(request, limit, ct).ConfigureAwait(false);
        if (bytes is null)
        {
            return new(default, Problems.Named(StatusCodes.Status413PayloadTooLarge, "Request body too large", "body", $"The body may be at most {limit} bytes."));
        }

        try
        {
            return new(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes), null);
        }
        catch (DecoderFallbackException)
        {
            return new(default, Problems.Field("body", "The body is not valid UTF-8."));
        }
    }

    /// <summary>Reads a body's bytes, or null when there are more than <paramref name="limit"/>.</summary>
    public static async Task<byte[]?> ReadBytesAsync(HttpRequest request, long limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[Math.Min(limit + 1, 81920)];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Reads a multipart form with <see cref="FormLimits"/> and checks it against its shape: known
    /// parts only, each text field once and within the register's text rule, no more files than
    /// allowed, the required ones present. All the parts' problems are answered at once.
    /// </summary>
    public static async Task<BodyRead<IFormCollection>> ReadFormAsync(HttpRequest request, FormShape shape, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(shape);
        if (!IsMultipart(request))
        {
            return new(default, Problems.UnsupportedMediaType(
                $"Send multipart/form-data with the fields {string.Join(", ", shape.Text.Concat(shape.Files.Keys))}."));
        }

        IFormCollection form;
        try
        {
            request.HttpContext.Features.Set<IFormFeature>(new FormFeature(request, FormLimits));
            form = await request.ReadFormAsync(ct).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e)
        {
            return new(default, Problems.Named(e.StatusCode, "Unreadable multipart body", "body", e.Message));
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            // A missing or overlong boundary, a malformed part header, too many parts, a body cut short.
            return new(default, Problems.Field("body", $"The multipart body cannot be read: {e.Message}"));
        }

        var errors = FormErrors(form, shape);
        return errors.Count == 0 ? new(form, null) : new(default, Problems.Validation(errors));
    }

    private static Dictionary<string, string[]> FormErrors(IFormCollection form, FormShape shape)
    {
        var errors = new Dictionary<string, string[]>();
        var fields = string.Join(", ", shape.Text.Concat(shape.Files.Keys));
        foreach (var (name, values) in form)
        {
            var problem = !shape.Text.Contains(name) ? $"{name} is not a field of this form; it takes {fields}."
                : values.Count > 1 ? $"{name} was given {values.Count} times; give it once."
                : RegisterText.Problem(values.ToString(), RegisterText.IsSingleLine(name)) is { } text ? $"{name} {text}"
                : null;
            if (problem is not null)
            {
                errors[name] = [problem];
            }
        }

        foreach (var files in form.Files.GroupBy(f => f.Name, StringComparer.Ordinal))
        {
            if (!shape.Files.TryGetValue(files.Key, out var most))
            {
                errors[files.Key] = [$"{files.Key} is not a file field of this form; it takes {fields}."];
            }
            else if (files.Count() > most)
            {
                errors[files.Key] = [$"{files.Key} may carry at most {most} file(s); {files.Count()} were sent."];
            }
        }

        foreach (var (name, message) in shape.Required)
        {
            if (!form.ContainsKey(name) && form.Files.GetFile(name) is null)
            {
                errors.TryAdd(name, [message]);
            }
        }

        return errors;
    }
}
