using Microsoft.Extensions.Options;

namespace DataIp.Web.Features.Witness;

/// <summary>
/// The node as a witness (its key and the logs it witnesses) and as a log asking other witnesses
/// for cosignatures (the collector and its HTTP client).
/// </summary>
internal static class WitnessRegistration
{
    /// <summary>The witness's services and the check of their settings.</summary>
    /// <remarks>
    /// The witnessed logs, the witness's name and the cosigners are read when the node starts
    /// (<see cref="WitnessKeys"/>, <see cref="CosignatureCollector"/>), and a bad one stops it with
    /// its own message naming the setting.
    /// </remarks>
    public static void AddWitness(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<WitnessKeys>();
        builder.Services.AddSingleton<CosignatureCollector>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CosignatureCollector>());
        builder.Services.AddHttpClient(CosignatureCollector.HttpClientName, (sp, client) =>
        {
            client.Timeout = sp.GetRequiredService<IOptions<PlatformOptions>>().Value.Witness.CosignerTimeout;
            client.MaxResponseContentBufferSize = WitnessEndpoints.MaxBodyBytes;
        });
        builder.AddSettingsCheck<WitnessSettings>();
    }
}

/// <summary>The <c>DataIp:Witness</c> settings checked before start.</summary>
internal sealed class WitnessSettings : SettingsCheck
{
    /// <inheritdoc />
    protected override IEnumerable<string?> Problems(PlatformOptions options)
    {
        yield return Positive(options.Witness.CosignerTimeout, "Witness:CosignerTimeout");
    }
}
