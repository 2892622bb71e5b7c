using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace DataIp.Web.Features.Certificates;

/// <summary>
/// Removes the randomness PDFsharp 6.2 puts into a saved file, so one certificate always renders
/// the same bytes: the six-letter font subset tags ("ABCDEF+Font", ISO 32000-1 §9.6.4) and the
/// XMP DocumentID/InstanceID UUIDs. Every rewrite is in place and keeps the length, so the
/// cross-reference offsets stay valid; both sit in uncompressed objects.
/// </summary>
internal static partial class PdfDeterminism
{
    /// <summary>Rewrites the random parts of <paramref name="pdf"/> to values derived from <paramref name="seed"/>.</summary>
    public static void Apply(byte[] pdf, ReadOnlySpan<byte> seed)
    {
        // Latin-1 maps bytes to chars one to one, so string indices are byte offsets.
        var text = Encoding.Latin1.GetString(pdf);

        var tags = SubsetTagPattern().Matches(text).Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal).ToList();
        for (var i = 0; i < tags.Count; i++)
        {
            ReplaceAll(pdf, $"/{tags[i]}+", $"/{SubsetTag(seed, i)}+");
        }

        foreach (Match match in XmpUuidPattern().Matches(text))
        {
            var uuid = new Guid(Derive(seed, match.Groups[1].Value)[..16]).ToString("D");
            Encoding.ASCII.GetBytes(uuid).CopyTo(pdf.AsSpan(match.Groups[2].Index));
        }
    }

    private static void ReplaceAll(byte[] pdf, string original, string replacement)
    {
        var from = Encoding.ASCII.GetBytes(original);
        var to = Encoding.ASCII.GetBytes(replacement);
        for (var at = pdf.AsSpan().IndexOf(from); at >= 0;)
        {
            to.CopyTo(pdf.AsSpan(at));
            var next = pdf.AsSpan(at + 1).IndexOf(from);
            at = next < 0 ? -1 : at + 1 + next;
        }
    }

    private static string SubsetTag(ReadOnlySpan<byte> seed, int index) =>
        new([.. Derive(seed, $"subset-{index}")[..6].Select(b => (char)('A' + (b % 26)))]);

    private static byte[] Derive(ReadOnlySpan<byte> seed, string purpose) =>
        SHA256.HashData([.. seed, .. Encoding.ASCII.GetBytes(purpose)]);

    [GeneratedRegex(@"/(?:BaseFont|FontName)\s*/([A-Z]{6})\+")]
    private static partial Regex SubsetTagPattern();

    [GeneratedRegex(@"<xmpMM:(DocumentID|InstanceID)>uuid:([0-9a-fA-F-]{36})<")]
    private static partial Regex XmpUuidPattern();
}
