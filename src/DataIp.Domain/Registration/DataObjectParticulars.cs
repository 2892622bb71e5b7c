namespace DataIp.Domain.Registration;

/// <summary>
/// The data collection to be registered (登记对象, DOMAIN §3, §6): what it is, where it comes from,
/// how it was processed and what it looks like. Every member may be absent in a draft.
/// </summary>
public sealed record DataObjectParticulars
{
    /// <summary>Name of the data collection (数据名称), 2–100 characters, e.g. 城市交通流量数据集.</summary>
    public string? DataName { get; init; }

    /// <summary>
    /// Industry of the data (GB/T 4754-2017): section letter and two-digit division, e.g. <c>I65</c>
    /// (software and information technology services). See <see cref="IndustryClassification"/>.
    /// </summary>
    public string? IndustryCode { get; init; }

    /// <summary>Application scenarios (应用场景), 1–10 entries of 2–200 characters each.</summary>
    public IReadOnlyList<string> ApplicationScenarios { get; init; } = [];

    /// <summary>How the data was obtained.</summary>
    public DataSourceType? DataSourceType { get; init; }

    /// <summary>Description of the data source (数据来源说明), at most 5,000 characters.</summary>
    public string? DataSourceDescription { get; init; }

    /// <summary>
    /// Attachments proving the source: licences, authorisations, purchase contracts. At least one is
    /// required at submission unless the data is self-generated or of another source.
    /// </summary>
    public IReadOnlyList<Guid> SourceProofAttachmentIds { get; init; } = [];

    /// <summary>Processing rules or algorithm description (算法规则), at most 5,000 characters.</summary>
    public string? ProcessingRules { get; init; }

    /// <summary>Statement of substantive processing and innovative labour (创新性说明), at most 5,000 characters.</summary>
    public string? InnovationStatement { get; init; }

    /// <summary>Storage format as free text, at most 50 characters, e.g. csv, json, mysql, parquet.</summary>
    public string? DataFormat { get; init; }

    /// <summary>The fields (columns) of the data, at most 1,000.</summary>
    public IReadOnlyList<DataField> Structure { get; init; } = [];

    /// <summary>How large the data is.</summary>
    public DataScale? Scale { get; init; }

    /// <summary>How often the data is updated.</summary>
    public UpdateFrequency? UpdateFrequency { get; init; }

    /// <summary>Summary of the data product (数据产品简介), at most 2,000 characters.</summary>
    public string? ProductSummary { get; init; }

    /// <summary>Attachments holding sample data (样例数据).</summary>
    public IReadOnlyList<Guid> SampleAttachmentIds { get; init; } = [];
}
