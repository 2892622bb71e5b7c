using DataIp.Data;
using DataIp.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DataIp.BrowserTests.Infrastructure;

/// <summary>
/// The real platform on a real socket (Kestrel on a free loopback port) with the demo data, on
/// SQLite in a temporary data directory, for one test class. The clock starts at
/// <see cref="Now"/> and runs in real time until a journey moves it (<see cref="Clock"/>), so that
/// every run sees the same history (the demo dates its history back from the clock, and holds every state on any
/// date). <see cref="PostgresDemoRegistry"/> is the same on PostgreSQL.
/// </summary>
public class DemoRegistry : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>The password of every demo account (README, "Demo accounts").</summary>
    public const string Password = "DataIp-Demo-2025";

    /// <summary>Tuesday 2026-03-10 10:00 in China.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 10, 10, 0, 0, TimeSpan.FromHours(8));

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("dataip-browser-").FullName;
    private string? _connectionString;

    public DemoRegistry() => UseKestrel(0);

    /// <summary>The database the platform runs on.</summary>
    public virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    /// <summary>The platform's clock: a journey moves it forward (the end of a notice, a year later).</summary>
    public ShiftedClock Clock { get; } = new(Now);

    /// <summary>
    /// The address the platform listens on, e.g. http://127.0.0.1:41234/. On PostgreSQL without a
    /// test server (outside CI), the calling test is skipped here.
    /// </summary>
    public Uri BaseAddress
    {
        get
        {
            if (_unavailable is not null)
            {
                Assert.Skip(_unavailable);
            }

            return ClientOptions.BaseAddress;
        }
    }

    private string? _unavailable;

    /// <summary>Creates the database, migrates, seeds the demo (a few seconds) and starts listening.</summary>
    public async ValueTask InitializeAsync()
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            if (TestDatabases.PostgresServerConnectionString is null && !IsCi)
            {
                // A fixture cannot skip: its tests do, when they ask for the address.
                _unavailable = $"{TestDatabases.PostgresVariable} is not set: no PostgreSQL server for the browser journeys (./test.sh starts one).";
                return;
            }

            _connectionString = await TestDatabases.CreatePostgresDatabaseAsync("browser");
        }

        await Task.Run(StartServer);
    }

    private static bool IsCi => Environment.GetEnvironmentVariable("CI") is { } ci && (ci == "1" || ci.Equals("true", StringComparison.OrdinalIgnoreCase));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("DataIp:DataDirectory", _dataDirectory);
        builder.UseSetting("DataIp:DatabaseProvider", Provider.ToString());
        if (_connectionString is not null)
        {
            builder.UseSetting("DataIp:ConnectionString", _connectionString);
        }

        builder.UseSetting("DataIp:RunLifecycleJob", "false");
        builder.UseSetting("DataIp:Demo", "true");
        builder.UseSetting("DataIp:BootstrapAdministratorEmail", "admin@test.dataip.cn");
        builder.UseSetting("DataIp:BootstrapAdministratorPassword", "Test-password-2025");
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        if (_unavailable is null)
        {
            await base.DisposeAsync();
        }

        GC.SuppressFinalize(this);
        TestDatabases.DeleteDirectory(_dataDirectory);
        if (_connectionString is not null)
        {
            await TestDatabases.DropPostgresDatabaseAsync(_connectionString);
        }
    }
}

/// <summary>
/// A clock that reads the system's time shifted to a chosen instant, and that a journey moves
/// forward. Timers run in real time, unlike a fake clock's: moving a fake clock weeks ahead fires
/// every periodic timer once per period it skips (the log sequencer's, millions of times).
/// Thread-safe.
/// </summary>
public sealed class ShiftedClock(DateTimeOffset start) : TimeProvider
{
    private long _offsetTicks = (start - System.GetUtcNow()).Ticks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>Moves the clock so that it reads <paramref name="instant"/> now.</summary>
    public void SetUtcNow(DateTimeOffset instant) => Interlocked.Exchange(ref _offsetTicks, (instant - System.GetUtcNow()).Ticks);
}

/// <summary>The demo platform of <see cref="DemoRegistry"/> on PostgreSQL (<c>DATAIP_TEST_POSTGRES</c>; skipped without it, failed on CI).</summary>
public sealed class PostgresDemoRegistry : DemoRegistry
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
