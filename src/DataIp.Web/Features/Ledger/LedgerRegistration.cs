using DataIp.Crypto;
using static DataIp.Web.Infrastructure.SettingRules;

namespace DataIp.Web.Features.Ledger;

/// <summary>The public log: its keys, the sequencer and its background job.</summary>
internal static class LedgerRegistration
{
    /// <summary>The log's services and the check of their settings.</summary>
    public static void AddLedger(this WebApplicationBuilder builder) => builder
        .CheckSettings(SettingsProblems).Services
        .AddSingleton<LogSigningKeys>().AddSingleton<LogSequencer>().AddHostedService<LogSequencerJob>();

    /// <summary>
    /// The log's settings: its origin names its keys, and the sequencer publishes at a positive
    /// interval.
    /// </summary>
    private static IEnumerable<string?> SettingsProblems(PlatformOptions options)
    {
        yield return NoteKeyName.IsValid(options.LogOrigin) ? null
            : $"{Name(nameof(PlatformOptions.LogOrigin))} '{options.LogOrigin}' is not a valid key name: non-empty, no spaces, no '+'.";
        yield return Positive(options.LogPublishInterval, nameof(PlatformOptions.LogPublishInterval));
    }
}
