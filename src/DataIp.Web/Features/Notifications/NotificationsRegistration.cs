using Microsoft.Extensions.Options;
using static DataIp.Web.Infrastructure.SettingRules;

namespace DataIp.Web.Features.Notifications;

/// <summary>Notifications and webhooks: the notifier acts call, the dispatcher, its job and its HTTP client.</summary>
internal static class NotificationsRegistration
{
    /// <summary>The notification services and the check of the webhook settings.</summary>
    /// <remarks>
    /// The allow-list (<c>DataIp:Webhooks:AllowedPrivateNetworks</c>) is read when the node starts
    /// (<see cref="WebhookAddressPolicy.From"/>); a malformed entry stops it with its own message.
    /// </remarks>
    public static void AddNotifications(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<Notifier>();
        builder.Services.AddSingleton<WebhookDispatcher>();
        builder.Services.AddHostedService<WebhookDispatchJob>();
        builder.Services.AddSingleton<IHostResolver, SystemHostResolver>();
        builder.Services.AddSingleton<ISocketDialer, SocketDialer>();
        builder.Services.AddSingleton(sp => WebhookAddressPolicy.From(sp.GetRequiredService<IOptions<PlatformOptions>>().Value.Webhooks));
        builder.Services.AddSingleton(sp => new WebhookReceiverCheck(
            sp.GetRequiredService<IHostResolver>(),
            sp.GetRequiredService<WebhookAddressPolicy>(),
            sp.GetRequiredService<IOptions<PlatformOptions>>().Value.Webhooks.AllowPlainHttp || sp.GetRequiredService<IHostEnvironment>().IsDevelopment(),
            sp.GetRequiredService<ILogger<WebhookReceiverCheck>>()));
        builder.Services.AddSingleton<WebhookConnector>();
        builder.Services.AddHttpClient(WebhookDispatcher.HttpClientName, (sp, client) =>
                client.Timeout = sp.GetRequiredService<IOptions<PlatformOptions>>().Value.Webhooks.Timeout)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                // A redirect is a failed attempt: the subscription names the receiver.
                AllowAutoRedirect = false,
                // Every connection goes straight to an address the connector resolved itself.
                UseProxy = false,
                ConnectCallback = sp.GetRequiredService<WebhookConnector>().ConnectAsync,
            });
        builder.CheckSettings(SettingsProblems);
    }

    /// <summary>
    /// The <c>DataIp:Webhooks</c> settings checked before start: the dispatcher's intervals,
    /// retries and concurrency.
    /// </summary>
    private static IEnumerable<string?> SettingsProblems(PlatformOptions options)
    {
        var webhooks = options.Webhooks;
        yield return Positive(webhooks.PollInterval, "Webhooks:PollInterval");
        yield return Positive(webhooks.Timeout, "Webhooks:Timeout");
        yield return Positive(webhooks.Lease, "Webhooks:Lease");
        yield return AtLeast(webhooks.MaxConcurrency, 1, "Webhooks:MaxConcurrency");
        for (var i = 0; i < (webhooks.RetryDelays?.Count ?? 0); i++)
        {
            yield return webhooks.RetryDelays![i] >= TimeSpan.Zero ? null
                : Invariant($"{Name($"Webhooks:RetryDelays:{i}")} is a delay before a retry, zero or more; it is {webhooks.RetryDelays[i]}.");
        }
    }
}
