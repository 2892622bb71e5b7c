namespace DataIp.Domain.TransparencyLog;

/// <summary>
/// One resource of a tiled log (c2sp.org/tlog-tiles "Merkle Tree" and "Log entries"): the hash tile
/// <see cref="Index"/> of <see cref="Level"/>, or with <see cref="Level"/> = <see cref="EntriesLevel"/>
/// the entry bundle <see cref="Index"/> (the convention of golang.org/x/mod/sumdb/tlog, where level −1
/// holds the data). Its <see cref="Width"/> hashes are the nodes of tree level 8·L numbered
/// Index·256 … Index·256 + Width − 1; 256 is a full tile, 1..255 a partial one. Its path is
/// <see cref="TilePath.Format"/>. Immutable.
/// </summary>
public readonly record struct Tile
{
    /// <summary>Hashes (or entries) in a full tile: 2^8 (tlog-tiles fixes the tile height at 8).</summary>
    public const int FullWidth = 256;

    /// <summary>The tile height: each level of tiles spans 8 levels of the Merkle tree.</summary>
    public const int Height = 8;

    /// <summary>The <see cref="Level"/> of entry bundles.</summary>
    public const int EntriesLevel = -1;

    /// <summary>The highest hash tile level the spec allows ("between 0 and 63").</summary>
    public const int MaxLevel = 63;

    /// <summary>
    /// The largest tile index, 2^63 − 1: the index is a signed 64-bit number in the reference
    /// implementation (golang.org/x/mod/sumdb/tlog's <c>Tile.N</c>), and no log of at most
    /// <see cref="MerkleTree.MaxSize"/> entries has a tile beyond it.
    /// </summary>
    public const ulong MaxIndex = long.MaxValue;

    /// <summary>Makes a tile coordinate.</summary>
    /// <param name="level"><see cref="EntriesLevel"/> or 0..<see cref="MaxLevel"/>.</param>
    /// <param name="index">The tile's number within its level, 0..<see cref="MaxIndex"/>.</param>
    /// <param name="width">1..<see cref="FullWidth"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">The level, index or width is out of range (a caller bug).</exception>
    public Tile(int level, ulong index, int width)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(level, EntriesLevel);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, MaxLevel);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, MaxIndex);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, FullWidth);
        Level = level;
        Index = index;
        Width = width;
    }

    /// <summary>The tile level L (hashes of tree level 8·L), or <see cref="EntriesLevel"/>.</summary>
    public int Level { get; }

    /// <summary>The tile's number N within its level.</summary>
    public ulong Index { get; }

    /// <summary>How many hashes (or entries) it holds: <see cref="FullWidth"/> or fewer for a partial tile.</summary>
    public int Width { get; }

    /// <summary>Whether this is an entry bundle rather than a hash tile.</summary>
    public bool IsEntryBundle => Level == EntriesLevel;

    /// <summary>Whether the tile is partial (fewer than 256 hashes).</summary>
    public bool IsPartial => Width < FullWidth;

    /// <summary>The entry bundle N of width W.</summary>
    /// <param name="index">The bundle's number.</param>
    /// <param name="width">1..256 entries.</param>
    /// <returns>The bundle's coordinate.</returns>
    public static Tile EntryBundle(ulong index, int width) => new(EntriesLevel, index, width);

    /// <summary>The full tile with the same level and index (what a log keeps once the partial one is superseded).</summary>
    /// <returns>The full tile.</returns>
    public Tile Full() => new(Level, Index, FullWidth);

    /// <summary>
    /// Whether a tree of <paramref name="size"/> leaves has this tile: its <see cref="Width"/> nodes
    /// Index·256 … Index·256 + Width − 1 of its level are all complete. A partial tile is in the tree
    /// whenever the full tile's first <see cref="Width"/> nodes are (the partial tile of an earlier,
    /// smaller tree). Computed without forming Index·256, which may exceed 2^64.
    /// </summary>
    /// <param name="size">The tree size.</param>
    /// <returns>True when every hash (or entry) of the tile exists in the tree.</returns>
    public bool IsIn(ulong size)
    {
        var nodes = NodesAtLevel(Math.Max(Level, 0), size);
        return nodes >= (ulong)Width && Index <= (nodes - (ulong)Width) / FullWidth;
    }

    /// <summary>The path relative to the log prefix, e.g. "tile/0/x001/x234/067.p/8"; see <see cref="TilePath"/>.</summary>
    /// <returns>The path.</returns>
    public override string ToString() => TilePath.Format(this);

    /// <summary>The tiles of one level that a tree of <paramref name="size"/> leaves is made of
    /// (tlog-tiles "Partial Tiles"): floor(n / 256) full tiles and, when n mod 256 ≠ 0, a partial
    /// tile of that width, where n = floor(size / 256^level) is the number of complete nodes of
    /// tree level 8·level. None when n is 0: empty tiles are never served.</summary>
    /// <param name="level">The tile level, or <see cref="EntriesLevel"/> for the entry bundles (laid out as level 0).</param>
    /// <param name="size">The tree size.</param>
    /// <returns>The tiles in index order.</returns>
    public static IEnumerable<Tile> ForTree(int level, ulong size)
    {
        var nodes = NodesAtLevel(Math.Max(level, 0), size);
        var count = (nodes / FullWidth) + (nodes % FullWidth == 0 ? 0UL : 1UL);
        for (ulong index = 0; index < count; index++)
        {
            yield return new Tile(level, index, (int)Math.Min(FullWidth, nodes - (index * FullWidth)));
        }
    }

    /// <summary>floor(size / 256^level): the complete nodes of tree level 8·level in a tree of <paramref name="size"/>.</summary>
    /// <param name="level">0..<see cref="MaxLevel"/>.</param>
    /// <param name="size">The tree size.</param>
    /// <returns>The number of nodes, each a hash in a tile of that level.</returns>
    public static ulong NodesAtLevel(int level, ulong size) => level * Height >= 64 ? 0 : size >> (level * Height);
}
