using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace DataIp.Web.Infrastructure;

/// <summary>
/// How the data-protection key ring (the keys that protect sign-in cookies, bearer tokens and
/// antiforgery tokens, under <c>keys/data-protection</c>) is kept at rest (docs/operations.md,
/// "Keys at rest").
/// </summary>
/// <remarks>
/// By default the keys are protected as the node's other keys are (the log's, the witness's, the
/// credential's): by an owner-only directory, not by encryption. Linux has no DPAPI, and a key that
/// encrypted them, kept in the same data directory, would be copied with them into every backup:
/// it would hide nothing. An operator who wants them encrypted gives a certificate kept elsewhere
/// (a mounted secret, say): <see cref="KeyRingOptions.CertificatePath"/>. Without one,
/// ASP.NET Core's warning that keys "may be persisted to storage in unencrypted form" states this
/// documented choice at every key created, so it is not logged (nor, with it, the two other warnings
/// of that logger, about key-ring elements that only a hand-edited key ring has).
/// </remarks>
internal static class KeyRingProtection
{
    /// <summary>The setting naming the certificate; used in messages.</summary>
    public const string CertificateSetting = PlatformOptions.Section + ":DataProtection:CertificatePath";

    /// <summary>Encrypts the key ring with the configured certificate, or keeps it by file permissions only (see remarks).</summary>
    public static IDataProtectionBuilder ProtectKeysAtRest(this IDataProtectionBuilder dataProtection, WebApplicationBuilder builder, KeyRingOptions options)
    {
        ArgumentNullException.ThrowIfNull(dataProtection);
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            builder.Logging.AddFilter(typeof(XmlKeyManager).FullName, LogLevel.Error);
            return dataProtection;
        }

        var certificate = Load(options.CertificatePath, options.CertificatePassword);
        // Keys written from now on are encrypted to it; keys written before stay readable as they are.
        return dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
    }

    private static X509Certificate2 Load(string path, string? password)
    {
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"couldn't read the key-ring certificate {path} ({CertificateSetting}): {e.Message}", e);
        }

        if (!certificate.HasPrivateKey || certificate.GetRSAPrivateKey() is null)
        {
            certificate.Dispose();
            throw new InvalidOperationException(
                $"the key-ring certificate {path} ({CertificateSetting}) must be a PKCS #12 file with an RSA private key: the keys are decrypted with it.");
        }

        return certificate;
    }
}

/// <summary>The <c>DataIp:DataProtection</c> settings: how the key ring is kept at rest (docs/operations.md).</summary>
public sealed class KeyRingOptions
{
    /// <summary>
    /// A PKCS #12 (.pfx) file with an RSA certificate and its private key, kept outside the data
    /// directory; the key ring is encrypted to it. Unset (default): the key ring is protected by
    /// its owner-only directory only.
    /// </summary>
    public string? CertificatePath { get; set; }

    /// <summary>The .pfx file's password, if it has one.</summary>
    public string? CertificatePassword { get; set; }
}
