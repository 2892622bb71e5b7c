using DataIp.Domain.TransparencyLog;

namespace DataIp.Domain.Tests.TransparencyLog;

/// <summary>
/// The one tile path code of the server and the CLI, against c2sp.org/tlog-tiles: the spec's own
/// examples, the spellings it forbids (among them those the server's former parser accepted and the
/// CLI's refused), format → parse round trips over the whole index range, and the file names of a
/// log written by Tessera.
/// </summary>
public sealed class TilePathTests
{
    private static readonly string TesseraLog = Path.Combine(AppContext.BaseDirectory, "TransparencyLog", "TesseraLog", "log");

    // tlog-tiles: "index 1234067 will be encoded as x001/x234/067".
    [Theory]
    [InlineData(0UL, "000")]
    [InlineData(7UL, "007")]
    [InlineData(255UL, "255")]
    [InlineData(256UL, "256")]
    [InlineData(999UL, "999")]
    [InlineData(1000UL, "x001/000")]
    [InlineData(1234067UL, "x001/x234/067")]
    [InlineData(Tile.MaxIndex, "x009/x223/x372/x036/x854/x775/807")]
    public void FormatIndex_Index_IsGroupsOfThreeDigits(ulong index, string expected)
    {
        Assert.Equal(expected, TilePath.FormatIndex(index));
    }

