using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using DataIp.Domain.Canonicalization;

namespace DataIp.Domain.Tests.Canonicalization;

/// <summary>Seeded random JSON: canonicalisation is idempotent and keeps the value; numbers are the
/// shortest ECMAScript text of the same double.</summary>
public sealed partial class JsonCanonicalizerPropertyTests
{
    // Names and strings drawn from these pieces exercise escaping and UTF-16 ordering.
    private static readonly string[] Pieces =
    [
        "a", "b", "A", "Z", "0", "9", "_", " ", "\"", "\\", "/", "\n", "\r", "\t", "\b", "\f", "\u0000", "\u001f",
        "\u007f", "\u0080", "\u00f6", "\u2028", "\u20ac", "\ufb33", "\uffff", "中", "文", "\U0001F600", "\U00010000", "é",
    ];

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 25)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Canonicalize_RandomJson_IsIdempotentAndKeepsTheValue(int seed)
    {
        var random = new Random(seed);
        for (var sample = 0; sample < 40; sample++)
        {
            var input = WriteRandom(random);

            var canonical = JsonCanonicalizer.Canonicalize(input);

            Assert.Equal(canonical, JsonCanonicalizer.Canonicalize(canonical));
            using var original = JsonDocument.Parse(input);
            using var reparsed = JsonDocument.Parse(canonical);
            Assert.True(SameValue(original.RootElement, reparsed.RootElement), Encoding.UTF8.GetString(canonical));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void CanonicalizeTo_RandomJson_SameBytesAsTheDocumentCanonicalizer(int seed)
    {
        var random = new Random(seed);
        for (var sample = 0; sample < 40; sample++)
        {
            var input = WriteRandom(random);
            var output = new System.Buffers.ArrayBufferWriter<byte>();

            JsonCanonicalizer.CanonicalizeTo(input, output);

            Assert.Equal(Convert.ToHexString(JsonCanonicalizer.Canonicalize(input)), Convert.ToHexString(output.WrittenSpan));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Canonicalize_RandomDouble_IsShortestEcmaScriptTextOfTheSameValue(int seed)
    {
        var random = new Random(seed);
        for (var sample = 0; sample < 2000; sample++)
        {
            var value = RandomDouble(random);

            var text = Encoding.UTF8.GetString(JsonCanonicalizer.Canonicalize(Encoding.UTF8.GetBytes(value.ToString("E16", CultureInfo.InvariantCulture))));

            Assert.Matches(EcmaScriptNumber(), text);
            Assert.Equal(value == 0 ? 0 : value, double.Parse(text, CultureInfo.InvariantCulture));
            var magnitude = Math.Abs(value);
            Assert.Equal(magnitude != 0 && (magnitude >= 1e21 || magnitude < 1e-6), text.Contains('e', StringComparison.Ordinal));
            AssertNoShorterDigitsRoundTrip(value, text);
        }
    }

    /// <summary>Equal as I-JSON values: numbers compared as doubles (JsonElement.DeepEquals compares
    /// their decimal text exactly, and 17 digits differ from the shortest), objects by name.</summary>
    private static bool SameValue(JsonElement a, JsonElement b)
    {
        if (a.ValueKind != b.ValueKind)
        {
            return false;
        }

        switch (a.ValueKind)
        {
            case JsonValueKind.Number:
                return a.GetDouble() == b.GetDouble();
            case JsonValueKind.String:
                return a.GetString() == b.GetString();
            case JsonValueKind.Array:
                return a.GetArrayLength() == b.GetArrayLength()
                    && a.EnumerateArray().Zip(b.EnumerateArray()).All(pair => SameValue(pair.First, pair.Second));
            case JsonValueKind.Object:
                var members = b.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
                return a.EnumerateObject().Count() == members.Count
                    && a.EnumerateObject().All(p => members.TryGetValue(p.Name, out var value) && SameValue(p.Value, value));
            default:
                return true;
        }
    }

    /// <summary>Rounding the value to one significant digit fewer must not give the same double.</summary>
    private static void AssertNoShorterDigitsRoundTrip(double value, string text)
    {
        var digits = SignificantDigits().Match(text.TrimStart('-')).Groups["digits"].Value.Replace(".", string.Empty, StringComparison.Ordinal).Trim('0');
        if (digits.Length > 1)
        {
            var shorter = value.ToString("E" + (digits.Length - 2), CultureInfo.InvariantCulture);
            Assert.NotEqual(value, double.Parse(shorter, CultureInfo.InvariantCulture));
        }
    }

    private static double RandomDouble(Random random)
    {
        while (true)
        {
            var value = random.Next(4) switch
            {
                0 => BitConverter.Int64BitsToDouble(random.NextInt64(long.MinValue, long.MaxValue)),
                1 => Math.Round((random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-8, 24)), random.Next(0, 8)),
                2 => random.NextInt64(-(1L << 53), 1L << 53),
                _ => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-30, 30)),
            };
            if (double.IsFinite(value))
            {
                return value;
            }
        }
    }

    /// <summary>Random JSON written the non-canonical way: indented or not, members unsorted,
    /// non-ASCII escaped, numbers with 17 significant digits.</summary>
    private static byte[] WriteRandom(Random random)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = random.Next(2) == 0, Encoder = JavaScriptEncoder.Default }))
        {
            WriteValue(writer, random, depth: 0);
        }

        return stream.ToArray();
    }

    private static void WriteValue(Utf8JsonWriter writer, Random random, int depth)
    {
        switch (random.Next(depth >= 4 ? 4 : 6))
        {
            case 0:
                writer.WriteStringValue(RandomText(random));
                break;
            case 1:
                writer.WriteRawValue(RandomDouble(random).ToString("E16", CultureInfo.InvariantCulture));
                break;
            case 2:
                writer.WriteBooleanValue(random.Next(2) == 0);
                break;
            case 3:
                writer.WriteNullValue();
                break;
            case 4:
                writer.WriteStartArray();
                for (var i = random.Next(5); i > 0; i--)
                {
                    WriteValue(writer, random, depth + 1);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteStartObject();
                var names = new HashSet<string>(StringComparer.Ordinal);
                for (var i = random.Next(6); i > 0; i--)
                {
                    var name = RandomText(random);
                    if (names.Add(name))
                    {
                        writer.WritePropertyName(name);
                        WriteValue(writer, random, depth + 1);
                    }
                }

                writer.WriteEndObject();
                break;
        }
    }

    private static string RandomText(Random random) =>
        string.Concat(Enumerable.Range(0, random.Next(4)).Select(_ => Pieces[random.Next(Pieces.Length)]));

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]*[1-9])?(e[+-][1-9][0-9]*)?$")]
    private static partial Regex EcmaScriptNumber();

    [GeneratedRegex(@"^(?<digits>[0-9.]+)")]
    private static partial Regex SignificantDigits();
}
