namespace DataIp.Cli.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void Build_Succeeds_True() => Assert.True(true);
}