    [Fact]
    public void FormatIndex_BeyondMaxIndex_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TilePath.FormatIndex(Tile.MaxIndex + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Tile(0, Tile.MaxIndex + 1, 1));
    }

    [Theory]
    [InlineData(0, 0UL, 256, "tile/0/000")]
    [InlineData(0, 255UL, 256, "tile/0/255")]
    [InlineData(0, 256UL, 256, "tile/0/256")]
    [InlineData(0, 1234067UL, 256, "tile/0/x001/x234/067")]
    [InlineData(0, 273UL, 112, "tile/0/273.p/112")] // the spec's tree of 70,000: "a partial level 0 tile of width 112"
    [InlineData(1, 1UL, 17, "tile/1/001.p/17")] // "… a partial level 1 tile of width 17"
    [InlineData(2, 0UL, 1, "tile/2/000.p/1")] // "… and one partial level 2 tile of width 1"
    [InlineData(63, 1234067UL, 255, "tile/63/x001/x234/067.p/255")]
    [InlineData(Tile.EntriesLevel, 0UL, 256, "tile/entries/000")]
    [InlineData(Tile.EntriesLevel, 1234067UL, 8, "tile/entries/x001/x234/067.p/8")]
    [InlineData(0, Tile.MaxIndex, 256, "tile/0/x009/x223/x372/x036/x854/x775/807")] // refused by the server's former parser
    [InlineData(0, 9223372036854775000UL, 1, "tile/0/x009/x223/x372/x036/x854/x775/000.p/1")] // refused by the server's former parser
    public void Format_Tile_IsTheSpecPathAndParsesBack(int level, ulong index, int width, string path)
    {
        var tile = new Tile(level, index, width);

        var formatted = TilePath.Format(tile);
        var parsed = TilePath.TryParse(path, out var back, out var error);

        Assert.Equal(path, formatted);
        Assert.Equal(path, tile.ToString());
        Assert.True(parsed, error);
        Assert.Equal(tile, back);
    }

    // Every tile has exactly one path: other spellings of the same tile, and non-tiles, are refused.
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("tile/0")]
    [InlineData("tile/0/")]
    [InlineData("/tile/0/000")]
    [InlineData("tiles/0/000")]
    [InlineData("tile/00/000")] // "no additional leading zeroes" in L
    [InlineData("tile/01/000")]
    [InlineData("tile/-1/000")]
    [InlineData("tile/+1/000")]
    [InlineData("tile/64/000")] // L is 0..63
    [InlineData("tile/100/000")]
    [InlineData("tile/data/000")]
    [InlineData("tile/0/0")] // not three digits
    [InlineData("tile/0/0000")]
    [InlineData("tile/0/x000")] // the last group has no x
    [InlineData("tile/0/001/234")] // all but the last have an x
    [InlineData("tile/0/x01/234")]
    [InlineData("tile/0/X001/234")]
    [InlineData("tile/0/x001/x234/06a")]
    [InlineData("tile/0/x001//234")]
    [InlineData("tile/0/x001/234/")]
    [InlineData("tile/0/\u0661\u0662\u0663")] // Arabic-Indic digits are not ASCII
    [InlineData("tile/0/x009/x223/x372/x036/x854/x775/808")] // 2^63, beyond Tile.MaxIndex
    [InlineData("tile/0/x018/x446/x744/x073/x709/x551/615")] // 2^64 − 1, accepted by the CLI's former parser
    [InlineData("tile/0/000.p/0")] // W is 1..255
    [InlineData("tile/0/000.p/256")]
    [InlineData("tile/0/000.p/05")]
    [InlineData("tile/0/000.p/")]
    [InlineData("tile/0/000.p/5/x")]
    [InlineData("tile/0/000.p5")]
    [InlineData("tile/0/000.p/1.p/1")]
    [InlineData("tile/entries/")]
    [InlineData("tile/entries/000.p/256")]
    public void TryParse_NotATilePath_IsRefusedWithAReason(string? path)
    {
        Assert.False(TilePath.TryParse(path, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    // Paths the server's former parser (Features/Ledger/TilePath.cs) accepted and the CLI's refused,
    // found by running both on every combination of levels, groups and widths: a leading x000 group
    // (a second spelling of a smaller index, e.g. tile 1 as x000/001) and levels 64 to 99.
    [Theory]
    [InlineData("tile/0/x000/001")]
    [InlineData("tile/0/x000/000")]
    [InlineData("tile/0/x000/x000/000")]
    [InlineData("tile/0/x000/x999/615")]
    [InlineData("tile/3/x000/x001/000.p/7")]
    [InlineData("tile/entries/x000/999.p/3")]
    [InlineData("tile/64/000")]
    [InlineData("tile/64/x001/000")]
    [InlineData("tile/99/000.p/1")]
    [InlineData("tile/99/999.p/255")]
    public void TryParse_FormerlyServerOnly_IsRefused(string path)
    {
        Assert.False(TilePath.TryParse(path, out _, out var error));
        Assert.Contains("'", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tile/64/000", "'64' is not a tile level")]
    [InlineData("tile/0/x000/001", "'x000/001' is not a tile index")]
    [InlineData("tile/0/000.p/256", "'256' is not a partial tile width")]
    [InlineData("tile/0/x009/x223/x372/x036/x854/x775/808", "is beyond the largest tile index")]
    public void TryParse_Refused_ErrorNamesTheElement(string path, string expected)
    {
        Assert.False(TilePath.TryParse(path, out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    // Property: every index (seeded random over 0..2^63 − 1, and the edges of each group count)
    // with every width and every level formats to a path that parses back to the same tile, and
    // formatting that tile again gives the same path.
    [Fact]
    public void FormatThenParse_RandomIndicesEveryWidth_RoundTrips()
    {
        var random = new Random(20261207);
        var indices = new List<ulong> { 0, 1, 999, 1000, 999_999, 1_000_000, Tile.MaxIndex - 1, Tile.MaxIndex };
        for (ulong power = 1; power <= 1_000_000_000_000_000_000; power *= 1000)
        {
            indices.AddRange([power - 1, power, power + 1]);
        }

        indices.AddRange(Enumerable.Range(0, 400).Select(_ => (ulong)random.NextInt64(long.MaxValue) + (ulong)random.Next(2)));
        var failures = new List<string>();
        foreach (var index in indices.Distinct())
        {
            for (var width = 1; width <= Tile.FullWidth; width++)
            {
                var tile = new Tile(random.Next(Tile.EntriesLevel, Tile.MaxLevel + 1), index, width);
                var path = TilePath.Format(tile);
                if (!TilePath.TryParse(path, out var back, out var error) || back != tile || TilePath.Format(back) != path)
                {
                    failures.Add($"{tile.Level}/{index}/{width}: {path} → {(error ?? back.ToString())}");
                }
            }
        }

        Assert.Empty(failures);
    }

    // A log written by Tessera's POSIX back end (TesseraLog/SOURCE.md): every tile file it wrote
    // is a path the shared code reads, and formats back to the same file name.
    [Fact]
    public void TryParse_EveryTileOfTheTesseraLog_ParsesAndFormatsToItself()
    {
        var paths = Directory.EnumerateFiles(Path.Combine(TesseraLog, "tile"), "*", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(TesseraLog, file).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.All(paths, path =>
        {
            Assert.True(TilePath.TryParse(path, out var tile, out var error), $"{path}: {error}");
            Assert.Equal(path, TilePath.Format(tile));
            Assert.True(tile.IsIn(15), $"{path} is not in the log's tree of 15 entries");
        });

        // 15 checkpoints, one per size: a partial level-0 tile and a partial bundle for each.
        string[] expected = [.. Enumerable.Range(1, 15).SelectMany(width => new[] { $"tile/0/000.p/{width}", $"tile/entries/000.p/{width}" })];
        Assert.Equal(expected.Order(StringComparer.Ordinal), paths);
    }

    // tlog-tiles "Partial Tiles": "a tree of size 70,000 will be represented by 273 full level 0
    // tiles, one partial level 0 tile of width 112, one full level 1 tile, one partial level 1 tile
    // of width 17, and one partial level 2 tile of width 1".
    [Fact]
    public void ForTree_SpecExample_ListsTheTilesOfEachLevel()
    {
        var level0 = Tile.ForTree(0, 70_000).ToList();
        var level1 = Tile.ForTree(1, 70_000).ToList();
        var level2 = Tile.ForTree(2, 70_000).ToList();

        Assert.Equal(274, level0.Count);
        Assert.Equal(273, level0.Count(tile => !tile.IsPartial));
        Assert.Equal(new Tile(0, 273, 112), level0[^1]);
        Assert.Equal([new Tile(1, 0, 256), new Tile(1, 1, 17)], level1);
        Assert.Equal([new Tile(2, 0, 1)], level2);
        Assert.Empty(Tile.ForTree(3, 70_000));
    }

    [Theory]
    [InlineData(0UL, "", "")]
    [InlineData(1UL, "tile/0/000.p/1", "")]
    [InlineData(255UL, "tile/0/000.p/255", "")]
    [InlineData(256UL, "tile/0/000", "tile/1/000.p/1")] // "a tree of size 256 … a partial level 1 tile of width 1"
    [InlineData(257UL, "tile/0/000 tile/0/001.p/1", "tile/1/000.p/1")]
    public void ForTree_SmallSizes_ListsTheTiles(ulong size, string level0, string level1)
    {
        Assert.Equal(level0, string.Join(' ', Tile.ForTree(0, size)));
        Assert.Equal(level1, string.Join(' ', Tile.ForTree(1, size)));
        Assert.Equal(level0.Replace("tile/0/", "tile/entries/", StringComparison.Ordinal), string.Join(' ', Tile.ForTree(Tile.EntriesLevel, size)));
    }

    // Every tile ForTree lists is in the tree; the next full tile and one hash more are not.
    [Theory]
    [InlineData(0UL)]
    [InlineData(1UL)]
    [InlineData(255UL)]
    [InlineData(256UL)]
    [InlineData(70_000UL)]
    [InlineData(16_777_216UL)]
    public void IsIn_TilesOfTheTree_AreInAndTheNextAreNot(ulong size)
    {
        for (var level = Tile.EntriesLevel; level <= 3; level++)
        {
            var tiles = Tile.ForTree(level, size).ToList();
            Assert.All(tiles, tile => Assert.True(tile.IsIn(size), $"{tile} in {size}"));
            var next = (ulong)tiles.Count(t => !t.IsPartial);
            Assert.False(new Tile(level, next, Tile.FullWidth).IsIn(size), $"full tile {next} of level {level} in {size}");
            if (tiles.Count > 0 && tiles[^1].IsPartial)
            {
                Assert.False(new Tile(level, tiles[^1].Index, tiles[^1].Width + 1).IsIn(size));
            }
        }
    }

    [Theory]
    [InlineData(0, Tile.MaxIndex, 256)]
    [InlineData(0, 36_028_797_018_963_968UL, 1)] // the first hash would be node 2^63
    [InlineData(Tile.EntriesLevel, 36_028_797_018_963_967UL, 256)]
    [InlineData(Tile.MaxLevel, 0UL, 1)]
    [InlineData(7, 0UL, 128)]
    public void IsIn_HugeIndexOrLevel_FalseWithoutOverflow(int level, ulong index, int width)
    {
        Assert.False(new Tile(level, index, width).IsIn(long.MaxValue));
    }
}
