using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DataIp.Data;
using DataIp.Testing;
using DataIp.Web.Features.Applications;
using DataIp.Web.Features.Notifications;
using DataIp.Web.Infrastructure;
using DataIp.Web.Tests.Notifications;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace DataIp.Web.Tests.Infrastructure;

/// <summary>
/// The real platform on a clean database of the given provider, with a fake clock the test moves
/// and the background job switched off (tests run the sweep when they want it). Webhooks resolve
/// names through <see cref="Resolver"/> (never DNS) and connect through <see cref="Dialer"/>,
/// which lets them reach loopback only; disposing fails the test if anything tried otherwise. In
/// memory (TestServer), or with <c>urls</c> on a real loopback socket (Kestrel), as <c>--urls</c> starts it.
/// </summary>
public sealed class RegistryFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@test.dataip.cn";
    public const string Password = "Test-password-2025";

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("dataip-web-").FullName;
    private string? _connectionString;

    private readonly bool _demo;
    private readonly Action<IWebHostBuilder>? _configure;
    private readonly string? _urls;

    private RegistryFactory(DatabaseProvider provider, DateTimeOffset start, bool demo, Action<IWebHostBuilder>? configure, string? urls)
    {
        Provider = provider;
        Clock = new FakeTimeProvider(start);
        _demo = demo;
        _configure = configure;
        _urls = urls;
        if (urls is not null)
        {
            UseKestrel();
        }
    }

    public DatabaseProvider Provider { get; }

    public FakeTimeProvider Clock { get; }

    /// <summary>The host names webhooks resolve: only <c>localhost</c> until the test maps more.</summary>
    public StubResolver Resolver { get; } = new();

    /// <summary>Every connection webhooks open (loopback only).</summary>
    public LoopbackOnlyDialer Dialer { get; } = new();

    /// <summary>The PostgreSQL database's connection string once started; null on SQLite.</summary>
    public string? ConnectionString => _connectionString;

    /// <summary>The node's data directory; it exists before the node starts, so a test can put keys there first.</summary>
    public string DataDirectory => _dataDirectory;

    public static JsonSerializerOptions Json { get; } = CreateJson();

    /// <summary>
    /// Starts the platform on a new database; the clock starts at <paramref name="start"/>.
    /// <paramref name="configure"/> runs last on the host builder: extra settings
    /// (<c>UseSetting</c>) or services. With <paramref name="urls"/> (loopback addresses, e.g.
    /// <c>http://127.0.0.1:0</c> for a free port) the platform listens on a real socket, as
    /// <c>--urls</c> makes it; clients then talk to it over HTTP.
    /// </summary>
    public static async Task<RegistryFactory> StartAsync(
        DatabaseProvider provider, DateTimeOffset? start = null, bool demo = false, Action<IWebHostBuilder>? configure = null, string? urls = null)
    {
        var factory = Create(provider, start, demo, configure, urls);
        try
        {
            return await factory.StartAsync();
        }
        catch
        {
            await factory.DisposeAsync();
            throw;
        }
    }

    /// <summary>A platform not started yet (see <see cref="StartAsync()"/>); its data directory exists.</summary>
    public static RegistryFactory Create(
        DatabaseProvider provider, DateTimeOffset? start = null, bool demo = false, Action<IWebHostBuilder>? configure = null, string? urls = null) =>
        new(provider, start ?? new DateTimeOffset(2025, 9, 26, 10, 0, 0, TimeSpan.FromHours(8)), demo, configure, urls);

    /// <summary>Creates the database and builds the host: migrations and seeding run now.</summary>
    public async Task<RegistryFactory> StartAsync()
    {
        _connectionString = Provider == DatabaseProvider.Postgres
            ? await TestDatabases.CreatePostgresDatabaseAsync("web")
            : null;
        if (_urls is null)
        {
            _ = Server;
        }
        else
        {
            StartServer();
        }

        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("DataIp:DataDirectory", _dataDirectory);
        builder.UseSetting("DataIp:DatabaseProvider", Provider.ToString());
        builder.UseSetting("DataIp:RunLifecycleJob", "false");
        builder.UseSetting("DataIp:RunLogSequencer", "false");
        builder.UseSetting("DataIp:Webhooks:RunDispatcher", "false");
        builder.UseSetting("DataIp:Demo", _demo ? "true" : "false");
        builder.UseSetting("DataIp:BootstrapAdministratorEmail", AdminEmail);
        builder.UseSetting("DataIp:BootstrapAdministratorPassword", Password);
        if (_urls is not null)
        {
            builder.UseSetting("urls", _urls);
        }

        // Tests sign in far more often than people do: limits high enough never to refuse them.
        // Tests of the limits set their own (configure runs after this).
        foreach (var limit in (string[])["ClientLimit", "SignUpLimit", "AccountClientFailureLimit", "AccountFailureLimit"])
        {
            builder.UseSetting($"DataIp:Accounts:RateLimits:{limit}", "1000000");
        }

        if (_connectionString is not null)
        {
            builder.UseSetting("DataIp:ConnectionString", _connectionString);
        }

        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.RemoveAll<IHostResolver>();
            services.AddSingleton<IHostResolver>(Resolver);
            services.RemoveAll<ISocketDialer>();
            services.AddSingleton<ISocketDialer>(Dialer);
        });
        _configure?.Invoke(builder);
    }

    private readonly List<(HttpClient Client, string Email, string Password)> _signedIn = [];
    private HttpClient? _administrator;

    /// <summary>
    /// Moves the fake clock to an instant. Bearer tokens expire on that clock too, so every client
    /// signed in through this factory signs in again.
    /// </summary>
    public async Task SetTimeAsync(DateTimeOffset instant)
    {
        Clock.SetUtcNow(instant.ToUniversalTime());
        foreach (var (client, email, password) in _signedIn)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(email, password));
        }
    }

    /// <summary>Runs one sweep of the lifecycle job (registrations due, lapsed corrections).</summary>
    public Task<int> SweepAsync() => Services.GetRequiredService<LifecycleSweeper>().RunOnceAsync(CancellationToken.None);

    /// <summary>Runs the log sequencer once: integrates committed entries and signs a checkpoint.</summary>
    public Task<DataIp.Data.TransparencyLog.LogCheckpoint> PublishLogAsync() =>
        Services.GetRequiredService<DataIp.Web.Features.Ledger.LogSequencer>().PublishAsync(CancellationToken.None);

    /// <summary>An HTTP client signed in with a bearer token.</summary>
    public async Task<HttpClient> SignInAsync(string email, string password = Password)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(email, password));
        _signedIn.Add((client, email, password));
        return client;
    }

    private async Task<string> TokenAsync(string email, string password)
    {
        using var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    /// <summary>Creates an examiner of a body directly (as an administrator would) and signs in.</summary>
    public async Task<HttpClient> ExaminerAsync(string bodyCode, string? email = null)
    {
        email ??= $"examiner.{bodyCode}.{Guid.NewGuid():N}@test.dataip.cn";
        var admin = await SignInAsync(AdminEmail);
        var response = await admin.PostAsJsonAsync("/api/v1/accounts/staff", new { email, password = Password, displayName = "审查员 " + bodyCode, role = "examiner", bodyCode });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return await SignInAsync(email);
    }

    /// <summary>
    /// Signs up an applicant organisation through the API, has the test administrator verify its
    /// identity (as a registration body would before it may submit), and signs in.
    /// </summary>
    public async Task<HttpClient> ApplicantAsync(string? email = null, bool verified = true)
    {
        email ??= $"applicant.{Guid.NewGuid():N}@test.dataip.cn";
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/accounts", new
        {
            email,
            password = Password,
            displayName = TestContent.ApplicantName,
            registrantType = "enterprise",
            identifier = TestContent.CreditCode,
            regionCode = "440300",
        });
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        var applicant = await SignInAsync(email);
        if (verified)
        {
            var id = (await applicant.GetFromJsonAsync<JsonElement>("/api/v1/accounts/me")).GetProperty("id").GetString();
            _administrator ??= await SignInAsync(AdminEmail);
            var verification = await _administrator.PostAsJsonAsync($"/api/v1/accounts/{id}/verification", new { evidence = "营业执照 checked (test)", decision = "verified" });
            Assert.Equal(System.Net.HttpStatusCode.OK, verification.StatusCode);
        }

        return applicant;
    }

    /// <summary>A scope on the platform's services (database access for assertions).</summary>
    public AsyncServiceScope Scope() => Services.CreateAsyncScope();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_connectionString is { } connectionString)
        {
            _connectionString = null;
            await TestDatabases.DropPostgresDatabaseAsync(connectionString);
        }

        TestDatabases.DeleteDirectory(_dataDirectory);
        Assert.True(Dialer.Violations.IsEmpty, $"webhooks dialed addresses that are not loopback: {string.Join(", ", Dialer.Violations)}");
    }

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Problems.ConfigureJson(options);
        options.UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Skip;
        return options;
    }
}
