using DataIp.Domain.Registration;

namespace DataIp.Web.Tests.Infrastructure;

/// <summary>Application contents for tests.</summary>
public static class TestContent
{
    public const string ApplicantName = "深圳市测试数据科技有限公司";

    // A published unified social credit code with a correct GB 32100 check character.
    public const string CreditCode = "91350100M000100Y43";

    /// <summary>A complete application, ready to submit.</summary>
    public static ApplicationContent Complete(string dataName = "城市交通流量数据集") => new()
    {
        Applicant = new ApplicantParticulars
        {
            Name = ApplicantName,
            RegistrantType = RegistrantType.Enterprise,
            CreditCode = CreditCode,
            RegionCode = "440300",
            Address = "深圳市南山区科技园 1 号",
            Contact = new ContactDetails { Person = "李明", Phone = "13800138000", Email = "liming@example.cn" },
        },
        DataObject = new DataObjectParticulars
        {
            DataName = dataName,
            IndustryCode = "I65",
            ApplicationScenarios = ["城市交通规划"],
            DataSourceType = DataSourceType.SelfGenerated,
            DataSourceDescription = "自有传感器采集。",
            ProcessingRules = "按 5 分钟时间窗聚合，剔除异常值。",
            InnovationStatement = "多源融合。",
            DataFormat = "csv",
            Scale = new DataScale { Records = 1_000_000, Bytes = 250_000_000 },
            UpdateFrequency = UpdateFrequency.Daily,
            ProductSummary = "面向城市管理的交通数据产品。",
        },
        Evidence = new EvidenceParticulars
        {
            Fingerprint = new DataFingerprint
            {
                HashAlgorithm = FingerprintAlgorithm.Sha256,
                Root = "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
                Size = 250_000_000,
                ComputedAt = new DateTimeOffset(2025, 9, 1, 9, 0, 0, TimeSpan.FromHours(8)),
            },
        },
        RightsClaimed =
        [
            new RightClaim { Right = DataRight.Holding, Basis = RightBasis.SelfGenerated },
            new RightClaim { Right = DataRight.ProcessingAndUse, Basis = RightBasis.SelfGenerated },
        ],
        Declarations = new Declarations { LawfulSource = true, Authenticity = true, PersonalInformation = PersonalInformationStatus.None },
    };

    /// <summary>A content missing what a correction request typically asks for.</summary>
    public static ApplicationContent MissingProcessingRules() => Complete() with
    {
        DataObject = Complete().DataObject! with { ProcessingRules = null },
    };
}
