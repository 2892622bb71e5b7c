using System.Globalization;
using Microsoft.AspNetCore.Html;

namespace DataIp.Web.Pages;

/// <summary>
/// Words the attachment store's refusal of an upload (<see cref="AttachmentRefusal"/>) in the page's
/// language: the sentence <c>Attachment.&lt;code&gt;</c>, whose first placeholder is the file's name
/// (marked as data, <see cref="Data"/>) and the others the refusal's facts as the pages word them (a
/// size in the page's culture, "20 MB"; the allowed types joined as the language joins a list). The
/// API's English stays the store's (<see cref="AttachmentRefusal.Message"/>).
/// </summary>
public static class AttachmentText
{
    // A file's name travels inside a sentence between these Unicode isolates (U+2068 FIRST STRONG
    // ISOLATE, U+2069 POP DIRECTIONAL ISOLATE): invisible, the bidi-safe way to embed a value, and a
    // mark Html finds to write the value through Labels.Data. The store's sanitiser removes
    // format characters from names, so a name cannot hold them.
    private const char Open = '\u2068';
    private const char Close = '\u2069';

    private const long KiB = 1024;
    private const long MiB = 1024 * KiB;

    /// <summary>The refusal as a sentence in the current UI culture.</summary>
    public static string Sentence(AttachmentRefusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        object?[] values = [Data(refusal.FileName), .. refusal.Arguments.Select(Argument)];
        return string.Format(CultureInfo.CurrentCulture, Text.Get(Key(refusal.Code)), values);
    }

    /// <summary>The resource key of a refusal's sentence.</summary>
    public static string Key(AttachmentRefusalCode code) =>
        Enum.IsDefined(code) ? "Attachment." + code : throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown attachment refusal.");

    /// <summary>A value someone entered, marked inside a sentence so that <see cref="Html"/> writes it as data.</summary>
    public static string Data(string value) => Open + value + Close;

    /// <summary>
    /// A message as HTML: the values marked by <see cref="Data"/> written through
    /// <see cref="Labels.Data"/> (marked Chinese on an English page), the rest as text.
    /// </summary>
    public static IHtmlContent Html(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var html = new HtmlContentBuilder();
        var rest = message.AsSpan();
        while (rest.IndexOf(Open) is var start and >= 0 && rest[start..].IndexOf(Close) is var length and >= 0)
        {
            html.Append(rest[..start].ToString()).AppendHtml(Labels.Data(rest.Slice(start + 1, length - 1).ToString()));
            rest = rest[(start + length + 1)..];
        }

        return html.Append(rest.ToString());
    }

    /// <summary>A size as the pages write it: "20 MB", "512 KB", "1,000 字节".</summary>
    public static string Size(long bytes) => bytes switch
    {
        _ when bytes % MiB == 0 => Number(bytes / MiB) + " MB",
        _ when bytes % KiB == 0 => Number(bytes / KiB) + " KB",
        _ => Text.Format("Attachment.Bytes", Number(bytes)),
    };

    /// <summary>The types of a rule, joined as the page's language joins "a, b or c".</summary>
    public static string Types(IReadOnlyList<string> contentTypes)
    {
        ArgumentNullException.ThrowIfNull(contentTypes);
        var names = contentTypes.Select(TypeName).ToArray();
        return names.Length == 1 ? names[0]
            : Text.Format("Refusal.ListOr", string.Join(Text.Get("Refusal.ListComma"), names[..^1]), names[^1]);
    }

    /// <summary>A content type by the name people know it by.</summary>
    public static string TypeName(string contentType) =>
        contentType == AttachmentContentTypes.PlainText ? Text.Get("Attachment.PlainText") : AttachmentContentTypes.DisplayName(contentType);

    private static object? Argument(object? value) => value switch
    {
        long bytes => Size(bytes),
        IEnumerable<string> types => Types([.. types]),
        string contentType => TypeName(contentType),
        _ => value,
    };

    private static string Number(long value) => value.ToString("N0", CultureInfo.CurrentCulture);
}
