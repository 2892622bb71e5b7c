using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DataIp.Domain.Canonicalization;

/// <summary>
/// The JSON Canonicalization Scheme (RFC 8785): one byte sequence per JSON value, so that an act
/// hashes and signs the same wherever it is re-serialised. The rules:
/// <list type="bullet">
/// <item>no whitespace between tokens (§3.2.1);</item>
/// <item>literals as is; numbers as IEEE 754 doubles written like ECMAScript's
/// Number.prototype.toString: shortest round-trip digits, exponent form only below 1e-6 or from
/// 1e21 (1e+21, 1e-7), −0 as 0 (§3.2.2.3);</item>
/// <item>strings escape only '"', '\' and U+0000..U+001F (\b \t \n \f \r, else \u00xx in lower
/// case); all else is literal UTF-8 (§3.2.2.2);</item>
/// <item>object members sorted by the UTF-16 code units of their names, recursively; array order
/// kept (§3.2.3);</item>
/// <item>the output is UTF-8 (§3.2.4).</item>
/// </list>
/// Input must be I-JSON (RFC 7493): duplicate member names, numbers beyond a double, and strings
/// that are not Unicode text (lone surrogates, invalid UTF-8) are refused
/// (<see cref="CanonicalizationFailure"/>). Thread-safe: all members are pure.
/// </summary>
public static class JsonCanonicalizer
{
    /// <summary>The deepest nesting of arrays and objects accepted, System.Text.Json's default.</summary>
    public const int MaxDepth = 64;

    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = MaxDepth };

    /// <summary>Canonicalises JSON text received from elsewhere, reporting a refusal as a value.</summary>
    /// <param name="utf8Json">One JSON value as UTF-8 (RFC 8259), whitespace around it allowed, no
    /// byte order mark.</param>
    /// <returns>The canonical bytes, or why the input was refused.</returns>
    public static CanonicalizationResult TryCanonicalize(ReadOnlySpan<byte> utf8Json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json.ToArray(), ParseOptions);
        }
        catch (JsonException exception)
        {
            return CanonicalizationResult.Fail(CanonicalizationFailure.InvalidJson, $"The input is not one well-formed JSON value: {exception.Message}");
        }

        using (document)
        {
            return TryCanonicalize(document.RootElement);
        }
    }

    /// <summary>Canonicalises a parsed JSON value, reporting a refusal as a value. Duplicate member
    /// names, which <see cref="JsonDocument"/> keeps, are found here.</summary>
    /// <param name="element">The value; its document must still be alive.</param>
    /// <returns>The canonical bytes, or why the value was refused.</returns>
    /// <exception cref="ArgumentException"><paramref name="element"/> is <c>default</c> (undefined).</exception>
    public static CanonicalizationResult TryCanonicalize(JsonElement element)
    {
        var writer = new CanonicalJsonWriter();
        return writer.WriteElement(element, 1)
            ? CanonicalizationResult.Success(writer.ToArray())
            : CanonicalizationResult.Fail(writer.Failure, writer.Message);
    }

    /// <summary>Canonicalises JSON text the caller vouches for, such as an act the domain built.</summary>
    /// <param name="utf8Json">One JSON value as UTF-8.</param>
    /// <returns>The canonical UTF-8 bytes.</returns>
    /// <exception cref="ArgumentException">The input is refused; the message says why (a caller
    /// bug; use <see cref="TryCanonicalize(ReadOnlySpan{byte})"/> for untrusted input).</exception>
    public static byte[] Canonicalize(ReadOnlySpan<byte> utf8Json) => OrThrow(TryCanonicalize(utf8Json), nameof(utf8Json));

    /// <summary>Canonicalises a parsed JSON value the caller vouches for.</summary>
    /// <param name="element">The value; its document must still be alive.</param>
    /// <returns>The canonical UTF-8 bytes.</returns>
    /// <exception cref="ArgumentException">The value is refused; the message says why.</exception>
    public static byte[] Canonicalize(JsonElement element) => OrThrow(TryCanonicalize(element), nameof(element));

    /// <summary>
    /// Canonicalises a <see cref="JsonNode"/> tree, such as one the domain built for an act. Strings
    /// and names are taken from their UTF-16 (so a lone surrogate is refused, not replaced); other
    /// values held as CLR objects are read back as System.Text.Json writes them.
    /// </summary>
    /// <param name="node">The value; <c>null</c> is JSON null.</param>
    /// <returns>The canonical UTF-8 bytes.</returns>
    /// <exception cref="ArgumentException">The value is refused, or holds NaN or an infinity, or
    /// is an object parsed from text with a duplicate name (System.Text.Json throws when such an
    /// object is read).</exception>
    public static byte[] Canonicalize(JsonNode? node)
    {
        var writer = new CanonicalJsonWriter();
        return writer.WriteNode(node, 1)
            ? writer.ToArray()
            : throw new ArgumentException(writer.Message, nameof(node));
    }

    /// <summary>
    /// Canonicalises JSON text the caller vouches for straight into <paramref name="output"/>,
    /// reading it once forward, without building a document: the fast path for JSON that
    /// System.Text.Json has just written. Same bytes, same refusals as
    /// <see cref="Canonicalize(ReadOnlySpan{byte})"/>.
    /// </summary>
    /// <param name="utf8Json">One JSON value as UTF-8.</param>
    /// <param name="output">Where the canonical bytes are appended.</param>
    /// <exception cref="ArgumentException">The input is refused; the message says why.</exception>
    public static void CanonicalizeTo(ReadOnlySpan<byte> utf8Json, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        StreamingCanonicalizer.Write(utf8Json, output);
    }

    /// <summary>Appends a string in canonical form (RFC 8785 §3.2.2.2), quotes included.</summary>
    /// <param name="value">The string's UTF-16 text.</param>
    /// <param name="output">Where the canonical bytes are appended.</param>
    /// <exception cref="ArgumentException">The text holds a lone surrogate.</exception>
    public static void WriteString(ReadOnlySpan<char> value, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        StreamingCanonicalizer.WriteString(value, output);
    }

    /// <summary>A string in canonical form (RFC 8785 §3.2.2.2), quotes included.</summary>
    /// <param name="value">The string's UTF-16 text.</param>
    /// <returns>The canonical UTF-8 bytes.</returns>
    /// <exception cref="ArgumentException">The text holds a lone surrogate.</exception>
    public static byte[] CanonicalizeString(ReadOnlySpan<char> value)
    {
        var output = new ArrayBufferWriter<byte>(value.Length + 2);
        StreamingCanonicalizer.WriteString(value, output);
        return output.WrittenSpan.ToArray();
    }

    private static byte[] OrThrow(CanonicalizationResult result, string parameter) =>
        result.IsSuccess ? result.Canonical.ToArray() : throw new ArgumentException(result.Message, parameter);
}
