namespace DataIp.Web.Demo;

/// <summary>The demo (<c>--demo</c>): its seeder, which the database's start-up runs when asked.</summary>
internal static class DemoRegistration
{
    /// <summary>The demo's seeder.</summary>
    public static void AddDemo(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<DemoSeeder>();
    }
}
