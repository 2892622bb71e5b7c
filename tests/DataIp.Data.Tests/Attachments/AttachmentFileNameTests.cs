using DataIp.Data.Attachments;

namespace DataIp.Data.Tests.Attachments;

public sealed class AttachmentFileNameTests
{
    [Theory]
    [InlineData("proof.pdf", "proof.pdf")]
    [InlineData("数据来源证明（2026）.pdf", "数据来源证明（2026）.pdf")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("C:\\x\\..\\y.pdf", "y.pdf")]
    [InlineData("/home/申请人/样本.csv", "样本.csv")]
    [InlineData("a\0b.pdf", "ab.pdf")]
    [InlineData("\u0001re\u001fport\u007f.pdf", "report.pdf")]
    [InlineData("line\r\nbreak.txt", "linebreak.txt")]
    [InlineData("\u202Efdp.exe", "fdp.exe")]
    [InlineData("  padded.csv  ", "padded.csv")]
    [InlineData("", "attachment")]
    [InlineData("   ", "attachment")]
    [InlineData("dir/", "attachment")]
    [InlineData("..", "attachment")]
    [InlineData("\0\u0001", "attachment")]
    public void Sanitise_DeclaredName_ReturnsDisplayName(string declared, string expected)
    {
        var sanitised = AttachmentFileName.Sanitise(declared);

        Assert.Equal(expected, sanitised);
    }

    [Fact]
    public void Sanitise_LongNameWithExtension_KeepsExtensionWithin200()
    {
        var sanitised = AttachmentFileName.Sanitise(new string('长', 300) + ".csv");

        Assert.Equal(new string('长', 196) + ".csv", sanitised);
    }

    [Fact]
    public void Sanitise_LongNameWithoutExtension_CutTo200()
    {
        var sanitised = AttachmentFileName.Sanitise(new string('a', 500));

        Assert.Equal(new string('a', 200), sanitised);
    }

    [Fact]
    public void Sanitise_CutFallsInsideSurrogatePair_DropsWholeCharacter()
    {
        // "a" then 150 × U+1F600: UTF-16 unit 199 is a high surrogate, so the cut moves back to 199.
        var sanitised = AttachmentFileName.Sanitise("a" + string.Concat(Enumerable.Repeat("😀", 150)));

        Assert.Equal("a" + string.Concat(Enumerable.Repeat("😀", 99)), sanitised);
    }

    [Fact]
    public void Sanitise_LoneSurrogate_ReplacedByReplacementCharacter()
    {
        var sanitised = AttachmentFileName.Sanitise("a\uD800b.txt");

        Assert.Equal("a\uFFFDb.txt", sanitised);
    }
}
