using DataIp.Web.Demo;
using DataIp.Web.Features.Certificates;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DataIp.Web.Infrastructure;

/// <summary>Storage: the database, migrations at start, reference data, attachments.</summary>
internal static class DatabaseStartup
{
    /// <summary>The database, the attachment store and the start-up that migrates and seeds.</summary>
    public static void AddStorage(this WebApplicationBuilder builder)
    {
        var options = Settings.Read(builder.Configuration);
        builder.Services.AddRegistryDatabase(Usable(options) ? options.Database : DatabaseOptions.SqliteIn(options.DataDirectoryPath));
        builder.Services.AddSingleton<IAttachmentStore>(sp => new FileSystemAttachmentStore(
            Path.Combine(sp.GetRequiredService<IOptions<PlatformOptions>>().Value.DataDirectoryPath, "attachments"),
            AttachmentPolicy.Default));
        builder.Services.AddHostedService<DatabaseInitializer>();
    }

    // An unknown provider, or PostgreSQL without a connection string, is refused by the settings
    // check (PlatformSettings) right after the host is built, before anything asks for the
    // database: until then the default stands in, so that the host can be built to say so.
    private static bool Usable(PlatformOptions options) =>
        Enum.IsDefined(options.DatabaseProvider)
        && !(options.DatabaseProvider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(options.ConnectionString));
}

/// <summary>
/// Applies migrations and seeds reference data (and the demo, when asked) before the server
/// accepts requests: hosted services start before Kestrel does.
/// </summary>
internal sealed class DatabaseInitializer(IServiceProvider services, IOptions<PlatformOptions> options, TimeProvider clock, ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        DataDirectory.CreatePrivate(options.Value.DataDirectoryPath);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        await RegistryDatabase.MigrateAsync(db, cancellationToken).ConfigureAwait(false);
        await ReferenceData.SeedAsync(db, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        await BootstrapAdministratorAsync(scope.ServiceProvider, cancellationToken).ConfigureAwait(false);
        await Features.Rights.Holders.BackfillAsync(db, logger, cancellationToken).ConfigureAwait(false);
        await CertificateBackfill.RunAsync(db, scope.ServiceProvider.GetRequiredService<CertificateIssuer>(), logger, cancellationToken).ConfigureAwait(false);
        if (options.Value.Demo)
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(cancellationToken).ConfigureAwait(false);
        }

        // After everything above that may write applications or certificates without an act.
        await Features.Search.SearchIndex.BackfillAsync(db, logger, cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task BootstrapAdministratorAsync(IServiceProvider scoped, CancellationToken cancellationToken)
    {
        var (email, password) = (options.Value.BootstrapAdministratorEmail, options.Value.BootstrapAdministratorPassword);
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            return;
        }

        var db = scoped.GetRequiredService<RegistryDbContext>();
        if (await db.Users.AnyAsync(u => u.Role == AccountRole.Administrator && u.BodyId == null, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var users = scoped.GetRequiredService<UserManager<Account>>();
        var result = await users.CreateAsync(new Account
        {
            Id = Guid.NewGuid(),
            Email = email,
            UserName = email,
            DisplayName = "National administrator",
            Role = AccountRole.Administrator,
            CreatedAt = clock.GetUtcNow(),
        }, password).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Couldn't create the bootstrap administrator {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
