namespace DataIp.Domain.Numbering;

/// <summary>
/// The 4-digit code of a registration body (登记机构) in certificate and application numbers
/// (DOMAIN §7): the first four digits of the GB/T 2260 administrative division code of its
/// province or city, e.g. Guangdong 440000 → 4400, Shenzhen 440300 → 4403. Stateless.
/// </summary>
public static class BodyCode
{
    /// <summary>The number of digits in a body code.</summary>
    public const int Length = 4;

    /// <summary>The number of digits in a GB/T 2260 administrative division code.</summary>
    public const int RegionCodeLength = 6;

    /// <summary>Whether <paramref name="code"/> is exactly four ASCII digits.</summary>
    /// <param name="code">A candidate body code, or null.</param>
    /// <returns>True for "4400"; false for null, "440", "44000", "44 0" or full-width digits.</returns>
    public static bool IsValid(string? code) => code is { Length: Length } && Fields.AreAll(code);

    /// <summary>
    /// The body code of the registration body for a GB/T 2260 division: its first four digits
    /// (province 2 + prefecture 2), dropping the county pair.
    /// </summary>
    /// <param name="gbt2260RegionCode">A 6-digit GB/T 2260 code such as "110000" or "440300".</param>
    /// <returns>The 4-digit body code, e.g. "1100" or "4403".</returns>
    /// <exception cref="ArgumentNullException"><paramref name="gbt2260RegionCode"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="gbt2260RegionCode"/> is not six ASCII digits.</exception>
    public static string FromRegionCode(string gbt2260RegionCode)
    {
        ArgumentNullException.ThrowIfNull(gbt2260RegionCode);
        if (gbt2260RegionCode.Length != RegionCodeLength || !Fields.AreAll(gbt2260RegionCode))
        {
            throw new ArgumentException($"A GB/T 2260 region code is six digits; got '{gbt2260RegionCode}'.", nameof(gbt2260RegionCode));
        }

        return gbt2260RegionCode[..Length];
    }
}
