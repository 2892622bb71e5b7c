using static DataIp.Web.Infrastructure.SettingRules;

namespace DataIp.Web.Features.Applications;

/// <summary>Applications and their lifecycle: drafts, the act pipeline every act of the register runs through, and the sweep.</summary>
internal static class ApplicationsRegistration
{
    /// <summary>The application services, the act pipeline and the lifecycle job, with the check of their settings.</summary>
    public static void AddApplications(this WebApplicationBuilder builder) => builder
        .CheckSettings(o => [Positive(o.LifecycleSweepInterval, nameof(PlatformOptions.LifecycleSweepInterval))]).Services
        .AddScoped<ActPipeline>().AddScoped<Objections.ObjectionDesk>().AddScoped<Rights.Pledges.CourtOrderRelease>().AddScoped<Bodies.BodyAdministration>().AddScoped<Calendar.CalendarEntry>().AddScoped<Register.RegisterFigures>().AddScoped<CalendarService>().AddScoped<DraftService>()
        .AddSingleton<LifecycleSweeper>().AddHostedService<LifecycleJob>();
}
