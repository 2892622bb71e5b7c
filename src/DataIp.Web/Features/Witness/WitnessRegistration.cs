using Microsoft.Extensions.Options;
using static DataIp.Web.Infrastructure.SettingRules;

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
        builder.Services.AddSingleton<WitnessKeys>();
        builder.Services.AddSingleton<CosignatureCollector>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CosignatureCollector>());
        builder.Services.AddHttpClient(CosignatureCollector.HttpClientName, (sp, client) =>
        {
            client.Timeout = sp.GetRequiredService<IOptions<PlatformOptions>>().Value.Witness.CosignerTimeout;
            client.MaxResponseContentBufferSize = WitnessEndpoints.MaxBodyBytes;
        });
        builder.CheckSettings(o => [Positive(o.Witness.CosignerTimeout, "Witness:CosignerTimeout")]);
    }
}
