namespace DataIp.Web.Demo;

/// <summary>Complete application contents for the demo, with Chinese data names.</summary>
internal static class DemoContent
{
    /// <summary>A complete application for the given applicant and data collection.</summary>
    public static ApplicationContent Build(DemoApplicant applicant, string dataName, string industryCode, DataSourceType source, DataFingerprint fingerprint) => new()
    {
        Applicant = new ApplicantParticulars
        {
            Name = applicant.Name,
            RegistrantType = RegistrantType.Enterprise,
            CreditCode = applicant.CreditCode,
            RegionCode = applicant.RegionCode,
            Address = applicant.Address,
            Contact = new ContactDetails { Person = applicant.ContactPerson, Phone = "13800138000", Email = applicant.Email },
        },
        DataObject = new DataObjectParticulars
        {
            DataName = dataName,
            IndustryCode = industryCode,
            ApplicationScenarios = ["城市交通规划 Urban traffic planning", "出行服务 Mobility services"],
            DataSourceType = source,
            DataSourceDescription = "由企业自有传感器和业务系统采集，经清洗、脱敏和聚合形成。Collected by the company's own sensors and systems, cleaned, desensitised and aggregated.",
            ProcessingRules = "按 5 分钟时间窗聚合，剔除异常值（3σ），对位置信息做网格化脱敏。Aggregated in 5-minute windows, outliers removed (3σ), locations generalised to grid cells.",
            InnovationStatement = "融合多源数据并建立统一的质量评估模型。Fuses several sources under one quality model.",
            DataFormat = "csv",
            Structure =
            [
                new DataField { Name = "grid_id", Type = "string", Description = "网格编号 grid cell" },
                new DataField { Name = "window_start", Type = "timestamp", Description = "时间窗开始 window start" },
                new DataField { Name = "flow", Type = "integer", Description = "流量 flow count" },
            ],
            Scale = new DataScale { Records = 12_500_000, Bytes = 3_200_000_000 },
            UpdateFrequency = UpdateFrequency.Daily,
            ProductSummary = "面向城市管理和出行服务的高质量数据产品。A high-quality data product for city management and mobility services.",
        },
        Evidence = new EvidenceParticulars
        {
            Fingerprint = fingerprint,
        },
        RightsClaimed =
        [
            new RightClaim { Right = DataRight.Holding, Basis = RightBasis.SelfGenerated },
            new RightClaim { Right = DataRight.ProcessingAndUse, Basis = RightBasis.SelfGenerated },
            new RightClaim { Right = DataRight.ProductOperation, Basis = RightBasis.SelfGenerated },
        ],
        Declarations = new Declarations { LawfulSource = true, Authenticity = true, PersonalInformation = PersonalInformationStatus.Desensitised },
    };
}

/// <summary>A demo applicant organisation.</summary>
internal sealed record DemoApplicant(string Email, string Name, string CreditCode, string RegionCode, string Address, string ContactPerson);
