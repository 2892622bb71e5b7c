namespace DataIp.Web.Features.Certificates;

/// <summary>
/// What the unified data-IP registration certificate prints (DOMAIN §7, 规发〔2024〕79号): the
/// values only; labels and layout belong to <see cref="CertificatePdf"/>.
/// </summary>
public sealed record CertificateDocument
{
    /// <summary>证书编号: 17 digits; a new one for every change, renewal or re-issue.</summary>
    public required string CertificateNumber { get; init; }

    /// <summary>登记号: 16 characters, stable for the registration.</summary>
    public required string RegistrationNumber { get; init; }

    /// <summary>数据名称.</summary>
    public required string DataName { get; init; }

    /// <summary>数据持有人: one or more holders, printed in this order.</summary>
    public required IReadOnlyList<string> Holders { get; init; }

    /// <summary>权利: the rights registered, at least one, printed in enum order.</summary>
    public required IReadOnlyList<DataRight> Rights { get; init; }

    /// <summary>申请日.</summary>
    public required DateOnly ApplicationDate { get; init; }

    /// <summary>登记日.</summary>
    public required DateOnly RegistrationDate { get; init; }

    /// <summary>有效期: first day.</summary>
    public required DateOnly ValidFrom { get; init; }

    /// <summary>有效期: last day, inclusive.</summary>
    public required DateOnly ValidUntil { get; init; }

    /// <summary>登记机构: the registration body's full Chinese name.</summary>
    public required string RegistrationBody { get; init; }

    /// <summary>The public record the QR code opens; absolute http(s).</summary>
    public required Uri VerificationUrl { get; init; }

    /// <summary>
    /// The PDF's CreationDate; defaults to the registration date at 00:00 China Standard Time, so the
    /// same document always renders the same bytes.
    /// </summary>
    public DateTimeOffset? IssuedAt { get; init; }
}
