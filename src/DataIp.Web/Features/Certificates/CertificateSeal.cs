namespace DataIp.Web.Features.Certificates;

/// <summary>The registration body's seal printed bottom right (DOMAIN §7).</summary>
public abstract record CertificateSeal
{
    private protected CertificateSeal()
    {
    }

    /// <summary>A seal image the body supplies: a PNG (RGB or RGBA; transparent background advised) or JPEG.</summary>
    /// <exception cref="ArgumentException">Empty, or not a PNG or JPEG.</exception>
    public static CertificateSeal FromImage(byte[] image)
    {
        ArgumentNullException.ThrowIfNull(image);
        ReadOnlySpan<byte> png = [0x89, 0x50, 0x4E, 0x47];
        ReadOnlySpan<byte> jpeg = [0xFF, 0xD8, 0xFF];
        if (!image.AsSpan().StartsWith(png) && !image.AsSpan().StartsWith(jpeg))
        {
            throw new ArgumentException("The seal image must be a PNG or JPEG file.", nameof(image));
        }

        return new ImageSeal(image);
    }

    /// <summary>
    /// A vector placeholder for demos: red ring and star, <paramref name="bodyName"/> along the ring
    /// and "DEMO 样章" in the middle so nobody takes it for a real seal.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="bodyName"/> is empty.</exception>
    public static CertificateSeal DemoPlaceholder(string bodyName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bodyName);
        return new DemoSeal(bodyName);
    }

    /// <summary>A seal image supplied by the body.</summary>
    internal sealed record ImageSeal(byte[] Image) : CertificateSeal;

    /// <summary>The generated demo placeholder.</summary>
    internal sealed record DemoSeal(string BodyName) : CertificateSeal;
}
