using DataIp.Domain.Registration;

namespace DataIp.Domain.Tests.Registration;

public sealed class ApplicationContentValidatorTests
{
    // Each entry removes one required member from the valid sample; the key is the error expected.
    private static readonly Dictionary<string, Func<ApplicationContent, ApplicationContent>> RequiredMembers = new()
    {
        ["applicant"] = c => c with { Applicant = null },
        ["applicant.name"] = c => c.EditApplicant(a => a with { Name = null }),
        ["applicant.registrantType"] = c => c.EditApplicant(a => a with { RegistrantType = null }),
        ["applicant.creditCode"] = c => c.EditApplicant(a => a with { CreditCode = " " }),
        ["applicant.idNumber"] = c => c with { Applicant = SampleContent.NaturalPersonApplicant() with { IdNumber = null } },
        ["applicant.regionCode"] = c => c.EditApplicant(a => a with { RegionCode = null }),
        ["applicant.address"] = c => c.EditApplicant(a => a with { Address = "" }),
        ["applicant.contact"] = c => c.EditApplicant(a => a with { Contact = null }),
        ["applicant.contact.person"] = c => c.EditContact(x => x with { Person = null }),
        ["applicant.contact.phone"] = c => c.EditContact(x => x with { Phone = null, Email = null }),
        ["applicant.coApplicants[0].name"] = c => c.EditCoApplicant(x => x with { Name = null }),
        ["applicant.coApplicants[0].registrantType"] = c => c.EditCoApplicant(x => x with { RegistrantType = null }),
        ["applicant.coApplicants[0].creditCode"] = c => c.EditCoApplicant(x => x with { CreditCode = null }),
        ["applicant.agent.name"] = c => c.EditAgent(x => x with { Name = null }),
        ["applicant.agent.creditCode"] = c => c.EditAgent(x => x with { CreditCode = null }),
        ["applicant.agent.powerOfAttorneyAttachmentId"] = c => c.EditAgent(x => x with { PowerOfAttorneyAttachmentId = null }),
        ["dataObject"] = c => c with { DataObject = null },
        ["dataObject.dataName"] = c => c.EditDataObject(d => d with { DataName = null }),
        ["dataObject.industryCode"] = c => c.EditDataObject(d => d with { IndustryCode = null }),
        ["dataObject.applicationScenarios"] = c => c.EditDataObject(d => d with { ApplicationScenarios = [] }),
        ["dataObject.dataSourceType"] = c => c.EditDataObject(d => d with { DataSourceType = null }),
        ["dataObject.dataSourceDescription"] = c => c.EditDataObject(d => d with { DataSourceDescription = null }),
        ["dataObject.sourceProofAttachmentIds"] = c => c.EditDataObject(d => d with { SourceProofAttachmentIds = [] }),
        ["dataObject.processingRules"] = c => c.EditDataObject(d => d with { ProcessingRules = null }),
        ["dataObject.dataFormat"] = c => c.EditDataObject(d => d with { DataFormat = null }),
        ["dataObject.structure[0].name"] = c => c.EditDataObject(d => d with { Structure = [d.Structure[0] with { Name = null }] }),
        ["dataObject.structure[0].type"] = c => c.EditDataObject(d => d with { Structure = [d.Structure[0] with { Type = null }] }),
        ["dataObject.updateFrequency"] = c => c.EditDataObject(d => d with { UpdateFrequency = null }),
        ["dataObject.productSummary"] = c => c.EditDataObject(d => d with { ProductSummary = null }),
        ["evidence"] = c => c with { Evidence = null },
        ["evidence.fingerprint.hashAlgorithm"] = c => c.EditFingerprint(f => f with { HashAlgorithm = null }),
        ["evidence.fingerprint.root"] = c => c.EditFingerprint(f => f with { Root = null }),
        ["evidence.fingerprint.size"] = c => c.EditFingerprint(f => f with { Size = null }),
        ["evidence.fingerprint.computedAt"] = c => c.EditFingerprint(f => f with { ComputedAt = null }),
        ["rightsClaimed"] = c => c with { RightsClaimed = [] },
        ["rightsClaimed[0].right"] = c => c.EditRight(0, r => r with { Right = null }),
        ["rightsClaimed[0].basis"] = c => c.EditRight(0, r => r with { Basis = null }),
        ["rightsClaimed[2].agreementReference"] = c => c.EditRight(2, r => r with { AgreementReference = null }),
        ["declarations"] = c => c with { Declarations = null },
        ["declarations.lawfulSource"] = c => c.EditDeclarations(d => d with { LawfulSource = null }),
        ["declarations.authenticity"] = c => c.EditDeclarations(d => d with { Authenticity = null }),
        ["declarations.personalInformation"] = c => c.EditDeclarations(d => d with { PersonalInformation = null }),
    };

