using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace DataIp.Web.Features.Certificates;

/// <summary>
/// Gives PDFsharp fonts by file path: the family name a caller asks for is the absolute path of a
/// .ttf, .otf or .ttc file (face 0 of a collection). One instance serves the whole process, since
/// <see cref="GlobalFontSettings.FontResolver"/> is global; it is thread-safe, and each file is read
/// once and cached.
/// </summary>
internal sealed class CjkFontResolver : IFontResolver
{
    private readonly ConcurrentDictionary<string, Lazy<byte[]>> _faces = new(StringComparer.Ordinal);

    /// <summary>The process-wide instance that <see cref="CertificateFonts"/> installs.</summary>
    public static CjkFontResolver Instance { get; } = new();

    /// <inheritdoc/>
    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        Path.IsPathFullyQualified(familyName) && File.Exists(familyName)
            ? new FontResolverInfo(familyName, mustSimulateBold: bold, mustSimulateItalic: italic)
            : null;

    /// <inheritdoc/>
    public byte[]? GetFont(string faceName) =>
        _faces.GetOrAdd(faceName, path => new Lazy<byte[]>(() => LoadFace(path))).Value;

    /// <summary>Reads <paramref name="path"/>; a collection yields its face 0, a single font its bytes.</summary>
    /// <exception cref="InvalidDataException">The file is a broken collection.</exception>
    public static byte[] LoadFace(string path)
    {
        var bytes = File.ReadAllBytes(path);
        return TrueTypeCollection.IsCollection(bytes) ? TrueTypeCollection.ExtractFace(bytes, 0) : bytes;
    }
}
