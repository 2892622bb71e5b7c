using DataIp.Domain.Numbering;
using DataIp.Domain.Registration;

namespace DataIp.Domain.Tests.Registration;

/// <summary>
/// Test data: a complete, valid application and validation options with fake identifier checks.
/// The credit codes and ID number carry correct GB 32100 / GB 11643 check characters, so the sample
/// stays valid once the real identifier validators are wired in.
/// </summary>
public static class SampleContent
{
    /// <summary>The validation date of every test.</summary>
    public static readonly DateOnly Today = new(2025, 6, 16);

    /// <summary>An enterprise in Shenzhen (check character computed per GB 32100).</summary>
    public const string ApplicantCreditCode = "91440300MA5F12342Q";

    /// <summary>A public institution in Shenzhen.</summary>
    public const string CoApplicantCreditCode = "12440300MA1FL2B374";

    /// <summary>An agency in Shenzhen.</summary>
    public const string AgentCreditCode = "91440300MA5G9K7Q1C";

    /// <summary>A resident of Nanshan district (check character computed per GB 11643).</summary>
    public const string ResidentId = "440305199003071236";

    public static readonly Guid SourceProofId = new("6f1c1d2e-0000-4000-8000-000000000001");
    public static readonly Guid SampleId = new("6f1c1d2e-0000-4000-8000-000000000002");
    public static readonly Guid PowerOfAttorneyId = new("6f1c1d2e-0000-4000-8000-000000000003");

    /// <summary>Options whose identifier checks accept 18 characters of the right alphabet.</summary>
    public static ApplicationValidationOptions Options() => new(FakeCreditCodeCheck, FakeResidentIdCheck, Today);

    /// <summary>Validates with <see cref="Options"/>.</summary>
    public static IReadOnlyDictionary<string, string[]> Validate(ApplicationContent content, ValidationMode mode = ValidationMode.Submission) =>
        ApplicationContentValidator.Validate(content, mode, Options());

    /// <summary>A city traffic dataset applied for by an enterprise with a co-applicant and an agent.</summary>
    public static ApplicationContent ValidSubmission() => new()
    {
        Applicant = Applicant(),
        DataObject = DataObject(),
        Evidence = new EvidenceParticulars
        {
            Fingerprint = new DataFingerprint
            {
                HashAlgorithm = FingerprintAlgorithm.Sm3,
                Root = "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0",
                Size = 52_428_800_000,
                ComputedAt = new DateTimeOffset(2025, 6, 10, 9, 30, 0, TimeSpan.FromHours(8)),
            },
            EvidenceReference = "ZJ-DATA-2025-000123",
        },
        RightsClaimed =
        [
            new RightClaim { Right = DataRight.Holding, Basis = RightBasis.SelfGenerated },
            new RightClaim { Right = DataRight.ProcessingAndUse, Basis = RightBasis.SelfGenerated },
            new RightClaim
            {
                Right = DataRight.ProductOperation,
                Basis = RightBasis.Authorised,
                AgreementReference = "SZJT-SQ-2024-017",
                AgreementEndDate = new DateOnly(2027, 12, 31),
            },
        ],
        Declarations = new Declarations
        {
            LawfulSource = true,
            Authenticity = true,
            PersonalInformation = PersonalInformationStatus.Desensitised,
        },
    };

    /// <summary>A minimal valid natural-person applicant.</summary>
    public static ApplicantParticulars NaturalPersonApplicant() => Applicant() with
    {
        Name = "王小明",
        RegistrantType = RegistrantType.NaturalPerson,
        CreditCode = null,
        IdNumber = ResidentId,
        CoApplicants = [],
        Agent = null,
    };

    private static ApplicantParticulars Applicant() => new()
    {
        Name = "深圳市智慧交通数据有限公司",
        RegistrantType = RegistrantType.Enterprise,
        CreditCode = ApplicantCreditCode,
        RegionCode = "440300",
        Address = "广东省深圳市南山区科技园科苑路 15 号",
        Contact = new ContactDetails { Person = "李华", Phone = "+86 755 8888 8888", Email = "lihua@example.cn" },
        CoApplicants =
        [
            new CoApplicant
            {
                Name = "深圳市交通运输信息中心",
                RegistrantType = RegistrantType.PublicInstitution,
                CreditCode = CoApplicantCreditCode,
            },
        ],
        Agent = new AgentParticulars
        {
            Name = "深圳市知识产权代理事务所",
            CreditCode = AgentCreditCode,
            Contact = new ContactDetails { Person = "张伟", Phone = "0755-12345678" },
            PowerOfAttorneyAttachmentId = PowerOfAttorneyId,
        },
    };

    private static DataObjectParticulars DataObject() => new()
    {
        DataName = "城市交通流量数据集",
        IndustryCode = "G54",
        ApplicationScenarios = ["交通信号配时优化", "城市道路规划"],
        DataSourceType = DataSourceType.Authorised,
        DataSourceDescription = "由深圳市交通运输信息中心授权采集的路口卡口与地磁检测器数据。",
        SourceProofAttachmentIds = [SourceProofId],
        ProcessingRules = "按 5 分钟粒度聚合车流量，剔除异常值，并对车牌号进行不可逆哈希脱敏。",
        InnovationStatement = "融合多源检测数据并校准，形成全市路网分时段流量画像。",
        DataFormat = "parquet",
        Structure =
        [
            new DataField { Name = "intersection_id", Type = "string", Description = "路口编号" },
            new DataField { Name = "window_start", Type = "timestamp", Description = "统计窗口起点" },
            new DataField { Name = "vehicle_count", Type = "int", Description = "车流量" },
        ],
        Scale = new DataScale { Records = 1_200_000_000, Bytes = 52_428_800_000 },
        UpdateFrequency = UpdateFrequency.Daily,
        ProductSummary = "覆盖深圳市 3,000 余个路口的分时段交通流量数据产品。",
        SampleAttachmentIds = [SampleId],
    };

    private static CodeCheck FakeCreditCodeCheck(string value) =>
        value.Length == 18 && value.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c))
            ? CodeCheck.Valid
            : CodeCheck.Invalid("expected 18 digits or capital letters.");

    private static CodeCheck FakeResidentIdCheck(string value) =>
        value.Length == 18 && value[..17].All(char.IsAsciiDigit) && (char.IsAsciiDigit(value[17]) || value[17] == 'X')
            ? CodeCheck.Valid
            : CodeCheck.Invalid("expected 17 digits and a check digit or X.");
}
