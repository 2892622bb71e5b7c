using System.Globalization;
using System.Text;

namespace DataIp.Data.Attachments;

/// <summary>
/// Turns a file name a client declared into a name that is safe to show and to echo back in a
/// Content-Disposition header. The result is display metadata only: the store never builds a path
/// from it, so sanitising here is about presentation, not about path traversal.
/// </summary>
internal static class AttachmentFileName
{
    public const int MaxLength = 200;
    public const string Fallback = "attachment";

    // An extension up to this long (dot included) survives truncation, so "….csv" stays a CSV.
    private const int MaxKeptExtensionLength = 16;

    /// <summary>
    /// Keeps the part after the last '/' or '\', drops control and format characters (including
    /// bidirectional overrides that disguise "exe.pdf" as "fdp.exe"), trims white space and truncates to
    /// <see cref="MaxLength"/> UTF-16 units without splitting a character, keeping a short extension.
    /// Chinese and other letters are kept. Returns <see cref="Fallback"/> when nothing is left.
    /// </summary>
    public static string Sanitise(string declared)
    {
        ArgumentNullException.ThrowIfNull(declared);
        var lastPart = declared[(declared.LastIndexOfAny(['/', '\\']) + 1)..];
        var visible = RemoveInvisible(lastPart).Trim();
        return visible is "" or "." or ".." ? Fallback : Truncate(visible);
    }

    private static string RemoveInvisible(string name)
    {
        var builder = new StringBuilder(name.Length);
        // EnumerateRunes turns a lone surrogate into U+FFFD, so the result is always well-formed UTF-16.
        foreach (var rune in name.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is not (UnicodeCategory.Control or UnicodeCategory.Format
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator))
            {
                builder.Append(rune.ToString());
            }
        }

        return builder.ToString();
    }

    private static string Truncate(string name)
    {
        if (name.Length <= MaxLength)
        {
            return name;
        }

        var dot = name.LastIndexOf('.');
        var keepsExtension = dot > 0 && name.Length - dot <= MaxKeptExtensionLength;
        var extension = keepsExtension ? name[dot..] : "";
        var stem = keepsExtension ? name[..dot] : name;
        return CutAt(stem, MaxLength - extension.Length) + extension;
    }

    private static string CutAt(string text, int length)
    {
        // Never keep the high half of a surrogate pair without its low half.
        var end = char.IsHighSurrogate(text[length - 1]) ? length - 1 : length;
        return text[..end].TrimEnd();
    }
}
