using PdfSharp.Fonts;

namespace DataIp.Web.Features.Certificates;

/// <summary>
/// Finds the CJK font the certificate is set in and installs <see cref="CjkFontResolver"/> as
/// PDFsharp's process-wide resolver, once.
/// </summary>
public static class CertificateFonts
{
    /// <summary>The configuration key the web host binds the font path from (<see cref="Infrastructure.CertificateOptions.FontPath"/>).</summary>
    public const string FontPathSetting = "DataIp:Certificates:FontPath";

    /// <summary>
    /// Debian paths tried in order when no path is configured. WenQuanYi Micro Hei face 0 has
    /// TrueType outlines, so PDFsharp subsets it (a certificate is ~50 KB); Noto CJK is CFF and would
    /// be embedded whole (13 MB).
    /// </summary>
    public static IReadOnlyList<string> KnownPaths { get; } =
    [
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    ];

    /// <summary>Why no font can be used (the message of <see cref="Locate"/>), or null when one can.</summary>
    public static string? Problem(string? configuredPath)
    {
        try
        {
            Locate(configuredPath);
            return null;
        }
        catch (FileNotFoundException e)
        {
            return e.Message;
        }
    }

    private static readonly Lock InstallLock = new();
    private static volatile bool _installed;

    /// <summary>
    /// The font file to use: <paramref name="configuredPath"/> when given (it must exist; a wrong
    /// setting is never silently replaced by another font), else the first of
    /// <see cref="KnownPaths"/> that exists.
    /// </summary>
    /// <returns>An absolute path to an existing .ttf, .otf or .ttc file.</returns>
    /// <exception cref="FileNotFoundException">No usable font; the message says how to fix it.</exception>
    public static string Locate(string? configuredPath)
    {
        if (!string.IsNullOrWhiteSpace(configuredPath))
        {
            var full = Path.GetFullPath(configuredPath);
            return File.Exists(full)
                ? full
                : throw new FileNotFoundException(
                    $"Couldn't find the certificate font '{full}' set in {FontPathSetting}. Point " +
                    $"{FontPathSetting} at an existing TrueType font with Chinese glyphs (.ttf, .otf or .ttc), " +
                    "or remove the setting to use fonts-wqy-microhei (apt-get install fonts-wqy-microhei).",
                    full);
        }

        return KnownPaths.FirstOrDefault(File.Exists) ?? throw new FileNotFoundException(
            "Couldn't find a Chinese font for the certificate PDF: none of " + string.Join(", ", KnownPaths) +
            $" exists. Install one with 'apt-get install fonts-wqy-microhei', or set {FontPathSetting} " +
            "to a TrueType font with Chinese glyphs (.ttf, .otf or .ttc).");
    }

    /// <summary>
    /// Installs <see cref="CjkFontResolver"/> as <see cref="GlobalFontSettings.FontResolver"/> if it
    /// is not yet; thread-safe and idempotent.
    /// </summary>
    /// <exception cref="InvalidOperationException">Another component installed its own resolver.</exception>
    internal static void EnsureResolverInstalled()
    {
        if (_installed)
        {
            return;
        }

        lock (InstallLock)
        {
            var current = GlobalFontSettings.FontResolver;
            if (current is null)
            {
                GlobalFontSettings.FontResolver = CjkFontResolver.Instance;
            }
            else if (!ReferenceEquals(current, CjkFontResolver.Instance))
            {
                throw new InvalidOperationException(
                    "Couldn't install the certificate font resolver: PDFsharp's process-wide " +
                    $"GlobalFontSettings.FontResolver is already set to {current.GetType().FullName}.");
            }

            _installed = true;
        }
    }
}
