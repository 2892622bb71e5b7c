using System.Buffers.Binary;
using DataIp.Domain.Evidence;
using Microsoft.EntityFrameworkCore;

namespace DataIp.Data.Evidence;

/// <summary>
/// Stores applications' similarity sketches with their band keys and finds the sketches that may
/// overlap a given one (<see cref="OverlapBands"/>). Runs in the caller's context and transaction.
/// </summary>
public sealed class EvidenceIndex(RegistryDbContext db)
{
    /// <summary>At most this many candidates are scored for one search; beyond it the sketch is
    /// too common to tell anything apart (e.g. data made of a few repeated rows).</summary>
    public const int MaxCandidates = 10_000;

    /// <summary>
    /// Stores (or replaces) the sketch of an application's dataset. A sketch with no features
    /// describes no data and is not indexed: it would match every other empty one.
    /// </summary>
    public async Task IndexAsync(EvidenceSketch sketch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sketch);
        var values = ReadValues(sketch.Values);
        await RemoveAsync(sketch.ApplicationId, cancellationToken).ConfigureAwait(false);
        if (sketch.FeatureCount == 0)
        {
            return;
        }

        db.EvidenceSketches.Add(sketch);
        foreach (var key in OverlapBands.Keys(values).Distinct())
        {
            db.EvidenceBands.Add(new EvidenceBand { Key = key, ApplicationId = sketch.ApplicationId });
        }
    }

    /// <summary>Removes an application's sketch, if any (in the caller's transaction, at once).</summary>
    public async Task RemoveAsync(Guid applicationId, CancellationToken cancellationToken)
    {
        await db.EvidenceBands.Where(b => b.ApplicationId == applicationId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.EvidenceSketches.Where(s => s.ApplicationId == applicationId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The applications whose sketches share at least one band key with <paramref name="values"/>,
    /// at most <see cref="MaxCandidates"/>: those sharing the most band keys (the likeliest to be
    /// similar), then by id, so that the same search always scores the same candidates.
    /// </summary>
    /// <param name="values">The 128 MinHash values searched for.</param>
    /// <param name="exclude">An application left out (the one being examined).</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<IReadOnlyList<Guid>> CandidatesAsync(IReadOnlyList<ulong> values, Guid? exclude, CancellationToken cancellationToken)
    {
        var keys = OverlapBands.Keys(values);
        return await db.EvidenceBands.AsNoTracking()
            .Where(b => keys.Contains(b.Key) && b.ApplicationId != exclude)
            .GroupBy(b => b.ApplicationId)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key)
            .Select(g => g.Key)
            .Take(MaxCandidates)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The indexed sketches whose estimated similarity with <paramref name="values"/> is at least
    /// <paramref name="threshold"/>, most similar first: candidates by band key, each scored on all
    /// 128 values. This is the whole search; callers only add particulars of the results.
    /// </summary>
    /// <param name="values">The 128 MinHash values searched for.</param>
    /// <param name="exclude">An application left out (the one being examined).</param>
    /// <param name="threshold">The least estimated similarity reported, 0–1.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    public async Task<IReadOnlyList<SketchMatch>> FindAsync(IReadOnlyList<ulong> values, Guid? exclude, double threshold, CancellationToken cancellationToken)
    {
        var candidates = await CandidatesAsync(values, exclude, cancellationToken).ConfigureAwait(false);
        if (candidates.Count == 0)
        {
            return [];
        }

        var sketches = await db.EvidenceSketches.AsNoTracking()
            .Where(s => candidates.Contains(s.ApplicationId))
            .Select(s => new { s.ApplicationId, s.Values, s.Root, s.HashAlgorithm })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. sketches
            .Select(s => new SketchMatch(s.ApplicationId, s.Root, s.HashAlgorithm, OverlapBands.Similarity(values, ReadValues(s.Values))))
            .Where(m => m.Similarity >= threshold)
            .OrderByDescending(m => m.Similarity)
            .ThenBy(m => m.ApplicationId)];
    }

    /// <summary>Decodes stored values: 128 × 8 bytes little-endian.</summary>
    /// <exception cref="ArgumentException">The bytes are not 128 values.</exception>
    public static ulong[] ReadValues(ReadOnlySpan<byte> bytes) => OverlapBands.ReadValues(bytes);

    /// <summary>Encodes values for storage: each 8 bytes little-endian.</summary>
    public static byte[] WriteValues(IReadOnlyList<ulong> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var bytes = new byte[values.Count * sizeof(ulong)];
        for (var i = 0; i < values.Count; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(i * sizeof(ulong)), values[i]);
        }

        return bytes;
    }
}

/// <summary>An indexed sketch similar to the one searched for.</summary>
/// <param name="ApplicationId">The application whose dataset it describes.</param>
/// <param name="Root">Its fingerprint root.</param>
/// <param name="HashAlgorithm">Its fingerprint's hash algorithm.</param>
/// <param name="Similarity">The estimated Jaccard similarity, 0–1.</param>
public sealed record SketchMatch(Guid ApplicationId, string Root, string HashAlgorithm, double Similarity);
