using System.Text.Json;
using DataIp.Domain.TransparencyLog;
using static System.FormattableString;

namespace DataIp.Domain.Fingerprinting;

/// <summary>Thrown inside <see cref="FingerprintJson"/> for a refused field and turned into a
/// <see cref="FingerprintReadResult{T}"/> before it leaves; never seen by callers.</summary>
internal sealed class JsonFieldException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>Typed, path-aware access to the members of one JSON object being read. Each getter
/// throws <see cref="JsonFieldException"/> naming the field when it is missing or malformed.</summary>
internal readonly struct JsonFields
{
    private readonly JsonElement _element;

    public JsonFields(JsonElement element, string path)
    {
        Path = path;
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new JsonFieldException(path, "must be a JSON object.");
        }

        _element = element;
    }

    public string Path { get; }

    public string Child(string name) => $"{Path}.{name}";

    public bool Has(string name) => _element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

    public JsonElement Get(string name) =>
        _element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : throw new JsonFieldException(Child(name), "is required.");

    public JsonFields Object(string name) => new(Get(name), Child(name));

    public string String(string name)
    {
        var value = Get(name);
        return value.ValueKind == JsonValueKind.String
            ? Text(value, Child(name))
            : throw new JsonFieldException(Child(name), "must be a string.");
    }

    // GetString throws InvalidOperationException for an escaped surrogate without its pair ("\ud800").
    private static string Text(JsonElement value, string path)
    {
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new JsonFieldException(path, "is not valid Unicode: it contains a lone surrogate.");
        }
    }

    public long Integer(string name, long min, long max)
    {
        var value = Get(name);
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number))
        {
            throw new JsonFieldException(Child(name), "must be a whole number.");
        }

        return number >= min && number <= max
            ? number
            : throw new JsonFieldException(Child(name), Invariant($"must be from {min} to {max}; it is {number}."));
    }

    public bool Boolean(string name)
    {
        var value = Get(name);
        return value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : throw new JsonFieldException(Child(name), "must be true or false.");
    }

    public void Constant(string name, string expected)
    {
        var actual = String(name);
        if (!string.Equals(actual, expected, StringComparison.Ordinal))
        {
            throw new JsonFieldException(Child(name), $"must be \"{expected}\"; it is \"{actual}\".");
        }
    }

    public void Version(string name, int expected)
    {
        var value = Get(name);
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var version) || version != expected)
        {
            throw new JsonFieldException(Child(name), Invariant($"is {value.GetRawText()}; only version {expected} is supported."));
        }
    }

    public T Name<T>(string name, TryParseName<T> parse, string allowed)
    {
        var text = String(name);
        return parse(text, out var value) ? value : throw new JsonFieldException(Child(name), $"must be {allowed}; it is \"{text}\".");
    }

    public Hash Hash(string name) => ReadHash(Get(name), Child(name));

    public IReadOnlyList<Hash> Hashes(string name)
    {
        var value = Get(name);
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new JsonFieldException(Child(name), "must be an array of hashes.");
        }

        var hashes = new List<Hash>(value.GetArrayLength());
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            hashes.Add(ReadHash(item, Invariant($"{Child(name)}[{i++}]")));
        }

        return hashes;
    }

    public byte[] Base64(string name)
    {
        var text = String(name);
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw new JsonFieldException(Child(name), "must be standard base64 (RFC 4648 §4).");
        }
    }

    /// <summary>A hash must be 64 lowercase hex digits (§6), so that each proof has one spelling.</summary>
    private static Hash ReadHash(JsonElement value, string path)
    {
        var text = value.ValueKind == JsonValueKind.String ? Text(value, path) : null;
        if (text is null || !text.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f') || !TransparencyLog.Hash.TryFromHex(text, out var hash))
        {
            throw new JsonFieldException(path, "must be 64 lowercase hexadecimal digits.");
        }

        return hash;
    }
}

/// <summary>The shape of <see cref="FingerprintNames"/>' TryParse methods.</summary>
internal delegate bool TryParseName<T>(string? name, out T value);
