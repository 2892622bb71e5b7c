namespace DataIp.Domain.Fingerprinting;

/// <summary>What a <see cref="SimilaritySketch"/> was computed over (docs/fingerprint-format.md §4).</summary>
public enum SketchFeatures
{
    /// <summary>One feature per canonical row, JSON name <c>rows</c>.</summary>
    Rows = 1,

    /// <summary>One feature per content-defined chunk of every file, JSON name <c>content-chunks</c>.</summary>
    ContentChunks = 2,
}
