using DataIp.Data.Attachments;
using DataIp.Domain.Registration;

namespace DataIp.Data.Tests.Attachments;

public sealed class AttachmentPolicyTests
{
    private const long MiB = 1024 * 1024;

    [Theory]
    [InlineData(AttachmentKind.ProofOfSource)]
    [InlineData(AttachmentKind.PowerOfAttorney)]
    [InlineData(AttachmentKind.ObjectionEvidence)]
    [InlineData(AttachmentKind.CourtOrder)]
    public void Default_DocumentKind_PdfPngJpegUpTo20MiB(AttachmentKind kind)
    {
        var rule = AttachmentPolicy.Default.RuleFor(kind);

        Assert.Equal(20 * MiB, rule.MaxBytes);
        Assert.Equal(["application/pdf", "image/png", "image/jpeg"], rule.AllowedContentTypes);
    }

    [Fact]
    public void Default_SampleData_DataFormatsUpTo50MiB()
    {
        var rule = AttachmentPolicy.Default.RuleFor(AttachmentKind.SampleData);

        Assert.Equal(50 * MiB, rule.MaxBytes);
        Assert.Equal(
            [
                "text/csv", "application/json", "application/x-ndjson", "text/plain", "application/pdf", "application/zip",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ],
            rule.AllowedContentTypes);
    }

    [Fact]
    public void Constructor_KindWithoutRule_ThrowsArgumentException()
    {
        var rules = new Dictionary<AttachmentKind, AttachmentRule>
        {
            [AttachmentKind.SampleData] = new(MiB, [AttachmentContentTypes.Csv]),
        };

        var exception = Assert.Throws<ArgumentException>(() => new AttachmentPolicy(rules));

        Assert.Contains("ProofOfSource", exception.Message);
    }

    [Fact]
    public void RuleConstructor_ZeroMaxBytes_ThrowsArgumentOutOfRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AttachmentRule(0, [AttachmentContentTypes.Pdf]));
    }

    [Fact]
    public void RuleConstructor_NoContentTypes_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => new AttachmentRule(MiB, []));
    }
}
