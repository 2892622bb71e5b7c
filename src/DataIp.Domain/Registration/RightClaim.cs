namespace DataIp.Domain.Registration;

/// <summary>
/// One right claimed over the data (DOMAIN §6) and what it rests on. A right held under an agreement
/// names the agreement, and an agreement ending sooner limits the certificate's validity (DOMAIN §4,
/// Beijing).
/// </summary>
public sealed record RightClaim
{
    /// <summary>Which of the three rights is claimed.</summary>
    public DataRight? Right { get; init; }

    /// <summary>What the claim rests on.</summary>
    public RightBasis? Basis { get; init; }

    /// <summary>
    /// Reference of the agreement (contract or authorisation number), at most 100 characters; required
    /// at submission for every basis except <see cref="RightBasis.SelfGenerated"/>.
    /// </summary>
    public string? AgreementReference { get; init; }

    /// <summary>Last day of the agreement, if it ends; must be after the validation date.</summary>
    public DateOnly? AgreementEndDate { get; init; }
}
