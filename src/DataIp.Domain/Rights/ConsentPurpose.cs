namespace DataIp.Domain.Rights;

/// <summary>The acts a pledgee's consent is needed for while its pledge is in force.</summary>
public enum ConsentPurpose
{
    /// <summary>A transfer of the registration or of a share.</summary>
    Transfer,

    /// <summary>Cancellation of the registration.</summary>
    Cancellation,

    /// <summary>An exclusive or sole licence.</summary>
    ExclusiveLicence,
}
