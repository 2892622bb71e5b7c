namespace DataIp.Cli.Tests.Log;

/// <summary>A log of 70,000 entries, the example of tlog-tiles "Partial Tiles": 273 full and one
/// partial level-0 tile, a full and a partial level-1 tile, a partial level-2 tile. Built once per
/// test class and never changed (tests tamper through their own handler).</summary>
public sealed class LargeLog
{
    public const int Size = 70_000;

    internal FakeLog Log { get; } = new(Size);
}
