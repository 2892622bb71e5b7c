using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataIp.Domain.Canonicalization;

namespace DataIp.Domain.Fingerprinting;

/// <summary>
/// JSON Lines canonicalisation (docs/fingerprint-format.md §3.4): each line that is not blank is
/// one JSON text; it must be I-JSON (no duplicate names, also after NFC; numbers within a double);
/// strings and names are normalised to NFC and the row is JCS of the value. Thread-safe: pure.
/// </summary>
internal static class JsonLines
{
    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = JsonCanonicalizer.MaxDepth };

    /// <summary>The canonical form of the next non-blank line, or null at the end of the text.</summary>
    public static byte[]? Next(RowText text)
    {
        var line = new StringBuilder();
        while (text.Peek() != RowText.End)
        {
            var number = text.Line;
            line.Clear();
            while (text.Read() is var c && c != '\n' && c != RowText.End)
            {
                line.Append((char)c);
            }

            var value = line.ToString();
            if (!string.IsNullOrWhiteSpace(value))
            {
                return Canonicalize(text, value, number);
            }
        }

        return null;
    }

    /// <summary>The canonical row of one line of JSON text.</summary>
    /// <exception cref="FingerprintException">The line is not I-JSON; the message gives line and column.</exception>
    public static byte[] Canonicalize(RowText text, string line, int number)
    {
        var utf8 = Encoding.UTF8.GetBytes(line);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, ParseOptions);
        }
        catch (JsonException exception)
        {
            var column = Encoding.UTF8.GetCharCount(utf8, 0, (int)Math.Min(exception.BytePositionInLine ?? 0, utf8.Length)) + 1;
            throw text.Error($"not one JSON value: {FirstSentence(exception.Message)}", number, column);
        }

        using (document)
        {
            var checkedForm = JsonCanonicalizer.TryCanonicalize(document.RootElement);
            if (!checkedForm.IsSuccess)
            {
                throw text.Error($"not I-JSON: {checkedForm.Message}", number, 1);
            }

            // Text in NFC with no escapes has only NFC strings: the checked form is the row.
            if (line.IsNormalized(NormalizationForm.FormC) && !line.Contains('\\', StringComparison.Ordinal))
            {
                return checkedForm.Canonical.ToArray();
            }

            return JsonCanonicalizer.Canonicalize(ToNfc(document.RootElement, text, number));
        }
    }

    private static JsonNode? ToNfc(JsonElement element, RowText text, int number)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var obj = new JsonObject();
                foreach (var member in element.EnumerateObject())
                {
                    var name = member.Name.Normalize(NormalizationForm.FormC);
                    if (!obj.TryAdd(name, ToNfc(member.Value, text, number)))
                    {
                        throw text.Error($"not I-JSON: the name \"{name}\" appears twice after NFC normalisation.", number, 1);
                    }
                }

                return obj;
            case JsonValueKind.Array:
                return new JsonArray([.. element.EnumerateArray().Select(item => ToNfc(item, text, number))]);
            case JsonValueKind.String:
                return JsonValue.Create(element.GetString()!.Normalize(NormalizationForm.FormC));
            default:
                return JsonValue.Create(element.Clone());
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber", StringComparison.Ordinal);
        return cut > 0 ? message[..cut].TrimEnd() : message;
    }
}
