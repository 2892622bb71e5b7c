using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace DataIp.Web.Features.Search;

/// <summary>
/// Where a page of search results ended: the order, the last result's sort value and its row key.
/// Handed out opaque (base64url) with a check of 8 bytes of SHA-256 over the rest, so an edited,
/// cut or made-up cursor is refused rather than read. It holds public values only: the check
/// guards against mistakes, not secrets.
/// </summary>
/// <param name="Sort">The order the cursor belongs to.</param>
/// <param name="Value">The last result's sort value (a date as yyyy-MM-dd, a number, a name).</param>
/// <param name="Id">The last result's row key.</param>
public sealed record SearchCursor(SearchSort Sort, string Value, long Id)
{
    private const string Version = "1";
    private const int CheckLength = 8;

    /// <summary>The cursor as the API hands it out.</summary>
    public string Encode()
    {
        var body = Encoding.UTF8.GetBytes(string.Join('\n', Version, Sort.ToString(), Id.ToString(CultureInfo.InvariantCulture), Value));
        return Base64Url.EncodeToString([.. body, .. Check(body)]);
    }

    /// <summary>The cursor, or null when the text is not one this platform handed out.</summary>
    public static SearchCursor? Decode(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > 1024 || !Base64Url.IsValid(text))
        {
            return null;
        }

        var bytes = Base64Url.DecodeFromChars(text);
        if (bytes.Length <= CheckLength || !CryptographicOperations.FixedTimeEquals(bytes.AsSpan(bytes.Length - CheckLength), Check(bytes.AsSpan(0, bytes.Length - CheckLength))))
        {
            return null;
        }

        var parts = Encoding.UTF8.GetString(bytes, 0, bytes.Length - CheckLength).Split('\n', 4);
        return parts is [Version, var sort, var id, var value]
            && Enum.TryParse<SearchSort>(sort, out var parsedSort) && Enum.IsDefined(parsedSort)
            && long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var parsedId)
            && (parsedSort is not (SearchSort.Newest or SearchSort.Oldest) || DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            ? new SearchCursor(parsedSort, value, parsedId)
            : null;
    }

    /// <summary>The date a date-ordered cursor holds.</summary>
    public DateOnly Date => DateOnly.ParseExact(Value, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static byte[] Check(ReadOnlySpan<byte> body) => SHA256.HashData(body)[..CheckLength];
}
