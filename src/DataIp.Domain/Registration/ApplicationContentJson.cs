using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;

namespace DataIp.Domain.Registration;

/// <summary>
/// The one JSON form of <see cref="ApplicationContent"/>, used by the API and recorded in the log:
/// camelCase member names, enum values as camelCase names (never numbers), absent members omitted,
/// Chinese text written as is.
/// </summary>
/// <remarks>
/// Reading is strict so that a typing error cannot pass silently: an unknown member name, an unknown
/// or numeric enum value, or null where the model has a list all throw <see cref="JsonException"/>.
/// </remarks>
public static class ApplicationContentJson
{
    /// <summary>The serializer options; read-only, shared and thread-safe.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Writes a content as JSON text.</summary>
    /// <param name="content">The content to write.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(ApplicationContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return JsonSerializer.Serialize(content, Options);
    }

    /// <summary>Writes a content as UTF-8 JSON bytes.</summary>
    /// <param name="content">The content to write.</param>
    /// <returns>The UTF-8 bytes of the JSON text.</returns>
    public static byte[] SerializeToUtf8Bytes(ApplicationContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return JsonSerializer.SerializeToUtf8Bytes(content, Options);
    }

    /// <summary>Reads a content from JSON text.</summary>
    /// <param name="json">The JSON text: one object.</param>
    /// <returns>The content.</returns>
    /// <exception cref="JsonException">The text is not a JSON object of the content's form.</exception>
    public static ApplicationContent Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize<ApplicationContent>(json, Options) ?? throw NullContent();
    }

    /// <summary>Reads a content from UTF-8 JSON bytes.</summary>
    /// <param name="utf8Json">The UTF-8 bytes of one JSON object.</param>
    /// <returns>The content.</returns>
    /// <exception cref="JsonException">The bytes are not a JSON object of the content's form.</exception>
    public static ApplicationContent Deserialize(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize<ApplicationContent>(utf8Json, Options) ?? throw NullContent();

    private static JsonException NullContent() =>
        new("Couldn't read the application content: the JSON value is null, not an object.");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly();
        return options;
    }
}
