namespace DataIp.Web.Demo;

/// <summary>A clock the demo seeder sets, so that demo histories can lie in the past.</summary>
internal sealed class DemoClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Set(DateTimeOffset now) => _now = now.ToUniversalTime();
}
