namespace DataIp.Cli.Log;

/// <summary>
/// Reads a tiled transparency log (c2sp.org/tlog-tiles): the seam between <see cref="LogVerifier"/>
/// and the network. <see cref="TileClient"/> reads over HTTP; tests read an in-memory log.
/// Implementations return what the log served, unchecked (possibly too long or too short: the
/// verifier reports that), and throw <see cref="LogReadException"/> when the log cannot be read at
/// all: unreachable, timed out, or an error status.
/// </summary>
internal interface ILogReader
{
    /// <summary>The latest signed checkpoint, as the bytes of a signed note.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The note's bytes.</returns>
    /// <exception cref="LogReadException">The checkpoint could not be read.</exception>
    Task<byte[]> GetCheckpointAsync(CancellationToken cancellationToken);

    /// <summary>The log's published verifier keys, one per line.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The text.</returns>
    /// <exception cref="LogReadException">The keys could not be read.</exception>
    Task<string> GetKeysAsync(CancellationToken cancellationToken);

    /// <summary>The hash tile <paramref name="index"/> of <paramref name="level"/> with
    /// <paramref name="width"/> hashes: the concatenated 32-byte hashes of tree level 8·level.</summary>
    /// <param name="level">0..63.</param>
    /// <param name="index">The tile's number within its level.</param>
    /// <param name="width">1..256; 256 is a full tile.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The tile's bytes as served.</returns>
    /// <exception cref="LogReadException">The tile could not be read.</exception>
    Task<byte[]> GetHashTileAsync(int level, ulong index, int width, CancellationToken cancellationToken);

    /// <summary>The entry bundle <paramref name="index"/> with <paramref name="width"/> entries, each
    /// a big-endian uint16 length followed by the entry's bytes.</summary>
    /// <param name="index">The bundle's number (entries index·256 …).</param>
    /// <param name="width">1..256; 256 is a full bundle.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The bundle's bytes as served.</returns>
    /// <exception cref="LogReadException">The bundle could not be read.</exception>
    Task<byte[]> GetEntryBundleAsync(ulong index, int width, CancellationToken cancellationToken);
}
