namespace DataIp.Domain.Fingerprinting;

/// <summary>
/// The content-defined chunking of one file (docs/fingerprint-format.md §4), fed the candidates
/// of its fixed-size chunks in order: a candidate at least 2,048 bytes after the current chunk's
/// start ends that chunk, whose feature mix(g(start) ^ length) goes into the sketch. Not thread-safe.
/// </summary>
internal sealed class ContentChunking
{
    private long _start;
    private ulong _startFeature;

    /// <summary>Takes the candidates of the next fixed-size chunk.</summary>
    public void Take(FileChunkJob job, MinHash sketch)
    {
        var features = job.Features;
        var first = 0;
        if (job.Features.Count > job.Candidates.Count)
        {
            _startFeature = features[0];
            first = 1;
        }

        for (var i = 0; i < job.Candidates.Count; i++)
        {
            var candidate = job.Candidates[i];
            if (candidate - _start >= ContentChunks.MinChunkLength)
            {
                sketch.Add(ContentChunks.ChunkFeature(_startFeature, candidate - _start));
                _start = candidate;
                _startFeature = features[first + i];
            }
        }
    }

    /// <summary>Ends the last chunk at the end of the file (none for an empty file).</summary>
    public void Finish(long size, MinHash sketch)
    {
        if (size > 0)
        {
            sketch.Add(ContentChunks.ChunkFeature(_startFeature, size - _start));
        }
    }
}
