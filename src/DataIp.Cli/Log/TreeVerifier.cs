using System.Globalization;
using DataIp.Domain.TransparencyLog;

namespace DataIp.Cli.Log;

/// <summary>What <see cref="TreeVerifier"/> found out about one tree size.</summary>
/// <param name="Root">The root recomputed from the level-0 hashes; null when a level-0 tile and its
/// entry bundle were both unusable (reported in <paramref name="Findings"/>).</param>
/// <param name="EarlierRoot">The root of the first <c>earlierSize</c> leaves, recomputed the same
/// way; null when no earlier size was asked for or it could not be recomputed.</param>
/// <param name="TilesByLevel">How many hash tiles were read at each level, from level 0.</param>
/// <param name="EntryBundles">How many entry bundles were read.</param>
/// <param name="Findings">What is wrong with the tiles and bundles, in the order found.</param>
internal sealed record TreeCheck(Hash? Root, Hash? EarlierRoot, IReadOnlyList<int> TilesByLevel, int EntryBundles, IReadOnlyList<Finding> Findings);

/// <summary>
/// Reads every tile of a tree of one size (c2sp.org/tlog-tiles: at each level the full tiles and
/// the partial tile at the right edge) and every entry bundle, and checks them against each other:
/// <list type="number">
/// <item>each entry's RFC 9162 leaf hash against the level-0 hash at its index, and each entry to
/// <see cref="ActReplay"/> in log order;</item>
/// <item>the root of the tree, and of an earlier size, folded from the level-0 hashes with the
/// domain's <see cref="CompactRange"/>;</item>
/// <item>every hash of a tile at level L ≥ 1 against the Merkle tree hash of the full tile it stands
/// for at level L − 1, so that a tile altered at any level is found and named.</item>
/// </list>
/// Hash tiles are the source of the tree; where one is unusable (wrong length), the entries' leaf
/// hashes stand in so that the rest can still be checked. Memory: one hash per 256 leaves. Not
/// thread-safe; one verification per instance.
/// </summary>
internal sealed class TreeVerifier
{
    private readonly ILogReader _reader;
    private readonly ActReplay _replay;
    private readonly List<Finding> _findings = [];
    private readonly List<int> _tilesByLevel = [];
    private int _entryBundles;

    /// <summary>Creates a verifier reading through <paramref name="reader"/> and replaying into <paramref name="replay"/>.</summary>
    /// <param name="reader">The log.</param>
    /// <param name="replay">Receives every entry in log order.</param>
    public TreeVerifier(ILogReader reader, ActReplay replay)
    {
        _reader = reader;
        _replay = replay;
    }

    /// <summary>Reads and checks the whole tree of <paramref name="size"/> leaves; see the class summary.</summary>
    /// <param name="size">The tree size, from a verified checkpoint.</param>
    /// <param name="earlierSize">A size ≤ <paramref name="size"/> whose root is wanted too, or null.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The roots and what is wrong.</returns>
    /// <exception cref="LogReadException">A tile or bundle could not be read.</exception>
    public async Task<TreeCheck> VerifyAsync(ulong size, ulong? earlierSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(earlierSize ?? 0, size, nameof(earlierSize));
        var (root, earlierRoot, expected) = await VerifyLevelZeroAsync(size, earlierSize, cancellationToken);
        for (var level = 1; Tile.NodesAtLevel(level, size) > 0; level++)
        {
            expected = await VerifyLevelAsync(level, size, expected, cancellationToken);
        }

        return new TreeCheck(root, earlierRoot, _tilesByLevel, _entryBundles, _findings);
    }

