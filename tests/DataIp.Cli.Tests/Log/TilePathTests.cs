using DataIp.Cli.Log;

namespace DataIp.Cli.Tests.Log;

public sealed class TilePathTests
{
    // c2sp.org/tlog-tiles: "index 1234067 will be encoded as x001/x234/067".
    [Theory]
    [InlineData(0UL, "000")]
    [InlineData(7UL, "007")]
    [InlineData(255UL, "255")]
    [InlineData(256UL, "256")]
    [InlineData(999UL, "999")]
    [InlineData(1000UL, "x001/000")]
    [InlineData(1234067UL, "x001/x234/067")]
    [InlineData(ulong.MaxValue, "x018/x446/x744/x073/x709/x551/615")]
    public void FormatIndex_Index_IsGroupsOfThreeDigits(ulong index, string expected)
    {
        Assert.Equal(expected, TilePath.FormatIndex(index));
    }

    [Theory]
    [InlineData(0, 0UL, 256, "tile/0/000")]
    [InlineData(0, 255UL, 256, "tile/0/255")]
    [InlineData(0, 256UL, 256, "tile/0/256")]
    [InlineData(0, 1234067UL, 256, "tile/0/x001/x234/067")]
    [InlineData(0, 273UL, 112, "tile/0/273.p/112")]
    [InlineData(1, 1UL, 17, "tile/1/001.p/17")]
    [InlineData(2, 0UL, 1, "tile/2/000.p/1")]
    [InlineData(63, 1234067UL, 255, "tile/63/x001/x234/067.p/255")]
    [InlineData(Tile.EntriesLevel, 0UL, 256, "tile/entries/000")]
    [InlineData(Tile.EntriesLevel, 1234067UL, 8, "tile/entries/x001/x234/067.p/8")]
    public void Format_Tile_IsTheSpecPathAndParsesBack(int level, ulong index, int width, string path)
    {
        var tile = new Tile(level, index, width);

        var formatted = TilePath.Format(tile);
        var parsed = TilePath.TryParse(path, out var back);

        Assert.Equal(path, formatted);
        Assert.Equal(path, tile.ToString());
        Assert.True(parsed);
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
    [InlineData("tile/00/000")] // leading zero in L
    [InlineData("tile/-1/000")]
    [InlineData("tile/64/000")] // L is 0..63
    [InlineData("tile/data/000")]
    [InlineData("tile/0/0")] // not three digits
    [InlineData("tile/0/0000")]
    [InlineData("tile/0/x000")] // the last group has no x
    [InlineData("tile/0/001/234")] // all but the last have an x
    [InlineData("tile/0/x000/001")] // a second spelling of 1
    [InlineData("tile/0/x01/234")]
    [InlineData("tile/0/x001/x234/06a")]
    [InlineData("tile/0/x018/x446/x744/x073/x709/x551/616")] // 2^64
    [InlineData("tile/0/000.p/0")] // W is 1..255
    [InlineData("tile/0/000.p/256")]
    [InlineData("tile/0/000.p/05")]
    [InlineData("tile/0/000.p/")]
    [InlineData("tile/0/000.p/5/x")]
    [InlineData("tile/0/000.p5")]
    [InlineData("tile/entries/")]
    [InlineData("tile/entries/000.p/256")]
    public void TryParse_NotACanonicalTilePath_IsRefused(string? path)
    {
        Assert.False(TilePath.TryParse(path, out _));
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
}
