using DataIp.Domain.Registration;

namespace DataIp.Data.Bodies;

/// <summary>
/// A registration body (登记机构) and its policy. Bodies are data, not an enum: more regions join
/// and sub-provincial bodies exist (DOMAIN §1).
/// </summary>
public sealed class RegistrationBody
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>4-digit body code used in certificate and application numbers (Guangdong 4400).</summary>
    public string Code { get; set; } = "";

    /// <summary>GB/T 2260 region code (6 digits).</summary>
    public string RegionCode { get; set; } = "";

    /// <summary>Chinese name, e.g. 广东省知识产权局.</summary>
    public string Name { get; set; } = "";

    /// <summary>English name.</summary>
    public string NameEn { get; set; } = "";

    /// <summary>The body's examination and timeline policy.</summary>
    public BodyPolicy Policy { get; set; } = BodyPolicy.Default;

    /// <summary>When the body was added.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}
