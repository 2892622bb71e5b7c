namespace DataIp.Domain.Registration;

/// <summary>
/// How the data was obtained (DOMAIN §7 [design] codes). The numeric value is the data-source digit
/// of the registration number, so values must never be renumbered.
/// </summary>
public enum DataSourceType
{
    /// <summary>Self-generated or self-collected, code 1.</summary>
    SelfGenerated = 1,

    /// <summary>Obtained under an authorisation, code 2.</summary>
    Authorised = 2,

    /// <summary>Purchased, code 3.</summary>
    Purchased = 3,

    /// <summary>Public data under authorised operation (公共数据授权运营), code 4.</summary>
    PublicDataAuthorisedOperation = 4,

    /// <summary>Any other source, code 9.</summary>
    Other = 9,
}
