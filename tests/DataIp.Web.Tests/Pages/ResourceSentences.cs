using System.Globalization;
using System.Text.RegularExpressions;

namespace DataIp.Web.Tests.Pages;

/// <summary>What the tests of worded messages (refusals, content problems, upload refusals) share: rendering in a culture, and reading a sentence's placeholders.</summary>
internal static partial class ResourceSentences
{
    /// <summary>Renders under a page's culture (UI and formatting), restoring the thread's after.</summary>
    public static string InCulture(CultureInfo culture, Func<string> render)
    {
        ArgumentNullException.ThrowIfNull(render);
        var (ui, format) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = culture;
        CultureInfo.CurrentCulture = culture;
        try
        {
            return render();
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, format);
        }
    }

    /// <summary>The numbers of a composite format's placeholders ("{0}", "{1:N0}"), escaped braces ignored.</summary>
    public static HashSet<string> Placeholders(string text) =>
        [.. Placeholder().Matches(text.Replace("{{", "", StringComparison.Ordinal).Replace("}}", "", StringComparison.Ordinal)).Select(m => m.Groups[1].Value)];

    // Three English words in a row: a sentence left untranslated (a type name such as PDF, a code such
    // as I65 or a name such as dataip-fingerprint given as a fact is not one).
    [GeneratedRegex(@"[A-Za-z]{2,}[ ,;:]+[A-Za-z]{2,}[ ,;:]+[A-Za-z]{2,}")]
    public static partial Regex EnglishSentence();

    [GeneratedRegex(@"\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();
}
