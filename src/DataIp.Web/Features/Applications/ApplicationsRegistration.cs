namespace DataIp.Web.Features.Applications;

/// <summary>Applications and their lifecycle: drafts, the act pipeline every act of the register runs through, and the sweep.</summary>
internal static class ApplicationsRegistration
{
    /// <summary>The application services, the act pipeline and the lifecycle job, with the check of their settings.</summary>
    public static void AddApplications(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<ActPipeline>();
        builder.Services.AddScoped<CalendarService>();
        builder.Services.AddScoped<DraftService>();
        builder.Services.AddSingleton<LifecycleSweeper>();
        builder.Services.AddHostedService<LifecycleJob>();
        builder.AddSettingsCheck<LifecycleSettings>();
    }
}

/// <summary>The lifecycle job's settings.</summary>
internal sealed class LifecycleSettings : SettingsCheck
{
    /// <inheritdoc />
    protected override IEnumerable<string?> Problems(PlatformOptions options)
    {
        yield return Positive(options.LifecycleSweepInterval, nameof(PlatformOptions.LifecycleSweepInterval));
    }
}
