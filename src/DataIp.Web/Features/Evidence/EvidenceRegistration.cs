using Microsoft.Extensions.Options;

namespace DataIp.Web.Features.Evidence;

/// <summary>Evidence of registered data: the overlap index and the check of its settings.</summary>
internal static class EvidenceRegistration
{
    /// <summary>The evidence service and its settings (<c>DataIp:Evidence</c>).</summary>
    public static void AddEvidence(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<PlatformOptions>>().Value.Evidence);
        builder.Services.AddScoped<EvidenceService>();
        builder.AddSettingsCheck<EvidenceSettings>();
    }
}

/// <summary>The <c>DataIp:Evidence</c> settings: a similarity is a number from 0 to 1.</summary>
internal sealed class EvidenceSettings : SettingsCheck
{
    /// <inheritdoc />
    protected override IEnumerable<string?> Problems(PlatformOptions options)
    {
        var threshold = options.Evidence.OverlapThreshold;
        yield return threshold is > 0 and <= 1 ? null
            : Invariant($"{Name("Evidence:OverlapThreshold")} is an estimated similarity above 0 and at most 1 (default 0.4); it is {threshold}.");
        yield return AtLeast(options.Evidence.OverlapLimit, 1, "Evidence:OverlapLimit");
    }
}
