using System.Globalization;
using DataIp.Data.Attachments;
using DataIp.Domain.Registration;
using DataIp.Web.Features.Acts;
using DataIp.Web.Pages;

namespace DataIp.Web.Tests.Pages;

/// <summary>
/// The attachment store's refusals cannot drift from their words: every <see cref="AttachmentRefusalCode"/>
/// has its sentence in both resource files with the same placeholders and an English sentence made by
/// the store; worded for a page, the Chinese holds no English sentence and the English no Chinese, each
/// names the file and its facts in the page's culture; the API keeps the store's English.
/// </summary>
public sealed partial class AttachmentTextTests
{
    private static readonly string[] Documents = [AttachmentContentTypes.Pdf, AttachmentContentTypes.Png, AttachmentContentTypes.Jpeg];

    [Fact]
    public void EveryCode_InBothLanguages_SamePlaceholders()
    {
        var chinese = Text.All(Text.Chinese);
        var english = Text.All(Text.English);
        var keys = Enum.GetValues<AttachmentRefusalCode>().Select(AttachmentText.Key).Concat(["Attachment.Bytes", "Attachment.PlainText"]).ToList();

        var missing = keys.Where(k => !chinese.ContainsKey(k) || !english.ContainsKey(k));
        var differing = keys.Where(k => chinese.ContainsKey(k) && english.ContainsKey(k) && !ResourceSentences.Placeholders(chinese[k]).SetEquals(ResourceSentences.Placeholders(english[k])));
        var orphans = chinese.Keys.Where(k => k.StartsWith("Attachment.", StringComparison.Ordinal) && !keys.Contains(k));

        Assert.Equal(4, Enum.GetValues<AttachmentRefusalCode>().Length);
        Assert.Empty(missing);
        Assert.Empty(differing);
        Assert.Empty(orphans);
        Assert.All(Enum.GetValues<AttachmentRefusalCode>(), code => Assert.Contains("{0}", chinese[AttachmentText.Key(code)], StringComparison.Ordinal));
    }

    [Fact]
    public void EveryCode_WordedInEachLanguage_ApiKeepsTheStoresEnglish()
    {
        Assert.All(Enum.GetValues<AttachmentRefusalCode>(), code =>
        {
            var refusal = Sample(code, "proof.pdf");
            var chinese = ResourceSentences.InCulture(Text.Chinese, () => AttachmentText.Sentence(refusal));
            var english = ResourceSentences.InCulture(Text.English, () => AttachmentText.Sentence(refusal));
            var message = RefusalMessage.Attachment(refusal);

            Assert.False(string.IsNullOrWhiteSpace(refusal.Message), code.ToString());
            Assert.Equal(refusal.Message, RefusalText.ForApi(message));
            Assert.Equal(chinese, ResourceSentences.InCulture(Text.Chinese, () => RefusalText.ForPage(message)));
            Assert.Equal(english, ResourceSentences.InCulture(Text.English, () => RefusalText.ForPage(message)));
            Assert.Contains(AttachmentText.Data("proof.pdf"), chinese, StringComparison.Ordinal);
            Assert.Contains(AttachmentText.Data("proof.pdf"), english, StringComparison.Ordinal);
            Assert.True(Labels.HasChinese(chinese), chinese);
            Assert.DoesNotMatch(ResourceSentences.EnglishSentence(), chinese);
            Assert.DoesNotContain(refusal.Message, english, StringComparison.Ordinal);
            Assert.False(Labels.HasChinese(english), english);
            Assert.DoesNotContain("{", chinese + english, StringComparison.Ordinal);
        });
    }

    // The store's English is what the API answered before the refusals had codes, byte for byte.
    [Fact]
    public void StoresEnglish_AsTheApiHasAlwaysSaidIt()
    {
        Assert.Equal("A proof-of-source document must not be empty.", Sample(AttachmentRefusalCode.Empty, "x").Message);
        Assert.Equal("A proof-of-source document must be at most 20 MiB.", Sample(AttachmentRefusalCode.TooLarge, "x").Message);
        Assert.Equal("A proof-of-source document must be PDF, PNG or JPEG; the uploaded file is none of these.", Sample(AttachmentRefusalCode.Unrecognised, "x").Message);
        Assert.Equal("A proof-of-source document must be PDF, PNG or JPEG; the uploaded file looks like application/zip.", Sample(AttachmentRefusalCode.NotAllowed, "x").Message);
    }

