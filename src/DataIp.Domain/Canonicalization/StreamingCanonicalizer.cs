using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Unicode;

namespace DataIp.Domain.Canonicalization;

/// <summary>
/// RFC 8785 straight from UTF-8 JSON to a buffer, with a forward <see cref="Utf8JsonReader"/>
/// and no document or node tree: the fast path for JSON the caller vouches for (written by
/// System.Text.Json a moment before). It gives the same bytes as <see cref="CanonicalJsonWriter"/>
/// and refuses the same inputs, with an <see cref="ArgumentException"/>. Thread-safe: no state.
/// </summary>
internal static class StreamingCanonicalizer
{
    // Up to 15 digits an integer is below 2^53, so its double prints as the same digits.
    private const int ExactIntegerDigits = 15;

    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = JsonCanonicalizer.MaxDepth };

    /// <summary>Writes the canonical form of one JSON value.</summary>
    /// <exception cref="ArgumentException">The input is not one JSON value, or not I-JSON.</exception>
    public static void Write(ReadOnlySpan<byte> utf8Json, IBufferWriter<byte> output)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8Json, ReaderOptions);
            if (!reader.Read())
            {
                throw new ArgumentException("The input holds no JSON value.", nameof(utf8Json));
            }

            WriteValue(utf8Json, ref reader, output);
            if (reader.Read())
            {
                throw new ArgumentException("The input holds more than one JSON value.", nameof(utf8Json));
            }
        }
        catch (JsonException exception)
        {
            throw new ArgumentException($"The input is not one well-formed JSON value: {exception.Message}", nameof(utf8Json), exception);
        }
        catch (InvalidOperationException exception)
        {
            // Utf8JsonReader refuses to unescape a lone surrogate such as "\ud800".
            throw new ArgumentException($"A string is not valid Unicode text: {exception.Message}", nameof(utf8Json), exception);
        }
    }

    /// <summary>
    /// RFC 8785 §3.2.2.2: only '"', '\' and U+0000..U+001F escaped (\b \t \n \f \r by name, the
    /// others as \u00xx in lower case); everything else as its UTF-8 bytes.
    /// </summary>
    /// <exception cref="ArgumentException">The text holds a lone surrogate.</exception>
    public static void WriteString(ReadOnlySpan<char> value, IBufferWriter<byte> output)
    {
        output.Write("\""u8);
        var run = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c >= 0x20 && c != '"' && c != '\\')
            {
                continue;
            }

            WriteUtf8(value[run..i], output);
            output.Write(c switch
            {
                '"' => "\\\""u8,
                '\\' => "\\\\"u8,
                '\b' => "\\b"u8,
                '\t' => "\\t"u8,
                '\n' => "\\n"u8,
                '\f' => "\\f"u8,
                '\r' => "\\r"u8,
                _ => [(byte)'\\', (byte)'u', (byte)'0', (byte)'0', HexDigit(c >> 4), HexDigit(c & 0xF)],
            });
            run = i + 1;
        }

        WriteUtf8(value[run..], output);
        output.Write("\""u8);
    }

    private static void WriteValue(ReadOnlySpan<byte> json, ref Utf8JsonReader reader, IBufferWriter<byte> output)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                WriteObject(json, ref reader, output);
                break;
            case JsonTokenType.StartArray:
                output.Write("["u8);
                var first = true;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    output.Write(first ? [] : ","u8);
                    WriteValue(json, ref reader, output);
                    first = false;
                }

                output.Write("]"u8);
                break;
            case JsonTokenType.String:
                WriteStringToken(ref reader, output);
                break;
            case JsonTokenType.Number:
                WriteNumber(reader.ValueSpan, output);
                break;
            case JsonTokenType.True:
                output.Write("true"u8);
                break;
            case JsonTokenType.False:
                output.Write("false"u8);
                break;
            case JsonTokenType.Null:
                output.Write("null"u8);
                break;
            default:
                throw new ArgumentException($"Unexpected JSON token {reader.TokenType}.", nameof(json));
        }
    }

    /// <summary>RFC 8785 §3.2.3: members sorted by their names' UTF-16 code units; names unique.
    /// Each member's value is located by skipping it, then written from its own slice.</summary>
    private static void WriteObject(ReadOnlySpan<byte> json, ref Utf8JsonReader reader, IBufferWriter<byte> output)
    {
        var members = new List<(string Name, int Start, int End)>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            var start = checked((int)reader.TokenStartIndex);
            reader.Skip();
            members.Add((name, start, checked((int)reader.BytesConsumed)));
        }

        members.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        output.Write("{"u8);
        for (var i = 0; i < members.Count; i++)
        {
            var (name, start, end) = members[i];
            if (i > 0 && string.Equals(members[i - 1].Name, name, StringComparison.Ordinal))
            {
                throw new ArgumentException($"The member name \"{name}\" appears more than once in an object.", nameof(json));
            }

            output.Write(i == 0 ? [] : ","u8);
            WriteString(name, output);
            output.Write(":"u8);
            var value = json[start..end];
            var valueReader = new Utf8JsonReader(value, ReaderOptions);
            valueReader.Read();
            WriteValue(value, ref valueReader, output);
        }

        output.Write("}"u8);
    }

    private static void WriteStringToken(ref Utf8JsonReader reader, IBufferWriter<byte> output)
    {
        var raw = reader.ValueSpan;
        // Unescaped JSON string text holds no '"', '\' or control character, so its valid UTF-8
        // is already canonical.
        if (!reader.ValueIsEscaped && Utf8.IsValid(raw))
        {
            output.Write("\""u8);
            output.Write(raw);
            output.Write("\""u8);
            return;
        }

        var rented = ArrayPool<char>.Shared.Rent(raw.Length);
        try
        {
            var length = reader.CopyString(rented);
            WriteString(rented.AsSpan(0, length), output);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>RFC 8785 §3.2.2.3: the number as an IEEE 754 double, written as ECMAScript does.</summary>
    private static void WriteNumber(ReadOnlySpan<byte> number, IBufferWriter<byte> output)
    {
        if (IsExactInteger(number))
        {
            output.Write(number);
            return;
        }

        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw new ArgumentException($"The number {System.Text.Encoding.UTF8.GetString(number)} is outside the range of an IEEE 754 double.", nameof(number));
        }

        var text = EcmaScriptNumber.Format(value);
        var destination = output.GetSpan(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            destination[i] = (byte)text[i];
        }

        output.Advance(text.Length);
    }

    // Plain digits (JSON allows no leading zero), at most 15 of them, and not "-0".
    private static bool IsExactInteger(ReadOnlySpan<byte> number)
    {
        var digits = number.Length > 0 && number[0] == (byte)'-' ? number[1..] : number;
        return digits.Length is > 0 and <= ExactIntegerDigits
            && !digits.ContainsAnyExceptInRange((byte)'0', (byte)'9')
            && !(digits.Length < number.Length && digits is [(byte)'0']);
    }

    private static void WriteUtf8(ReadOnlySpan<char> text, IBufferWriter<byte> output)
    {
        if (text.IsEmpty)
        {
            return;
        }

        var destination = output.GetSpan(text.Length * 3);
        if (Utf8.FromUtf16(text, destination, out _, out var written, replaceInvalidSequences: false) != OperationStatus.Done)
        {
            throw new ArgumentException("A string holds a lone UTF-16 surrogate, which has no UTF-8 form.", nameof(text));
        }

        output.Advance(written);
    }

    private static byte HexDigit(int value) => (byte)(value < 10 ? '0' + value : 'a' + value - 10);
}
