using DataIp.Domain.Numbering;
using DataIp.Domain.Registration;

namespace DataIp.Domain.Tests.Registration;

/// <summary>Format checks apply to drafts too: each case breaks one member's form in the valid sample.</summary>
public sealed class ApplicationContentFormatTests
{
    private static readonly string LongName = new('数', 140);

    private static readonly Dictionary<string, (string Key, Func<ApplicationContent, ApplicationContent> Edit)> Cases = new()
    {
        ["name too long"] = ("applicant.name", c => c.EditApplicant(a => a with { Name = LongName })),
        ["name one character"] = ("applicant.name", c => c.EditApplicant(a => a with { Name = "王" })),
        ["name two lines"] = ("applicant.name", c => c.EditApplicant(a => a with { Name = "深圳市\n数据公司" })),
        ["registrant type undefined"] = ("applicant.registrantType", c => c.EditApplicant(a => a with { RegistrantType = (RegistrantType)7 })),
        ["credit code malformed"] = ("applicant.creditCode", c => c.EditApplicant(a => a with { CreditCode = "9144" })),
        ["id number malformed"] = ("applicant.idNumber", c => c with { Applicant = SampleContent.NaturalPersonApplicant() with { IdNumber = "44030519900307123Y" } }),
        ["region code short"] = ("applicant.regionCode", c => c.EditApplicant(a => a with { RegionCode = "4403" })),
        ["region code letters"] = ("applicant.regionCode", c => c.EditApplicant(a => a with { RegionCode = "44030a" })),
        ["region code unknown province"] = ("applicant.regionCode", c => c.EditApplicant(a => a with { RegionCode = "990000" })),
        ["address too long"] = ("applicant.address", c => c.EditApplicant(a => a with { Address = new string('路', 201) })),
        ["phone letters"] = ("applicant.contact.phone", c => c.EditContact(x => x with { Phone = "call me" })),
        ["phone too few digits"] = ("applicant.contact.phone", c => c.EditContact(x => x with { Phone = "123456" })),
        ["phone double separator"] = ("applicant.contact.phone", c => c.EditContact(x => x with { Phone = "0755--12345678" })),
        ["email without domain"] = ("applicant.contact.email", c => c.EditContact(x => x with { Email = "lihua@" })),
        ["email without dot"] = ("applicant.contact.email", c => c.EditContact(x => x with { Email = "lihua@example" })),
        ["co-applicant credit code"] = ("applicant.coApplicants[0].creditCode", c => c.EditCoApplicant(x => x with { CreditCode = "bad" })),
        ["co-applicant null"] = ("applicant.coApplicants[0]", c => c.EditApplicant(a => a with { CoApplicants = [null!] })),
        ["agent credit code"] = ("applicant.agent.creditCode", c => c.EditAgent(x => x with { CreditCode = "bad" })),
        ["agent contact email"] = ("applicant.agent.contact.email", c => c.EditAgent(x => x with { Contact = x.Contact! with { Email = "a b@c.cn" } })),
        ["power of attorney empty id"] = ("applicant.agent.powerOfAttorneyAttachmentId", c => c.EditAgent(x => x with { PowerOfAttorneyAttachmentId = Guid.Empty })),
        ["data name too long"] = ("dataObject.dataName", c => c.EditDataObject(d => d with { DataName = LongName })),
        ["industry code division only"] = ("dataObject.industryCode", c => c.EditDataObject(d => d with { IndustryCode = "54" })),
        ["industry code mismatch"] = ("dataObject.industryCode", c => c.EditDataObject(d => d with { IndustryCode = "I54" })),
        ["eleven scenarios"] = ("dataObject.applicationScenarios", c => c.EditDataObject(d => d with { ApplicationScenarios = [.. Enumerable.Range(1, 11).Select(i => $"场景{i}")] })),
        ["blank scenario"] = ("dataObject.applicationScenarios[1]", c => c.EditDataObject(d => d with { ApplicationScenarios = ["交通规划", " "] })),
        ["scenario too long"] = ("dataObject.applicationScenarios[0]", c => c.EditDataObject(d => d with { ApplicationScenarios = [new string('景', 201)] })),
        ["source type undefined"] = ("dataObject.dataSourceType", c => c.EditDataObject(d => d with { DataSourceType = (DataSourceType)5 })),
        ["source description too long"] = ("dataObject.dataSourceDescription", c => c.EditDataObject(d => d with { DataSourceDescription = new string('源', 5_001) })),
        ["source proof empty id"] = ("dataObject.sourceProofAttachmentIds[0]", c => c.EditDataObject(d => d with { SourceProofAttachmentIds = [Guid.Empty] })),
        ["processing rules too long"] = ("dataObject.processingRules", c => c.EditDataObject(d => d with { ProcessingRules = new string('规', 5_001) })),
        ["innovation statement too long"] = ("dataObject.innovationStatement", c => c.EditDataObject(d => d with { InnovationStatement = new string('新', 5_001) })),
        ["data format too long"] = ("dataObject.dataFormat", c => c.EditDataObject(d => d with { DataFormat = new string('f', 51) })),
        ["field description too long"] = ("dataObject.structure[0].description", c => c.EditDataObject(d => d with { Structure = [d.Structure[0] with { Description = new string('述', 501) }] })),
        ["field null"] = ("dataObject.structure[0]", c => c.EditDataObject(d => d with { Structure = [null!] })),
        ["records zero"] = ("dataObject.scale.records", c => c.EditDataObject(d => d with { Scale = new DataScale { Records = 0 } })),
        ["bytes negative"] = ("dataObject.scale.bytes", c => c.EditDataObject(d => d with { Scale = new DataScale { Bytes = -1 } })),
        ["update frequency undefined"] = ("dataObject.updateFrequency", c => c.EditDataObject(d => d with { UpdateFrequency = 0 })),
        ["summary too long"] = ("dataObject.productSummary", c => c.EditDataObject(d => d with { ProductSummary = new string('简', 2_001) })),
        ["sample repeated"] = ("dataObject.sampleAttachmentIds[1]", c => c.EditDataObject(d => d with { SampleAttachmentIds = [SampleContent.SampleId, SampleContent.SampleId] })),
        ["hash algorithm undefined"] = ("evidence.fingerprint.hashAlgorithm", c => c.EditFingerprint(f => f with { HashAlgorithm = (FingerprintAlgorithm)9 })),
        ["root uppercase"] = ("evidence.fingerprint.root", c => c.EditFingerprint(f => f with { Root = f.Root!.ToUpperInvariant() })),
        ["root short"] = ("evidence.fingerprint.root", c => c.EditFingerprint(f => f with { Root = f.Root![..63] })),
        ["size zero"] = ("evidence.fingerprint.size", c => c.EditFingerprint(f => f with { Size = 0 })),
        ["computed tomorrow"] = ("evidence.fingerprint.computedAt", c => c.EditFingerprint(f => f with { ComputedAt = new DateTimeOffset(2025, 6, 17, 0, 5, 0, TimeSpan.FromHours(8)) })),
        ["evidence reference too long"] = ("evidence.evidenceReference", c => c.EditEvidence(e => e with { EvidenceReference = new string('Z', 101) })),
        ["right undefined"] = ("rightsClaimed[0].right", c => c.EditRight(0, r => r with { Right = 0 })),
        ["basis undefined"] = ("rightsClaimed[0].basis", c => c.EditRight(0, r => r with { Basis = (RightBasis)9 })),
        ["agreement ends today"] = ("rightsClaimed[2].agreementEndDate", c => c.EditRight(2, r => r with { AgreementEndDate = SampleContent.Today })),
        ["agreement reference too long"] = ("rightsClaimed[2].agreementReference", c => c.EditRight(2, r => r with { AgreementReference = new string('A', 101) })),
        ["right repeated"] = ("rightsClaimed[1].right", c => c.EditRight(1, r => r with { Right = DataRight.Holding })),
        ["claim null"] = ("rightsClaimed[0]", c => c with { RightsClaimed = [null!] }),
        ["personal information undefined"] = ("declarations.personalInformation", c => c.EditDeclarations(d => d with { PersonalInformation = 0 })),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Validate_MalformedMemberInDraft_ReportsExactlyItsKey(string caseName)
    {
        var (key, edit) = Cases[caseName];

        var errors = SampleContent.Validate(edit(SampleContent.ValidSubmission()), ValidationMode.Draft);

        Assert.Equal([key], errors.Keys);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Validate_MalformedMemberAtSubmission_ReportsItsKey(string caseName)
    {
        var (key, edit) = Cases[caseName];

        var errors = SampleContent.Validate(edit(SampleContent.ValidSubmission()));

        Assert.Contains(key, errors.Keys);
    }

    [Fact]
    public void Validate_DataNameTooLong_SaysLimitAndLength()
    {
        var content = SampleContent.ValidSubmission().EditDataObject(d => d with { DataName = LongName });

        var errors = SampleContent.Validate(content, ValidationMode.Draft);

        Assert.Equal(["dataName must be 2–100 characters; it has 140."], errors["dataObject.dataName"]);
    }

    [Fact]
    public void Validate_LengthOfSupplementaryCharacters_CountsCharactersNotUtf16Units()
    {
        var name = string.Concat(Enumerable.Repeat("𠀀", 100));
        var content = SampleContent.ValidSubmission().EditDataObject(d => d with { DataName = name });

        var errors = SampleContent.Validate(content);

        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_UndefinedRegistrantType_NamesDefinedValues()
    {
        var content = SampleContent.ValidSubmission().EditApplicant(a => a with { RegistrantType = (RegistrantType)7 });

        var errors = SampleContent.Validate(content, ValidationMode.Draft);

        Assert.Equal(
            ["registrantType 7 is not a defined value; expected one of enterprise, publicInstitution, socialOrganisation, naturalPerson, other."],
            errors["applicant.registrantType"]);
    }

    [Fact]
    public void Validate_CreditCodeRefusedByCheck_QuotesTheCheck()
    {
        var options = SampleContent.Options() with { CreditCodeCheck = _ => CodeCheck.Invalid("the check character should be Q.") };

        var errors = ApplicationContentValidator.Validate(SampleContent.ValidSubmission(), ValidationMode.Draft, options);

        Assert.Equal(
            ["creditCode is not a valid unified social credit code: the check character should be Q."],
            errors["applicant.creditCode"]);
        Assert.Equal(["applicant.agent.creditCode", "applicant.coApplicants[0].creditCode", "applicant.creditCode"], errors.Keys.Order());
    }

    [Fact]
    public void Validate_BlankIdentifiers_NeverReachTheChecks()
    {
        var options = SampleContent.Options() with
        {
            CreditCodeCheck = _ => throw new InvalidOperationException("called"),
            ResidentIdCheck = _ => throw new InvalidOperationException("called"),
        };
        var content = new ApplicationContent { Applicant = new ApplicantParticulars { CreditCode = "", IdNumber = " " } };

        var errors = ApplicationContentValidator.Validate(content, ValidationMode.Draft, options);

        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("66C7F0F462EEEDD9D1F2D46BDC10E4E24167C4875CF2F7A2297DA02B8F4BA8E0", "it has characters other than 0–9 and a–f.")]
    [InlineData("66c7f0", "it has 6 characters.")]
    public void Validate_MalformedRoot_SaysWhatIsWrong(string root, string ending)
    {
        var content = SampleContent.ValidSubmission().EditFingerprint(f => f with { Root = root });

        var errors = SampleContent.Validate(content, ValidationMode.Draft);

        Assert.EndsWith(ending, Assert.Single(errors["evidence.fingerprint.root"]));
    }

    [Fact]
    public void Validate_IndustryMismatch_NamesTheRightSection()
    {
        var content = SampleContent.ValidSubmission().EditDataObject(d => d with { IndustryCode = "I54" });

        var errors = SampleContent.Validate(content);

        Assert.Equal(
            ["industryCode I54 is inconsistent: division 54 belongs to section G (53–60), not I."],
            errors["dataObject.industryCode"]);
    }

    [Fact]
    public void Validate_TighterLimits_AreApplied()
    {
        var options = SampleContent.Options() with { Limits = ApplicationContentLimits.Default with { MaxScenarios = 1, NameMaxLength = 8 } };

        var errors = ApplicationContentValidator.Validate(SampleContent.ValidSubmission(), ValidationMode.Draft, options);

        Assert.Equal(
            ["applicant.agent.name", "applicant.coApplicants[0].name", "applicant.name", "dataObject.applicationScenarios", "dataObject.dataName"],
            errors.Keys.Order());
        Assert.Equal(["dataName must be 2–8 characters; it has 9."], errors["dataObject.dataName"]);
    }
}
