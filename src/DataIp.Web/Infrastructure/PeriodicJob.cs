using Microsoft.Extensions.Options;

namespace DataIp.Web.Infrastructure;

/// <summary>
/// A background job that runs one step at once and then at every interval of the platform's clock,
/// if its setting enables it. A failed step (the database busy or unreachable) is logged and tried
/// again at the next tick: what it stored is committed. A failure the job must not go on from
/// (<see cref="IsFatal"/>) stops it for good, logged as critical.
/// </summary>
internal abstract class PeriodicJob(IOptions<PlatformOptions> options, TimeProvider clock, ILogger logger) : BackgroundService
{
    /// <summary>Whether the settings let this node run the job.</summary>
    protected abstract bool IsEnabled(PlatformOptions settings);

    /// <summary>The time between two steps.</summary>
    protected abstract TimeSpan Interval(PlatformOptions settings);

    /// <summary>What failed, for the log: "Couldn't …".</summary>
    protected abstract string Failure { get; }

    /// <summary>One step of the job.</summary>
    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    /// <summary>True for a failure after which the job must stop rather than try again.</summary>
    protected virtual bool IsFatal(Exception exception) => false;

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!IsEnabled(settings))
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval(settings), clock);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (IsFatal(e))
            {
                logger.LogCritical(e, "{Job} stopped: {Message}", GetType().Name, e.Message);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "{Failure}; retrying at the next interval.", Failure);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
