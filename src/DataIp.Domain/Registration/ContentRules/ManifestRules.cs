using System.Numerics;
using DataIp.Domain.Fingerprinting;

namespace DataIp.Domain.Registration.ContentRules;

/// <summary>
/// Rules for a fingerprint given as a <c>dataip fingerprint</c> manifest
/// (docs/fingerprint-format.md §5): the format and version it claims, the mode's particulars, and
/// a sketch that can be compared with others.
/// </summary>
internal static class ManifestRules
{
    public const string FormatName = "dataip-fingerprint";
    public const int SupportedVersion = 1;
    public const string SketchAlgorithm = "minhash-splitmix64";
    public const int SketchSize = 128;
    private const int MinChunkSize = 4096;
    private const int MaxChunkSize = 64 * 1024 * 1024;

    public static void Check(ValidationScope scope, string path, DataFingerprint manifest)
    {
        if (scope.RequireText($"{path}.format", manifest.Format) && manifest.Format != FormatName)
        {
            scope.Add($"{path}.format", ContentProblemCode.ManifestFormat, FormatName, manifest.Format);
        }

        if (scope.Require($"{path}.version", manifest.Version) && manifest.Version != SupportedVersion)
        {
            scope.Add($"{path}.version", ContentProblemCode.ManifestVersion, manifest.Version, SupportedVersion);
        }

        if (scope.Require($"{path}.leafCount", manifest.LeafCount) && manifest.LeafCount < 0)
        {
            scope.Add($"{path}.leafCount", ContentProblemCode.Negative, manifest.LeafCount);
        }

        scope.Text($"{path}.tool", manifest.Tool, TextRule.Line(100).Optional());
        if (scope.EnumValue($"{path}.mode", manifest.Mode))
        {
            Mode(scope, path, manifest);
        }

        if (scope.Require($"{path}.sketch", manifest.Sketch))
        {
            Sketch(scope, $"{path}.sketch", manifest.Sketch, manifest.Mode == FingerprintMode.Rows ? "rows" : "content-chunks");
        }
    }

    private static void Mode(ValidationScope scope, string path, DataFingerprint manifest)
    {
        var (present, absent) = manifest.Mode == FingerprintMode.Files ? ("files", "rows") : ("rows", "files");
        if (manifest.Mode == FingerprintMode.Files ? manifest.Rows is not null : manifest.Files is not null)
        {
            scope.Add($"{path}.{absent}", ContentProblemCode.ModeSectionPresent, present);
        }

        if (manifest.Mode == FingerprintMode.Files && scope.Require($"{path}.files", manifest.Files))
        {
            var files = manifest.Files;
            NotNegative(scope, $"{path}.files.count", files.Count);
            NotNegative(scope, $"{path}.files.chunkCount", files.ChunkCount);
            if (scope.Require($"{path}.files.chunkSize", files.ChunkSize)
                && (files.ChunkSize is < MinChunkSize or > MaxChunkSize || !BitOperations.IsPow2(files.ChunkSize.Value)))
            {
                scope.Add($"{path}.files.chunkSize", ContentProblemCode.ChunkSize, MinChunkSize, MaxChunkSize, files.ChunkSize);
            }
        }

        if (manifest.Mode == FingerprintMode.Rows && scope.Require($"{path}.rows", manifest.Rows))
        {
            var rows = manifest.Rows;
            scope.EnumValue($"{path}.rows.format", rows.Format);
            scope.Text($"{path}.rows.encoding", rows.Encoding, TextRule.Line(32));
            NotNegative(scope, $"{path}.rows.count", rows.Count);
            if (rows.Format == RowFormat.Csv && scope.RequireText($"{path}.rows.delimiter", rows.Delimiter) && rows.Delimiter.Length != 1)
            {
                scope.Add($"{path}.rows.delimiter", ContentProblemCode.Delimiter, rows.Delimiter);
            }
        }
    }

    private static void Sketch(ValidationScope scope, string path, FingerprintSketch sketch, string features)
    {
        if (scope.RequireText($"{path}.algorithm", sketch.Algorithm) && sketch.Algorithm != SketchAlgorithm)
        {
            scope.Add($"{path}.algorithm", ContentProblemCode.SketchAlgorithm, SketchAlgorithm, sketch.Algorithm);
        }

        if (scope.Require($"{path}.k", sketch.K) && sketch.K != SketchSize)
        {
            scope.Add($"{path}.k", ContentProblemCode.SketchSize, SketchSize, sketch.K);
        }

        if (scope.RequireText($"{path}.features", sketch.Features) && sketch.Features != features)
        {
            scope.Add($"{path}.features", ContentProblemCode.SketchFeatures, features, sketch.Features);
        }

        NotNegative(scope, $"{path}.featureCount", sketch.FeatureCount);
        if (scope.RequireText($"{path}.values", sketch.Values) && DataIp.Domain.Evidence.OverlapBands.DecodeValues(sketch.Values) is null)
        {
            scope.Add($"{path}.values", ContentProblemCode.SketchValues, SketchSize, SketchSize * 8);
        }
    }

    private static void NotNegative(ValidationScope scope, string path, long? value)
    {
        if (scope.Require(path, value) && value < 0)
        {
            scope.Add(path, ContentProblemCode.Negative, value);
        }
    }
}
