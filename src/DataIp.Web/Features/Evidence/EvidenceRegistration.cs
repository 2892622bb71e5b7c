using Microsoft.Extensions.Options;
using static DataIp.Web.Infrastructure.SettingRules;

namespace DataIp.Web.Features.Evidence;

/// <summary>Evidence of registered data: the overlap index and the check of its settings.</summary>
internal static class EvidenceRegistration
{
    /// <summary>The evidence service and its settings (<c>DataIp:Evidence</c>).</summary>
    public static void AddEvidence(this WebApplicationBuilder builder) => builder
        .CheckSettings(SettingsProblems).Services
        .AddSingleton(sp => sp.GetRequiredService<IOptions<PlatformOptions>>().Value.Evidence).AddScoped<EvidenceService>();

    /// <summary>The <c>DataIp:Evidence</c> settings: a similarity is a number from 0 to 1.</summary>
    private static IEnumerable<string?> SettingsProblems(PlatformOptions options)
    {
        var threshold = options.Evidence.OverlapThreshold;
        yield return threshold is > 0 and <= 1 ? null
            : Invariant($"{Name("Evidence:OverlapThreshold")} is an estimated similarity above 0 and at most 1 (default 0.4); it is {threshold}.");
        yield return AtLeast(options.Evidence.OverlapLimit, 1, "Evidence:OverlapLimit");
    }
}
