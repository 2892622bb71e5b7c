using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

namespace DataIp.Domain.Canonicalization;

/// <summary>
/// Writes one JSON value in RFC 8785 canonical form. Stops at the first problem, which it keeps
/// in <see cref="Failure"/> and <see cref="Message"/> (each Write returns false from then on).
/// One instance per value; not thread-safe.
/// </summary>
internal sealed class CanonicalJsonWriter
{
    private readonly ArrayBufferWriter<byte> _output = new();

    public CanonicalizationFailure Failure { get; private set; }

    public string Message { get; private set; } = string.Empty;

    public byte[] ToArray() => _output.WrittenSpan.ToArray();

    public bool WriteElement(JsonElement element, int depth)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                return Nested(depth) && WriteObject(ReadMembers(element), value => WriteElement(value, depth + 1));
            case JsonValueKind.Array:
                return Nested(depth) && WriteArray(element.EnumerateArray(), item => WriteElement(item, depth + 1));
            case JsonValueKind.String:
                return ReadString(() => element.GetString()!, "a string value", out var text) && WriteString(text);
            case JsonValueKind.Number:
                return WriteNumber(JsonMarshal.GetRawUtf8Value(element));
            case JsonValueKind.True:
                return WriteAscii("true");
            case JsonValueKind.False:
                return WriteAscii("false");
            case JsonValueKind.Null:
                return WriteAscii("null");
            default:
                throw new ArgumentException($"A JSON element of kind {element.ValueKind} has no value.", nameof(element));
        }
    }

    public bool WriteNode(JsonNode? node, int depth)
    {
        switch (node)
        {
            case null:
                return WriteAscii("null");
            case JsonObject obj:
                return Nested(depth) && WriteObject(obj.Select(pair => (pair.Key, pair.Value)).ToList(), value => WriteNode(value, depth + 1));
            case JsonArray array:
                return Nested(depth) && WriteArray(array, item => WriteNode(item, depth + 1));
            default:
                return WriteValue(node.AsValue(), depth);
        }
    }

    private bool WriteValue(JsonValue value, int depth)
    {
        if (value.TryGetValue<JsonElement>(out var element))
        {
            return WriteElement(element, depth);
        }

        // A string is written from its UTF-16 so that a lone surrogate is refused, not replaced.
        if (value.GetValueKind() == JsonValueKind.String && value.TryGetValue<string>(out var text))
        {
            return WriteString(text);
        }

        // Any other CLR value (number, bool, date…) is read back as JSON, as System.Text.Json writes it.
        using var document = JsonDocument.Parse(value.ToJsonString());
        return WriteElement(document.RootElement, depth);
    }

    private List<(string Name, JsonElement Value)>? ReadMembers(JsonElement element)
    {
        var members = new List<(string, JsonElement)>();
        foreach (var property in element.EnumerateObject())
        {
            if (!ReadString(() => property.Name, "a member name", out var name))
            {
                return null;
            }

            members.Add((name, property.Value));
        }

        return members;
    }

    /// <summary>Array elements in their order, comma-separated.</summary>
    private bool WriteArray<T>(IEnumerable<T> items, Func<T, bool> writeItem)
    {
        WriteAscii("[");
        var first = true;
        foreach (var item in items)
        {
            if (!(WriteAscii(first ? string.Empty : ",") && writeItem(item)))
            {
                return false;
            }

            first = false;
        }

        return WriteAscii("]");
    }

    /// <summary>RFC 8785 §3.2.3: members sorted by their names' UTF-16 code units; names unique.</summary>
    private bool WriteObject<T>(List<(string Name, T Value)>? members, Func<T, bool> writeValue)
    {
        if (members is null)
        {
            return false;
        }

        members.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        WriteAscii("{");
        for (var i = 0; i < members.Count; i++)
        {
            var (name, value) = members[i];
            if (i > 0 && string.Equals(members[i - 1].Name, name, StringComparison.Ordinal))
            {
                return Fail(CanonicalizationFailure.DuplicatePropertyName, $"The member name \"{name}\" appears more than once in an object.");
            }

            WriteAscii(i == 0 ? string.Empty : ",");
            if (!(WriteString(name) && WriteAscii(":") && writeValue(value)))
            {
                return false;
            }
        }

        return WriteAscii("}");
    }

    /// <summary>RFC 8785 §3.2.2.3: the number as an IEEE 754 double, written as ECMAScript does.</summary>
    private bool WriteNumber(ReadOnlySpan<byte> utf8Number)
    {
        if (!double.TryParse(utf8Number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            return Fail(CanonicalizationFailure.NumberOutOfRange, $"The number {Encoding.UTF8.GetString(utf8Number)} is outside the range of an IEEE 754 double.");
        }

        return WriteAscii(EcmaScriptNumber.Format(value));
    }

    /// <summary>
    /// RFC 8785 §3.2.2.2: a string as ECMAScript's JSON.stringify writes it. Only '"', '\' and the
    /// controls U+0000..U+001F are escaped: \b \t \n \f \r by name, the others as \u00xx in lower
    /// case. Everything else, including '/', U+007F and non-ASCII, is written as its UTF-8 bytes.
    /// </summary>
    private bool WriteString(string value)
    {
        WriteAscii("\"");
        var run = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c >= 0x20 && c != '"' && c != '\\')
            {
                continue;
            }

            if (!WriteUtf8(value.AsSpan(run, i - run)))
            {
                return false;
            }

            WriteAscii(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\b' => "\\b",
                '\t' => "\\t",
                '\n' => "\\n",
                '\f' => "\\f",
                '\r' => "\\r",
                _ => "\\u00" + ((int)c).ToString("x2", CultureInfo.InvariantCulture),
            });
            run = i + 1;
        }

        return WriteUtf8(value.AsSpan(run)) && WriteAscii("\"");
    }

    private bool WriteUtf8(ReadOnlySpan<char> text)
    {
        var destination = _output.GetSpan(text.Length * 3);
        var status = Utf8.FromUtf16(text, destination, out _, out var written, replaceInvalidSequences: false);
        if (status != OperationStatus.Done)
        {
            return Fail(CanonicalizationFailure.InvalidString, "A string holds a lone UTF-16 surrogate, which has no UTF-8 form.");
        }

        _output.Advance(written);
        return true;
    }

    /// <summary>Writes ASCII text; always true, so that writes chain with &amp;&amp;.</summary>
    private bool WriteAscii(string text)
    {
        var destination = _output.GetSpan(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            destination[i] = (byte)text[i];
        }

        _output.Advance(text.Length);
        return true;
    }

    private bool ReadString(Func<string> read, string what, out string text)
    {
        try
        {
            text = read();
            return true;
        }
        catch (InvalidOperationException exception)
        {
            // System.Text.Json refuses to unescape a lone surrogate such as "\ud800" or to
            // transcode invalid UTF-8, which JsonDocument.Parse leaves inside strings unchecked.
            text = string.Empty;
            return Fail(CanonicalizationFailure.InvalidString, $"{char.ToUpperInvariant(what[0])}{what[1..]} is not valid Unicode text: {exception.Message}");
        }
    }

    private bool Nested(int depth) =>
        depth <= JsonCanonicalizer.MaxDepth
        || Fail(CanonicalizationFailure.InvalidJson, $"The JSON is nested deeper than {JsonCanonicalizer.MaxDepth} levels.");

    private bool Fail(CanonicalizationFailure failure, string message)
    {
        Failure = failure;
        Message = message;
        return false;
    }
}
