using System.Globalization;
using System.Resources;
using Microsoft.AspNetCore.Html;

[assembly: NeutralResourcesLanguage("zh-CN")]

namespace DataIp.Web.Pages;

/// <summary>
/// The pages' words, from one resource file per language: <c>Pages/Text.resx</c> (Chinese, the
/// default) and <c>Pages/Text.en.resx</c> (English). A key missing from the file is an error, never
/// a silent fallback; <c>PageTextTests</c> proves that both files hold the same keys and that every
/// key the pages use is in them.
/// </summary>
public static class Text
{
    /// <summary>The pages' default language.</summary>
    public static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    /// <summary>The other language the pages are written in.</summary>
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    /// <summary>The languages the pages are written in, the default first.</summary>
    public static IReadOnlyList<CultureInfo> Cultures { get; } = [Chinese, English];

    // Encodes what HTML needs encoded and leaves Chinese as it is (readable in the page's source).
    private static readonly System.Text.Encodings.Web.HtmlEncoder Encoder =
        System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    private static readonly ResourceManager Resources = new("DataIp.Web.Pages.Text", typeof(Text).Assembly);

    /// <summary>Whether the page being rendered is in English.</summary>
    public static bool InEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>The text of <paramref name="key"/> in the page's language (or in <paramref name="culture"/>).</summary>
    /// <exception cref="KeyNotFoundException">No such key: a page names a text the resource files lack.</exception>
    public static string Get(string key, CultureInfo? culture = null) =>
        Resources.GetString(key, culture ?? CultureInfo.CurrentUICulture) ?? throw new KeyNotFoundException($"The pages' resource files have no text '{key}'.");

    /// <summary>The text of <paramref name="key"/> with its placeholders ({0}, {1}…) filled in the page's culture.</summary>
    public static string Format(string key, params object?[] values) => string.Format(CultureInfo.CurrentCulture, Get(key), values);

    /// <summary>A text of ours that holds markup (a link, <c>code</c>): rendered as is. Never for data.</summary>
    public static IHtmlContent Html(string key) => new HtmlString(Get(key));

    /// <summary>
    /// A sentence of the resource files with HTML values in its placeholders (data marked by
    /// <c>Labels.Data</c>, links): the sentence's own words are encoded, the values written as they are.
    /// </summary>
    /// <param name="key">The sentence's key.</param>
    /// <param name="values">The placeholders' values, in order.</param>
    /// <returns>The sentence as HTML.</returns>
    public static HtmlString FormatHtml(string key, params IHtmlContent[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var rendered = values.Select(v =>
        {
            using var writer = new StringWriter(CultureInfo.InvariantCulture);
            v.WriteTo(writer, Encoder);
            return (object)writer.ToString();
        }).ToArray();
        return new HtmlString(string.Format(CultureInfo.CurrentCulture, Encoder.Encode(Get(key)), rendered));
    }

    /// <summary>Every key of the resource files with its text in <paramref name="culture"/> alone (no fallback).</summary>
    public static IReadOnlyDictionary<string, string> All(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var file = culture.Equals(Chinese) ? CultureInfo.InvariantCulture : culture; // Chinese is the neutral file
        var set = Resources.GetResourceSet(file, createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException($"No resource file for {culture.Name}.");
        return set.Cast<System.Collections.DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!, StringComparer.Ordinal);
    }
}

/// <summary>A text of the pages named by its key, looked up when rendered, in the page's language.</summary>
/// <param name="Key">The key in <c>Pages/Text.resx</c>.</param>
/// <param name="Values">Values for its placeholders, if any.</param>
public sealed record Words(string Key, params object?[] Values)
{
    /// <summary>The text, HTML-encoded when written.</summary>
    public IHtmlContent Html => new HtmlContentBuilder().Append(ToString());

    /// <summary>The text in the page's language.</summary>
    public override string ToString() => Values.Length == 0 ? Text.Get(Key) : Text.Format(Key, Values);
}
