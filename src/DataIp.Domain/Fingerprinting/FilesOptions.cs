using DataIp.Domain.Registration;

namespace DataIp.Domain.Fingerprinting;

/// <summary>The parameters of a files-mode fingerprint (docs/fingerprint-format.md §2).</summary>
/// <param name="Algorithm">H.</param>
/// <param name="ChunkSize">The chunk size: a power of two from 4 KiB to 64 MiB (default 1 MiB).</param>
/// <param name="Threads">How many chunks to hash at once; 0 for <see cref="Environment.ProcessorCount"/>.
/// The root does not depend on it.</param>
public sealed record FilesOptions(FingerprintAlgorithm Algorithm, int ChunkSize = FilesSummary.DefaultChunkSize, int Threads = 0)
{
    /// <summary>The thread count to use: <see cref="Threads"/>, or the processor count for 0.</summary>
    public int EffectiveThreads => Threads > 0 ? Threads : Environment.ProcessorCount;

    /// <summary>Throws if the options are not usable (a caller bug: validate input first).</summary>
    /// <exception cref="ArgumentException">A bad chunk size or a negative thread count.</exception>
    public void Validate()
    {
        if (!FilesSummary.IsValidChunkSize(ChunkSize))
        {
            throw new ArgumentException($"The chunk size must be a power of two from {FilesSummary.MinChunkSize} to {FilesSummary.MaxChunkSize}; got {ChunkSize}.", nameof(ChunkSize));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(Threads);
        _ = FingerprintHash.For(Algorithm);
    }
}