    // Where several files go up at once (objection evidence, a court order) the API names the file as it was declared.
    [Fact]
    public void Attachment_WithDeclaredName_ApiNamesTheFileFirst()
    {
        var refusal = new AttachmentRefusal("file", AttachmentRefusalCode.Empty, AttachmentKind.ObjectionEvidence, "证据.pdf", []);

        var message = RefusalMessage.Attachment(refusal, "../证据.pdf");

        Assert.Equal("../证据.pdf: Objection evidence must not be empty.", RefusalText.ForApi(message));
        Assert.Equal("\u201c\u2068证据.pdf\u2069\u201d is empty; choose a file that has content.", ResourceSentences.InCulture(Text.English, () => RefusalText.ForPage(message)));
    }

    [Fact]
    public void Sentence_FactsInThePagesCulture()
    {
        var tooLarge = new AttachmentRefusal("file", AttachmentRefusalCode.TooLarge, AttachmentKind.SampleData, "样例.csv", [50L << 20]);
        var oddLimit = new AttachmentRefusal("file", AttachmentRefusalCode.TooLarge, AttachmentKind.SampleData, "a.csv", [1500L]);
        var sample = new AttachmentRefusal("file", AttachmentRefusalCode.Unrecognised, AttachmentKind.SampleData, "a.bin",
            [new[] { AttachmentContentTypes.Csv, AttachmentContentTypes.PlainText, AttachmentContentTypes.Zip }]);

        Assert.Equal("「\u2068样例.csv\u2069」大于 50 MB，这里上传的文件不能超过 50 MB。", ResourceSentences.InCulture(Text.Chinese, () => AttachmentText.Sentence(tooLarge)));
        Assert.Equal("\u201c\u2068样例.csv\u2069\u201d is larger than 50 MB, the most a file here may be.", ResourceSentences.InCulture(Text.English, () => AttachmentText.Sentence(tooLarge)));
        Assert.Contains("1,500 bytes", ResourceSentences.InCulture(Text.English, () => AttachmentText.Sentence(oddLimit)), StringComparison.Ordinal);
        Assert.Contains("1,500 字节", ResourceSentences.InCulture(Text.Chinese, () => AttachmentText.Sentence(oddLimit)), StringComparison.Ordinal);
        Assert.Contains("CSV、纯文本或ZIP", ResourceSentences.InCulture(Text.Chinese, () => AttachmentText.Sentence(sample)), StringComparison.Ordinal);
        Assert.Contains("CSV, plain text or ZIP", ResourceSentences.InCulture(Text.English, () => AttachmentText.Sentence(sample)), StringComparison.Ordinal);
    }

    // A file's name is written as data: on an English page a Chinese name is marked as Chinese; the marks themselves never show.
    [Fact]
    public void Html_FileNameThroughLabelsData()
    {
        var refusal = new AttachmentRefusal("file", AttachmentRefusalCode.Empty, AttachmentKind.ProofOfSource, "授权书<1>.pdf", []);

        var english = ResourceSentences.InCulture(Text.English, () => Write(AttachmentText.Html(AttachmentText.Sentence(refusal))));
        var chinese = ResourceSentences.InCulture(Text.Chinese, () => Write(AttachmentText.Html(AttachmentText.Sentence(refusal))));
        var plain = ResourceSentences.InCulture(Text.English, () => Write(AttachmentText.Html("no marks <here>")));

        Assert.Equal("\u201c<span lang=\"zh-CN\">授权书&lt;1&gt;.pdf</span>\u201d is empty; choose a file that has content.", english);
        Assert.Equal("「授权书&lt;1&gt;.pdf」是空文件，请选择有内容的文件。", chinese);
        Assert.Equal("no marks &lt;here&gt;", plain);
    }

    private static AttachmentRefusal Sample(AttachmentRefusalCode code, string fileName) => code switch
    {
        AttachmentRefusalCode.TooLarge => new("file", code, AttachmentKind.ProofOfSource, fileName, [20L << 20]),
        AttachmentRefusalCode.Unrecognised => new("file", code, AttachmentKind.ProofOfSource, fileName, [Documents]),
        AttachmentRefusalCode.NotAllowed => new("file", code, AttachmentKind.ProofOfSource, fileName, [Documents, AttachmentContentTypes.Zip]),
        _ => new("file", code, AttachmentKind.ProofOfSource, fileName, []),
    };

    private static string Write(Microsoft.AspNetCore.Html.IHtmlContent html)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        html.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All));
        return writer.ToString();
    }
}
