using System.Buffers;
using System.Text;
using System.Text.Json;
using DataIp.Domain.Canonicalization;

namespace DataIp.Data.TransparencyLog;

/// <summary>
/// An act's fields, serialised once: the act row's payload (every field in clear, in the order
/// added) and, for the log entry, each public field's and each private field's RFC 8785 canonical
/// bytes. Each value is written by System.Text.Json with the caller's options into a reused
/// buffer; the payload takes those bytes as they are and the canonical form is read from them in
/// one forward pass (<see cref="JsonCanonicalizer.CanonicalizeTo"/>), with no node tree and no
/// copy of the fields. Strings, the commonest values, go straight to both forms.
/// </summary>
/// <remarks>Build one per act on one thread; not thread-safe.</remarks>
public sealed class ActFields
{
    // Serialised values of the fields in the payload, one after another (reused per thread).
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _threadValues;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _threadScratch;

    private readonly JsonSerializerOptions _options;
    private readonly ArrayBufferWriter<byte> _values;
    private readonly List<(string Name, (int Start, int Length) Range)> _payload = [];
    private readonly List<(string Name, byte[] Canonical)> _public = [];
    private readonly List<(string Name, byte[] Canonical)> _private = [];

    /// <summary>Starts an act's fields; values are serialised with <paramref name="options"/>.</summary>
    public ActFields(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _values = _threadValues ??= new ArrayBufferWriter<byte>(4096);
        _values.ResetWrittenCount();
    }

    /// <summary>Public fields, canonical, in the order added (a later one of the same name replaces).</summary>
    internal IReadOnlyList<(string Name, byte[] Canonical)> Public => _public;

    /// <summary>Private fields, canonical, in the order added (a later one of the same name replaces).</summary>
    internal IReadOnlyList<(string Name, byte[] Canonical)> Private => _private;

    /// <summary>Adds a field anyone may read: in the payload and in clear in the log entry.</summary>
    public void AddPublic(string name, object value) => Add(name, value, _public, inPayload: true);

    /// <summary>Adds a private field: a salted digest in the log entry, and in clear in the payload
    /// if <paramref name="inPayload"/>.</summary>
    public void AddPrivate(string name, object value, bool inPayload = true) => Add(name, value, _private, inPayload);

    /// <summary>The payload: a JSON object of the fields added to it, written with the options' encoder.</summary>
    public string Payload()
    {
        var output = _threadScratch ??= new ArrayBufferWriter<byte>(4096);
        output.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = _options.Encoder, SkipValidation = true }))
        {
            writer.WriteStartObject();
            foreach (var (name, (start, length)) in _payload)
            {
                writer.WritePropertyName(name);
                writer.WriteRawValue(_values.WrittenSpan.Slice(start, length), skipInputValidation: true);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    private void Add(string name, object value, List<(string Name, byte[] Canonical)> members, bool inPayload)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        var start = _values.WrittenCount;
        byte[] canonical;
        using (var writer = new Utf8JsonWriter(_values, new JsonWriterOptions { Encoder = _options.Encoder, SkipValidation = true }))
        {
            if (value is string text)
            {
                writer.WriteStringValue(text);
                writer.Flush();
                canonical = JsonCanonicalizer.CanonicalizeString(text);
            }
            else
            {
                JsonSerializer.Serialize(writer, value, value.GetType(), _options);
                writer.Flush();
                canonical = Canonical(_values.WrittenSpan[start..]);
            }
        }

        Replace(members, (name, canonical));
        if (inPayload)
        {
            Replace(_payload, (name, (start, _values.WrittenCount - start)));
        }
    }

    private static byte[] Canonical(ReadOnlySpan<byte> json)
    {
        var output = _threadScratch ??= new ArrayBufferWriter<byte>(4096);
        output.ResetWrittenCount();
        JsonCanonicalizer.CanonicalizeTo(json, output);
        return output.WrittenSpan.ToArray();
    }

    // As a JSON object's indexer: a name already there keeps its place and takes the new value.
    private static void Replace<T>(List<(string Name, T Value)> list, (string Name, T Value) item)
    {
        var at = list.FindIndex(m => string.Equals(m.Name, item.Name, StringComparison.Ordinal));
        if (at >= 0)
        {
            list[at] = item;
        }
        else
        {
            list.Add(item);
        }
    }
}
