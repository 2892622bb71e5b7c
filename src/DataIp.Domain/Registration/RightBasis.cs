namespace DataIp.Domain.Registration;

/// <summary>What a <see cref="RightClaim"/> rests on (DOMAIN §6).</summary>
public enum RightBasis
{
    /// <summary>The applicant generated or collected the data itself; no agreement.</summary>
    SelfGenerated = 1,

    /// <summary>Granted by the data's source under an authorisation.</summary>
    Authorised = 2,

    /// <summary>Obtained under a licence from another holder.</summary>
    LicensedIn = 3,

    /// <summary>Public data under authorised operation (公共数据授权运营).</summary>
    PublicDataAuthorisedOperation = 4,
}
