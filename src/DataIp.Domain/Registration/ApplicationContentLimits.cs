namespace DataIp.Domain.Registration;

/// <summary>
/// Length and count limits for <see cref="ApplicationContent"/>. Lengths count Unicode scalar values
/// (one per Chinese character, as PostgreSQL's <c>varchar(n)</c> does). The defaults are constants so
/// that database columns and forms can use the same numbers.
/// </summary>
public sealed record ApplicationContentLimits
{
    /// <summary>Shortest name (applicant, co-applicant, agent, contact person, data name): 2.</summary>
    public const int NameMinLength = 2;

    /// <summary>Default longest name: 100.</summary>
    public const int DefaultNameMaxLength = 100;

    /// <summary>Default longest address: 200.</summary>
    public const int DefaultAddressMaxLength = 200;

    /// <summary>Default longest long text (source description, processing rules, innovation statement): 5,000.</summary>
    public const int DefaultTextMaxLength = 5_000;

    /// <summary>Default longest product summary: 2,000.</summary>
    public const int DefaultSummaryMaxLength = 2_000;

    /// <summary>Default longest reference (evidence reference, agreement reference): 100.</summary>
    public const int DefaultReferenceMaxLength = 100;

    /// <summary>Default longest data format: 50.</summary>
    public const int DefaultDataFormatMaxLength = 50;

    /// <summary>Default longest application scenario: 200.</summary>
    public const int DefaultScenarioMaxLength = 200;

    /// <summary>Default most application scenarios: 10.</summary>
    public const int DefaultMaxScenarios = 10;

    /// <summary>Default longest structure field name or type: 100.</summary>
    public const int DefaultFieldNameMaxLength = 100;

    /// <summary>Default longest structure field description: 500.</summary>
    public const int DefaultFieldDescriptionMaxLength = 500;

    /// <summary>Default most structure fields: 1,000.</summary>
    public const int DefaultMaxStructureFields = 1_000;

    /// <summary>Default most co-applicants: 20.</summary>
    public const int DefaultMaxCoApplicants = 20;

    /// <summary>Default most attachments in one list (source proofs, samples): 20.</summary>
    public const int DefaultMaxAttachments = 20;

    /// <summary>Longest email address (RFC 5321 path limit): 254.</summary>
    public const int EmailMaxLength = 254;

    /// <summary>The default limits.</summary>
    public static ApplicationContentLimits Default { get; } = new();

    /// <summary>Longest name.</summary>
    public int NameMaxLength { get; init; } = DefaultNameMaxLength;

    /// <summary>Longest address.</summary>
    public int AddressMaxLength { get; init; } = DefaultAddressMaxLength;

    /// <summary>Longest long text.</summary>
    public int TextMaxLength { get; init; } = DefaultTextMaxLength;

    /// <summary>Longest product summary.</summary>
    public int SummaryMaxLength { get; init; } = DefaultSummaryMaxLength;

    /// <summary>Longest reference.</summary>
    public int ReferenceMaxLength { get; init; } = DefaultReferenceMaxLength;

    /// <summary>Longest data format.</summary>
    public int DataFormatMaxLength { get; init; } = DefaultDataFormatMaxLength;

    /// <summary>Longest application scenario.</summary>
    public int ScenarioMaxLength { get; init; } = DefaultScenarioMaxLength;

    /// <summary>Most application scenarios.</summary>
    public int MaxScenarios { get; init; } = DefaultMaxScenarios;

    /// <summary>Longest structure field name or type.</summary>
    public int FieldNameMaxLength { get; init; } = DefaultFieldNameMaxLength;

    /// <summary>Longest structure field description.</summary>
    public int FieldDescriptionMaxLength { get; init; } = DefaultFieldDescriptionMaxLength;

    /// <summary>Most structure fields.</summary>
    public int MaxStructureFields { get; init; } = DefaultMaxStructureFields;

    /// <summary>Most co-applicants.</summary>
    public int MaxCoApplicants { get; init; } = DefaultMaxCoApplicants;

    /// <summary>Most attachments in one list.</summary>
    public int MaxAttachments { get; init; } = DefaultMaxAttachments;
}
