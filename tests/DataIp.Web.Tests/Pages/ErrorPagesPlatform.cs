using DataIp.Data;
using DataIp.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace DataIp.Web.Tests.Pages;

/// <summary>
/// One platform on SQLite for the error-page tests, with one extra address that fails:
/// <see cref="FaultPath"/> (and <c>/api</c> + <see cref="FaultPath"/>) throws, as a fault deep in a
/// page or an endpoint would. It is added after the platform's own pipeline, so the platform's
/// error handling is what answers.
/// </summary>
public sealed class ErrorPagesPlatform : IAsyncLifetime
{
    /// <summary>The address that throws.</summary>
    public const string FaultPath = "/test-only/fault";

    /// <summary>The message of the exception thrown there; no answer may show it.</summary>
    public const string FaultMessage = "Secret detail of a fault: connection string Password=hunter2";

    private RegistryFactory? _platform;

    public RegistryFactory Platform => _platform ?? throw new InvalidOperationException("The platform has not started.");

    public async ValueTask InitializeAsync() =>
        _platform = await RegistryFactory.StartAsync(DatabaseProvider.Sqlite,
            configure: b => b.ConfigureServices(s => s.AddTransient<IStartupFilter, FaultFilter>()));

    public async ValueTask DisposeAsync()
    {
        if (_platform is not null)
        {
            await _platform.DisposeAsync();
        }
    }

    /// <summary>A staff account of a role without a body (e.g. "pledgee"), created by the administrator; returns its e-mail.</summary>
    public async Task<string> StaffAsync(string role)
    {
        var email = $"{role}.{Guid.NewGuid():N}@test.dataip.cn";
        var admin = await Platform.SignInAsync(RegistryFactory.AdminEmail);
        await admin.PostJsonAsync("/api/v1/accounts/staff", new { email, password = RegistryFactory.Password, displayName = role, role, bodyCode = (string?)null }).OkAsync();
        return email;
    }

    private sealed class FaultFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            // Reached only when no endpoint answered: after the platform's own middleware, inside its error handling.
            app.Use((context, nextMiddleware) => context.Request.Path.Value is FaultPath or "/api" + FaultPath
                ? throw new InvalidOperationException(FaultMessage)
                : nextMiddleware(context));
        };
    }
}
