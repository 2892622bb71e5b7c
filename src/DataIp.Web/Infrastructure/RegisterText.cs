using System.Globalization;

namespace DataIp.Web.Infrastructure;

/// <summary>
/// The one rule for text that enters the register, applied to every JSON string member (by
/// <see cref="RegisterTextConverter"/>) and every multipart text field (by <see cref="RequestBodies"/>):
/// no C0 or C1 control character (U+0000–U+001F, U+007F–U+009F) but tab, line feed and carriage
/// return; no lone surrogate; no noncharacter (U+FDD0–U+FDEF and the last two code points of every
/// plane, U+FFFE and U+FFFF among them). Such text cannot be printed on a certificate, some of it
/// cannot be stored at all (PostgreSQL refuses U+0000 in text) and none of it is ever meant.
/// </summary>
/// <remarks>
/// A single-line field (a name, a number, a code: see <see cref="IsSingleLine"/>) refuses line feed
/// and carriage return too. The domain's content validator is finer for an application's content
/// (it knows, say, that an address is one line); this rule is the floor under every field.
/// Thread-safe: no state.
/// </remarks>
internal static class RegisterText
{
    // Field names ending in one of these (after a lower-case letter) or equal to one are single lines.
    private static readonly string[] SingleLineWords =
        ["name", "nameEn", "number", "code", "identifier", "email", "phone", "url", "currency", "amount", "reference", "contact"];

    /// <summary>Why <paramref name="text"/> may not enter the register, as the end of a sentence naming the field; null when it may.</summary>
    /// <param name="text">The text as received.</param>
    /// <param name="singleLine">True for a field that is one line: line breaks are refused too.</param>
    public static string? Problem(string text, bool singleLine)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var codePoint = char.ConvertToUtf32(c, text[i + 1]);
                if ((codePoint & 0xFFFE) == 0xFFFE)
                {
                    return $"contains the Unicode noncharacter {Name(codePoint)} at position {i + 1}.";
                }

                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return $"is not valid Unicode: it contains a lone surrogate {Name(c)} at position {i + 1} (half of a pair without the other half).";
            }
            else if (c is '\n' or '\r')
            {
                if (singleLine)
                {
                    return $"must be a single line; it contains a line break ({Name(c)}) at position {i + 1}.";
                }
            }
            else if (c != '\t' && char.IsControl(c))
            {
                return $"contains the control character {Name(c)} at position {i + 1}; text may contain tab{(singleLine ? "" : " and line breaks")} but no other control character.";
            }
            else if (c is >= '\uFDD0' and <= '\uFDEF' or '\uFFFE' or '\uFFFF')
            {
                return $"contains the Unicode noncharacter {Name(c)} at position {i + 1}.";
            }
        }

        return null;
    }

    /// <summary>
    /// Whether a field is a single line, from its name (the last member of a JSON path, e.g.
    /// <c>licenseeName</c> in <c>content.licenseeName</c>): names, numbers, codes, identifiers,
    /// e-mail addresses, phone numbers, URLs, currencies, amounts, references and contacts are;
    /// reasons, grounds, descriptions and other prose are not.
    /// </summary>
    /// <param name="field">A field name or JSON path.</param>
    public static bool IsSingleLine(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var leaf = field[(field.LastIndexOf('.') + 1)..];
        var bracket = leaf.IndexOf('[', StringComparison.Ordinal);
        leaf = bracket < 0 ? leaf : leaf[..bracket];
        return SingleLineWords.Any(word => leaf.Equals(word, StringComparison.OrdinalIgnoreCase)
            || (leaf.Length > word.Length && leaf.EndsWith(word, StringComparison.OrdinalIgnoreCase)
                && char.IsUpper(leaf[^word.Length]) && char.IsLower(leaf[^(word.Length + 1)])));
    }

    private static string Name(int codePoint) => "U+" + codePoint.ToString("X4", CultureInfo.InvariantCulture);
}
