using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DataIp.Web.Infrastructure;

/// <summary>
/// Reads every JSON string of the API through <see cref="RegisterText"/>: a string that breaks the
/// rule, or that holds a lone surrogate escape (<c>"\ud800"</c>, which System.Text.Json cannot turn
/// into a string), throws a <see cref="JsonException"/> that the serializer stamps with the member's
/// path, so the answer is a 400 naming the field. Writing is unchanged. Thread-safe: no state.
/// </summary>
internal sealed class RegisterTextConverter : JsonConverter<string>
{
    private readonly bool _singleLine;

    private RegisterTextConverter(bool singleLine) => _singleLine = singleLine;

    /// <summary>For prose (and every string not known to be a single line): line breaks allowed.</summary>
    public static RegisterTextConverter MultiLine { get; } = new(singleLine: false);

    /// <summary>For names, numbers and codes (<see cref="RegisterText.IsSingleLine"/>): line breaks refused.</summary>
    public static RegisterTextConverter SingleLine { get; } = new(singleLine: true);

    /// <summary>Adds the rule to serializer options: every string, and single-line members by their name.</summary>
    /// <param name="options">Options not yet used.</param>
    public static void AddTo(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Converters.Add(MultiLine);
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(MarkSingleLines);
    }

    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ReadText(ref reader, _singleLine);

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }

    // Dictionary keys are names: one line.
    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ReadText(ref reader, singleLine: true);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(value);
    }

    private static string ReadText(ref Utf8JsonReader reader, bool singleLine)
    {
        if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName))
        {
            throw new JsonException("must be a string.");
        }

        string text;
        try
        {
            text = reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // "Cannot read invalid UTF-16 JSON text as string": an escaped surrogate without its pair.
            throw new JsonException("is not valid Unicode: it contains a lone surrogate (an escaped \\uD800–\\uDFFF without the other half of its pair).");
        }

        return RegisterText.Problem(text, singleLine) is { } problem ? throw new JsonException(problem) : text;
    }

    /// <summary>
    /// An OpenAPI schema transformer: the schema exporter cannot see through a custom converter and
    /// describes its strings as <c>{}</c>; this describes them as strings again (nullable where the
    /// member is).
    /// </summary>
    public static Task DescribeAsString(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        if (context.JsonTypeInfo.Type == typeof(string) && schema.Type is null)
        {
            schema.Type = context.JsonPropertyInfo is { } property && (property.IsGetNullable || property.IsSetNullable)
                ? JsonSchemaType.String | JsonSchemaType.Null
                : JsonSchemaType.String;
        }

        return Task.CompletedTask;
    }

    private static void MarkSingleLines(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var property in type.Properties)
        {
            if (property.PropertyType == typeof(string) && RegisterText.IsSingleLine(property.Name))
            {
                property.CustomConverter = SingleLine;
            }
        }
    }
}
