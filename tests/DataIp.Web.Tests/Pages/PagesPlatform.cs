using DataIp.Data;
using DataIp.Web.Tests.Infrastructure;

namespace DataIp.Web.Tests.Pages;

/// <summary>One platform on SQLite for a test class of page tests; each test makes its own accounts.</summary>
public sealed class PagesPlatform : IAsyncLifetime
{
    private RegistryFactory? _platform;

    public RegistryFactory Platform => _platform ?? throw new InvalidOperationException("The platform has not started.");

    public async ValueTask InitializeAsync() => _platform = await RegistryFactory.StartAsync(DatabaseProvider.Sqlite);

    public async ValueTask DisposeAsync()
    {
        if (_platform is not null)
        {
            await _platform.DisposeAsync();
        }
    }

    /// <summary>A new applicant account (through the API), for tests that sign in or fail to.</summary>
    public async Task<string> NewApplicantAsync()
    {
        var email = $"applicant.{Guid.NewGuid():N}@test.dataip.cn";
        await Platform.ApplicantAsync(email);
        return email;
    }
}