    public static TheoryData<string> RequiredKeys => [.. RequiredMembers.Keys];

    [Fact]
    public void Validate_CompleteSubmission_NoErrors()
    {
        var errors = SampleContent.Validate(SampleContent.ValidSubmission());

        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_NaturalPersonSubmission_NoErrors()
    {
        var content = SampleContent.ValidSubmission() with { Applicant = SampleContent.NaturalPersonApplicant() };

        var errors = SampleContent.Validate(content);

        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_EmptyContentAsDraft_NoErrors()
    {
        var errors = SampleContent.Validate(new ApplicationContent(), ValidationMode.Draft);

        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_EmptyGroupsAsDraft_NoErrors()
    {
        var content = new ApplicationContent
        {
            Applicant = new ApplicantParticulars { Contact = new ContactDetails(), Agent = new AgentParticulars() },
            DataObject = new DataObjectParticulars { Scale = new DataScale(), Structure = [new DataField()] },
            Evidence = new EvidenceParticulars { Fingerprint = new DataFingerprint() },
            RightsClaimed = [new RightClaim()],
            Declarations = new Declarations(),
        };

        var errors = SampleContent.Validate(content, ValidationMode.Draft);

        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_EmptyContentAsSubmission_ReportsEachGroup()
    {
        var errors = SampleContent.Validate(new ApplicationContent());

        Assert.Equal(["applicant", "dataObject", "declarations", "evidence", "rightsClaimed"], errors.Keys.Order());
    }

    [Theory]
    [MemberData(nameof(RequiredKeys))]
    public void Validate_RequiredMemberMissing_ReportsExactlyItsKey(string key)
    {
        var content = RequiredMembers[key](SampleContent.ValidSubmission());

        var errors = SampleContent.Validate(content);

        Assert.Equal([key], errors.Keys);
        Assert.Single(errors[key]);
    }

    [Theory]
    [MemberData(nameof(RequiredKeys))]
    public void Validate_RequiredMemberMissingInDraft_NoErrors(string key)
    {
        var content = RequiredMembers[key](SampleContent.ValidSubmission());

        var errors = SampleContent.Validate(content, ValidationMode.Draft);

        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_DataNameBlankAtSubmission_SaysRequired()
    {
        var content = SampleContent.ValidSubmission().EditDataObject(d => d with { DataName = "  " });

        var errors = SampleContent.Validate(content);

        Assert.Equal(["dataName is required at submission."], errors["dataObject.dataName"]);
    }

    [Fact]
    public void Validate_EvidenceGroupEmptyAtSubmission_ExplainsRefusal()
    {
        var content = SampleContent.ValidSubmission() with { Evidence = new EvidenceParticulars() };

        var errors = SampleContent.Validate(content);

        var message = Assert.Single(errors["evidence"]);
        Assert.Contains("fingerprint or an evidenceReference", message);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void Validate_OnlyOneKindOfEvidence_NoErrors(bool fingerprint, bool reference)
    {
        var content = SampleContent.ValidSubmission().EditEvidence(e => e with
        {
            Fingerprint = fingerprint ? e.Fingerprint : null,
            EvidenceReference = reference ? e.EvidenceReference : null,
        });

        var errors = SampleContent.Validate(content);

        Assert.Empty(errors);
    }

    [Theory]
    [InlineData(DataSourceType.SelfGenerated)]
    [InlineData(DataSourceType.Other)]
    public void Validate_SourceNeedingNoProofWithoutProofs_NoErrors(DataSourceType type)
    {
        var content = SampleContent.ValidSubmission().EditDataObject(d => d with { DataSourceType = type, SourceProofAttachmentIds = [] });

        var errors = SampleContent.Validate(content);

        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_NullContent_Throws()
    {
        Assert.Throws<ArgumentNullException>(() =>
            ApplicationContentValidator.Validate(null!, ValidationMode.Draft, SampleContent.Options()));
    }

    [Fact]
    public void Validate_UndefinedMode_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            ApplicationContentValidator.Validate(new ApplicationContent(), (ValidationMode)5, SampleContent.Options()));
    }
}
