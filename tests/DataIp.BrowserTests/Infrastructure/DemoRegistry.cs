using DataIp.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace DataIp.BrowserTests.Infrastructure;

/// <summary>
/// The real platform on a real socket (Kestrel on a free loopback port) with the demo data, on
/// SQLite in a temporary data directory, for one test class. The clock stands still at
/// <see cref="Now"/>, so that every run sees the same history (the demo dates its history back
/// from the clock, and holds every state on any date).
/// </summary>
public sealed class DemoRegistry : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>The password of every demo account (README, "Demo accounts").</summary>
    public const string Password = "DataIp-Demo-2025";

    /// <summary>Tuesday 2026-03-10 10:00 in China.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 10, 10, 0, 0, TimeSpan.FromHours(8));

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("dataip-browser-").FullName;

    public DemoRegistry() => UseKestrel(0);

    /// <summary>The address the platform listens on, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress => ClientOptions.BaseAddress;

    /// <summary>Migrates, seeds the demo (a few seconds) and starts listening.</summary>
    public async ValueTask InitializeAsync() => await Task.Run(StartServer);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("DataIp:DataDirectory", _dataDirectory);
        builder.UseSetting("DataIp:DatabaseProvider", "Sqlite");
        builder.UseSetting("DataIp:RunLifecycleJob", "false");
        builder.UseSetting("DataIp:Demo", "true");
        builder.UseSetting("DataIp:BootstrapAdministratorEmail", "admin@test.dataip.cn");
        builder.UseSetting("DataIp:BootstrapAdministratorPassword", "Test-password-2025");
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        TestDatabases.DeleteDirectory(_dataDirectory);
    }
}