    private async Task<(Hash? Root, Hash? EarlierRoot, List<Hash?> Above)> VerifyLevelZeroAsync(
        ulong size, ulong? earlierSize, CancellationToken cancellationToken)
    {
        CompactRange? range = new();
        Hash? earlierRoot = earlierSize == 0 ? Rfc9162.EmptyRoot : null;
        var above = new List<Hash?>();
        _tilesByLevel.Add(0);
        foreach (var tile in Tile.ForTree(0, size))
        {
            // The hashes and the entries of a tile are independent reads: fetch them together.
            var hashTile = _reader.GetHashTileAsync(0, tile.Index, tile.Width, cancellationToken);
            var bundle = _reader.GetEntryBundleAsync(tile.Index, tile.Width, cancellationToken);
            await Task.WhenAll(hashTile, bundle);
            _tilesByLevel[0]++;
            _entryBundles++;

            var tileHashes = ReadHashes(tile, await hashTile);
            var leaves = CheckEntries(tile, await bundle, tileHashes);
            var hashes = tileHashes ?? leaves;
            if (hashes is null)
            {
                range = null;
            }

            foreach (var hash in hashes ?? [])
            {
                range?.Append(hash);
                if (range is not null && range.Size == earlierSize)
                {
                    earlierRoot = range.RootHash();
                }
            }

            if (!tile.IsPartial)
            {
                above.Add(hashes is null ? null : MerkleTree.RootHash(hashes));
            }
        }

        return (range?.RootHash(), earlierRoot, above);
    }

    // Level ≥ 1: hash i of tile N must be MTH of the full tile N·256 + i of the level below, as
    // recomputed in `expected`. Returns what the level above must hold, computed from this level's
    // tiles as served (or from `expected` where a tile is unusable).
    private async Task<List<Hash?>> VerifyLevelAsync(int level, ulong size, List<Hash?> expected, CancellationToken cancellationToken)
    {
        var above = new List<Hash?>();
        _tilesByLevel.Add(0);
        foreach (var tile in Tile.ForTree(level, size))
        {
            var served = ReadHashes(tile, await _reader.GetHashTileAsync(level, tile.Index, tile.Width, cancellationToken));
            _tilesByLevel[level]++;
            var first = checked((int)(tile.Index * Tile.FullWidth));
            var recomputed = expected.GetRange(first, tile.Width);
            for (var i = 0; i < tile.Width; i++)
            {
                if (served is not null && recomputed[i] is { } hash && served[i] != hash)
                {
                    var below = new Tile(level - 1, tile.Index * Tile.FullWidth + (ulong)i, Tile.FullWidth);
                    Add(tile.ToString(), $"hash {i} is {served[i]}, but the 256 hashes of {below} give {hash} (RFC 9162 tree hash)");
                }
            }

            if (!tile.IsPartial)
            {
                var source = served ?? (recomputed.Contains(null) ? null : recomputed.Select(hash => hash!.Value).ToArray());
                above.Add(source is null ? null : MerkleTree.RootHash(source));
            }
        }

        return above;
    }

    // Splits the bundle, checks each entry against the level-0 hash at its index, replays it.
    // Returns the entries' leaf hashes, or null when the bundle is unusable.
    private Hash[]? CheckEntries(Tile tile, byte[] bytes, Hash[]? tileHashes)
    {
        var bundle = Tile.EntryBundle(tile.Index, tile.Width);
        if (!EntryBundle.TrySplit(bytes, tile.Width, out var entries, out var error))
        {
            Add(bundle.ToString(), error);
            return null;
        }

        var leaves = new Hash[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            var index = (tile.Index * Tile.FullWidth) + (ulong)i;
            leaves[i] = Rfc9162.HashLeaf(entries[i].Span);
            if (tileHashes is not null && leaves[i] != tileHashes[i])
            {
                Add(
                    string.Create(CultureInfo.InvariantCulture, $"entry {index}"),
                    $"in {bundle} hashes to {leaves[i]} (RFC 9162 leaf hash), but {tile} holds {tileHashes[i]} at position {i}: the entry or the tile was altered");
            }

            _replay.Replay(index, entries[i]);
        }

        return leaves;
    }

    private Hash[]? ReadHashes(Tile tile, byte[] bytes)
    {
        if (bytes.Length != tile.Width * Hash.Size)
        {
            Add(tile.ToString(), $"has {bytes.Length} bytes; a tile of {tile.Width} hashes has {tile.Width * Hash.Size}");
            return null;
        }

        var hashes = new Hash[tile.Width];
        for (var i = 0; i < hashes.Length; i++)
        {
            hashes[i] = Hash.FromBytes(bytes.AsSpan(i * Hash.Size, Hash.Size));
        }

        return hashes;
    }

    private void Add(string subject, string message) => _findings.Add(new Finding(subject, message));
}
