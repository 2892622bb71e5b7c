using DataIp.Domain.Registration;

namespace DataIp.Domain.Tests.Registration;

/// <summary>The rules across members: right bases, declarations, and who is identified by what.</summary>
public sealed class ApplicationContentRulesTests
{
    [Theory]
    [InlineData(RightBasis.Authorised)]
    [InlineData(RightBasis.LicensedIn)]
    [InlineData(RightBasis.PublicDataAuthorisedOperation)]
    public void Validate_AgreementBasisWithoutReference_RequiresReference(RightBasis basis)
    {
        var content = SampleContent.ValidSubmission().EditRight(2, r => r with { Basis = basis, AgreementReference = null });

        var errors = SampleContent.Validate(content);

        var message = Assert.Single(errors["rightsClaimed[2].agreementReference"]);
        Assert.StartsWith("agreementReference is required at submission for basis ", message);
    }

    [Fact]
    public void Validate_AgreementWithoutEndDate_NoErrors()
    {
        var content = SampleContent.ValidSubmission().EditRight(2, r => r with { AgreementEndDate = null });

        var errors = SampleContent.Validate(content);

        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_AgreementEndingTomorrow_NoErrors()
    {
        var content = SampleContent.ValidSubmission().EditRight(2, r => r with { AgreementEndDate = SampleContent.Today.AddDays(1) });

        var errors = SampleContent.Validate(content);

        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_AgreementEnded_ExplainsWithDates()
    {
        var content = SampleContent.ValidSubmission().EditRight(2, r => r with { AgreementEndDate = new DateOnly(2024, 12, 31) });

        var errors = SampleContent.Validate(content, ValidationMode.Draft);

        Assert.Equal(
            ["agreementEndDate must be after today (2025-06-16); an agreement that ended on 2024-12-31 supports no right."],
            errors["rightsClaimed[2].agreementEndDate"]);
    }

    [Theory]
    [InlineData("SZJT-2024-001", null, "agreementReference")]
    [InlineData(null, "2027-01-01", "agreementEndDate")]
    public void Validate_SelfGeneratedWithAgreement_RefusedAtSubmission(string? reference, string? endDate, string member)
    {
        var content = SampleContent.ValidSubmission().EditRight(0, r => r with
        {
            AgreementReference = reference,
            AgreementEndDate = endDate is null ? null : DateOnly.Parse(endDate, System.Globalization.CultureInfo.InvariantCulture),
        });

        var submission = SampleContent.Validate(content);
        var draft = SampleContent.Validate(content, ValidationMode.Draft);

        Assert.Equal([$"rightsClaimed[0].{member}"], submission.Keys);
        Assert.Empty(draft);
    }

    [Fact]
    public void Validate_RightClaimedTwice_PointsAtTheFirstClaim()
    {
        var content = SampleContent.ValidSubmission().EditRight(2, r => r with { Right = DataRight.ProcessingAndUse });

        var errors = SampleContent.Validate(content);

        Assert.Equal(
            ["right processingAndUse is already claimed at rightsClaimed[1]; claim each right once."],
            errors["rightsClaimed[2].right"]);
    }

    [Fact]
    public void Validate_NoRightsAtSubmission_SaysAtLeastOne()
    {
        var content = SampleContent.ValidSubmission() with { RightsClaimed = [] };

        var errors = SampleContent.Validate(content);

        Assert.Equal(["rightsClaimed needs at least 1 entry at submission."], errors["rightsClaimed"]);
    }

    [Theory]
    [InlineData("declarations.lawfulSource")]
    [InlineData("declarations.authenticity")]
    public void Validate_DeclarationFalseAtSubmission_Refused(string key)
    {
        var content = SampleContent.ValidSubmission().EditDeclarations(d => key.EndsWith("lawfulSource", StringComparison.Ordinal)
            ? d with { LawfulSource = false }
            : d with { Authenticity = false });

        var errors = SampleContent.Validate(content);

        Assert.Equal([key], errors.Keys);
        Assert.Contains("must be declared true at submission", Assert.Single(errors[key]));
    }

    [Fact]
    public void Validate_DeclarationsFalseInDraft_NoErrors()
    {
        var content = SampleContent.ValidSubmission().EditDeclarations(d => d with
        {
            LawfulSource = false,
            Authenticity = false,
            PersonalInformation = PersonalInformationStatus.Contains,
        });

        var errors = SampleContent.Validate(content, ValidationMode.Draft);

        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_ContainsPersonalInformation_RefusedWithRemedy()
    {
        var content = SampleContent.ValidSubmission().EditDeclarations(d => d with { PersonalInformation = PersonalInformationStatus.Contains });

        var errors = SampleContent.Validate(content);

        var message = Assert.Single(errors["declarations.personalInformation"]);
        Assert.Contains("desensitise", message);
    }

    [Theory]
    [InlineData(PersonalInformationStatus.None)]
    [InlineData(PersonalInformationStatus.Desensitised)]
    public void Validate_NoIdentifiablePersonalInformation_NoErrors(PersonalInformationStatus status)
    {
        var content = SampleContent.ValidSubmission().EditDeclarations(d => d with { PersonalInformation = status });

        var errors = SampleContent.Validate(content);

        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_NaturalPersonWithCreditCode_Refused()
    {
        var content = SampleContent.ValidSubmission() with
        {
            Applicant = SampleContent.NaturalPersonApplicant() with { CreditCode = SampleContent.ApplicantCreditCode },
        };

        var errors = SampleContent.Validate(content);

        Assert.Equal(["applicant.creditCode"], errors.Keys);
    }

    [Theory]
    [InlineData(RegistrantType.Enterprise)]
    [InlineData(RegistrantType.PublicInstitution)]
    [InlineData(RegistrantType.SocialOrganisation)]
    public void Validate_OrganisationWithIdNumber_Refused(RegistrantType type)
    {
        var content = SampleContent.ValidSubmission().EditApplicant(a => a with { RegistrantType = type, IdNumber = SampleContent.ResidentId });

        var errors = SampleContent.Validate(content);

        Assert.Equal(["applicant.idNumber"], errors.Keys);
    }

    [Theory]
    [InlineData(SampleContent.ApplicantCreditCode, null, true)]
    [InlineData(null, SampleContent.ResidentId, true)]
    [InlineData(null, null, false)]
    public void Validate_OtherRegistrant_NeedsEitherIdentifier(string? creditCode, string? idNumber, bool valid)
    {
        var content = SampleContent.ValidSubmission().EditApplicant(a => a with
        {
            RegistrantType = RegistrantType.Other,
            CreditCode = creditCode,
            IdNumber = idNumber,
        });

        string[] expected = valid ? [] : ["applicant.creditCode"];

        var errors = SampleContent.Validate(content);

        Assert.Equal(expected, errors.Keys);
    }

    [Fact]
    public void Validate_CoApplicantRepeatsApplicant_Refused()
    {
        var content = SampleContent.ValidSubmission().EditCoApplicant(c => c with { CreditCode = SampleContent.ApplicantCreditCode });

        var errors = SampleContent.Validate(content);

        Assert.Equal(
            [$"creditCode {SampleContent.ApplicantCreditCode} is already given by applicant; each party applies once."],
            errors["applicant.coApplicants[0].creditCode"]);
    }

    [Fact]
    public void Validate_AgentWithoutContact_NoErrors()
    {
        var content = SampleContent.ValidSubmission().EditAgent(a => a with { Contact = null });

        var errors = SampleContent.Validate(content);

        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_ContactWithEmailOnly_NoErrors()
    {
        var content = SampleContent.ValidSubmission().EditContact(c => c with { Phone = null });

        var errors = SampleContent.Validate(content);

        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_FingerprintComputedLateTodayInChina_NoErrors()
    {
        var content = SampleContent.ValidSubmission().EditFingerprint(f => f with
        {
            ComputedAt = new DateTimeOffset(2025, 6, 16, 23, 59, 0, TimeSpan.FromHours(8)),
        });

        var errors = SampleContent.Validate(content);

        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_PurchasedDataWithoutProof_NamesTheSourceType()
    {
        var content = SampleContent.ValidSubmission().EditDataObject(d => d with
        {
            DataSourceType = DataSourceType.Purchased,
            SourceProofAttachmentIds = [],
        });

        var errors = SampleContent.Validate(content);

        Assert.Contains("data source type purchased", Assert.Single(errors["dataObject.sourceProofAttachmentIds"]));
    }
}
