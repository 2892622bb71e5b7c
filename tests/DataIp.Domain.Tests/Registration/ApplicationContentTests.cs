using DataIp.Domain.Registration;

namespace DataIp.Domain.Tests.Registration;

public sealed class ApplicationContentTests
{
    [Fact]
    public void AttachmentIds_ValidSubmission_ListsProofsSamplesAndPowerOfAttorney()
    {
        var ids = SampleContent.ValidSubmission().AttachmentIds();

        Assert.Equal([SampleContent.SourceProofId, SampleContent.SampleId, SampleContent.PowerOfAttorneyId], ids);
    }

    [Fact]
    public void AttachmentIds_EmptyContent_IsEmpty()
    {
        Assert.Empty(new ApplicationContent().AttachmentIds());
    }

    [Fact]
    public void AttachmentIds_SameIdTwice_ListsItOnce()
    {
        var content = SampleContent.ValidSubmission().EditDataObject(d => d with { SampleAttachmentIds = [SampleContent.SourceProofId] });

        var ids = content.AttachmentIds();

        Assert.Equal([SampleContent.SourceProofId, SampleContent.PowerOfAttorneyId], ids);
    }

    [Fact]
    public void WithoutPrivateContent_Enterprise_RemovesContactsAndKeepsPublicParticulars()
    {
        var original = SampleContent.ValidSubmission();

        var applicant = original.WithoutPrivateContent().Applicant!;

        Assert.Null(applicant.Contact);
        Assert.Null(applicant.Agent!.Contact);
        Assert.Equal(original.Applicant!.Address, applicant.Address);
        Assert.Equal(SampleContent.ApplicantCreditCode, applicant.CreditCode);
        Assert.Equal(SampleContent.CoApplicantCreditCode, applicant.CoApplicants[0].CreditCode);
        Assert.Equal(SampleContent.AgentCreditCode, applicant.Agent.CreditCode);
        Assert.NotNull(original.Applicant.Contact);
    }

    [Fact]
    public void WithoutPrivateContent_NaturalPerson_RemovesIdNumberAndAddress()
    {
        var content = SampleContent.ValidSubmission() with
        {
            Applicant = SampleContent.NaturalPersonApplicant() with
            {
                CoApplicants = [new CoApplicant { Name = "王小红", RegistrantType = RegistrantType.NaturalPerson, IdNumber = "110108198506120025" }],
            },
        };

        var applicant = content.WithoutPrivateContent().Applicant!;

        Assert.Null(applicant.IdNumber);
        Assert.Null(applicant.Address);
        Assert.Null(applicant.CoApplicants[0].IdNumber);
        Assert.Equal("王小明", applicant.Name);
    }

    [Fact]
    public void WithoutPrivateContent_Serialised_HoldsNoContactDetails()
    {
        var json = ApplicationContentJson.Serialize(SampleContent.ValidSubmission().WithoutPrivateContent());

        Assert.DoesNotContain("\"contact\"", json);
        Assert.DoesNotContain("lihua@example.cn", json);
        Assert.Contains("\"dataName\"", json);
    }

    [Fact]
    public void WithoutPrivateContent_EmptyContent_StaysEmpty()
    {
        var stripped = new ApplicationContent().WithoutPrivateContent();

        Assert.Null(stripped.Applicant);
    }
}
