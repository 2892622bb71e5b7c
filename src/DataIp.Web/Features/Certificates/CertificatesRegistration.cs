using static DataIp.Web.Infrastructure.SettingRules;

namespace DataIp.Web.Features.Certificates;

/// <summary>Certificates: the issuer and its keys, the PDF, the status index and the verifier.</summary>
internal static class CertificatesRegistration
{
    /// <summary>The certificate services and the check of their settings, the CJK font's first.</summary>
    public static void AddCertificates(this WebApplicationBuilder builder) => builder
        .CheckSettings(SettingsProblems).Services
        .AddSingleton<IssuerSigningKeys>().AddSingleton<CertificateIssuer>().AddScoped<CertificateService>().AddScoped<CertificateVerifier>()
        .AddSingleton<CertificateStatusIndex>().AddHostedService<CertificateStatusJob>();

    /// <summary>
    /// The <c>DataIp:Certificates</c> settings. Certificates are printed in Chinese: without a CJK
    /// font the platform cannot issue them, so it refuses to start rather than fail at the first
    /// registration; a configured seal must exist for the same reason.
    /// </summary>
    private static IEnumerable<string?> SettingsProblems(PlatformOptions options)
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
