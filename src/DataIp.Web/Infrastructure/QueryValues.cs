namespace DataIp.Web.Infrastructure;

/// <summary>Query-string values named as in JSON: enums by their camelCase names, never by number.</summary>
internal static class QueryValues
{
    /// <summary>Parses an optional enum name, ignoring case; false for numbers and unknown names.</summary>
    public static bool TryParseEnum<T>(string? value, out T? result)
        where T : struct, Enum
    {
        result = null;
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }

        if (value.Any(char.IsAsciiDigit) || !Enum.TryParse<T>(value, ignoreCase: true, out var parsed))
        {
            return false;
        }

        result = parsed;
        return true;
    }

    /// <summary>The message for a value that is not one of the enum's names.</summary>
    public static string EnumChoices<T>(string field)
        where T : struct, Enum =>
        $"{field} is one of: {string.Join(", ", Enum.GetNames<T>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]))}.";
}
