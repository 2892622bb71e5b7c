namespace DataIp.Web.Features.Certificates;

/// <summary>Certificates: the issuer and its keys, the PDF, the status index and the verifier.</summary>
internal static class CertificatesRegistration
{
    /// <summary>The certificate services and the check of their settings, the CJK font's first.</summary>
    public static void AddCertificates(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IssuerSigningKeys>();
        builder.Services.AddSingleton<CertificateIssuer>();
        builder.Services.AddScoped<CertificateService>();
        builder.Services.AddSingleton<CertificateStatusIndex>();
        builder.Services.AddHostedService<CertificateStatusJob>();
        builder.Services.AddScoped<CertificateVerifier>();
        builder.AddSettingsCheck<CertificateSettings>();
    }
}

/// <summary>
/// The <c>DataIp:Certificates</c> settings. Certificates are printed in Chinese: without a CJK
/// font the platform cannot issue them, so it refuses to start rather than fail at the first
/// registration; a configured seal must exist for the same reason.
/// </summary>
internal sealed class CertificateSettings : SettingsCheck
{
    /// <inheritdoc />
    protected override IEnumerable<string?> Problems(PlatformOptions options)
    {
        yield return CertificateFonts.Problem(options.Certificates.FontPath);
        foreach (var (bodyCode, path) in options.Certificates.Seals)
        {
            yield return string.IsNullOrWhiteSpace(path) || File.Exists(path) ? null
                : $"{Name($"Certificates:Seals:{bodyCode}")} is '{path}', which does not exist: give the path of the body's seal (a PNG or JPEG file).";
        }

        yield return Positive(options.CertificateStatusRefreshInterval, nameof(PlatformOptions.CertificateStatusRefreshInterval));
    }
}
