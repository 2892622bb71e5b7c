namespace DataIp.Web.Features.PilotImports;

/// <summary>The import of pilot-era certificates' services.</summary>
internal static class PilotImportsRegistration
{
    public static void AddPilotImports(this WebApplicationBuilder builder) =>
        builder.Services.AddScoped<PilotImport>().AddScoped<PilotRegistration>();
}
