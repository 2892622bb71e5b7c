using Microsoft.Extensions.Options;

namespace DataIp.Web.Features.Applications;

/// <summary>
/// The platform's own acts on deadlines: registers applications whose notice period ended with no
/// open objection, and withdraws those whose correction deadline passed unanswered. Each is an
/// ordinary lifecycle act by the system, decided by the same table as an examiner's.
/// </summary>
public sealed class LifecycleSweeper(IServiceScopeFactory scopes, TimeProvider clock, ILogger<LifecycleSweeper> logger)
{
    /// <summary>Runs one sweep and returns how many acts it stored.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        List<Guid> ended, lapsed, expired;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            ended = await db.Applications.Where(a => a.State == ApplicationState.PublicNotice && a.NoticeEndsAt <= now)
                .Select(a => a.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
            lapsed = await db.Applications.Where(a => a.State == ApplicationState.CorrectionRequested && a.CorrectionDeadline <= now)
                .Select(a => a.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
            var today = DataIp.Domain.Calendar.ChinaTime.ToChinaDate(now);
            expired = await db.Applications.Where(a => a.State == ApplicationState.Registered && a.ValidUntil < today)
                .Select(a => a.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        }

        var done = 0;
        foreach (var id in ended)
        {
            done += await ActAsync(id, new Examination.Register(), null, cancellationToken).ConfigureAwait(false);
        }

        foreach (var id in lapsed)
        {
            done += await ActAsync(id, new LapseCorrection(), LapseCorrection.Reason, cancellationToken).ConfigureAwait(false);
        }

        foreach (var id in expired)
        {
            done += await ActAsync(id, new Rights.Expire(), Rights.Expire.Reason, cancellationToken).ConfigureAwait(false);
        }

        return done;
    }

    // Each act in its own scope and transaction: one refusal (e.g. an examiner acted first) does
    // not hold up the others.
    private async Task<int> ActAsync(Guid id, Acts.IActUseCase act, string? reason, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<Acts.ActPipeline>().RunAsync(id, Acts.ActingParty.System, act, reason, cancellationToken)
                .ConfigureAwait(false);
            if (!outcome.Succeeded)
            {
                logger.LogInformation("Lifecycle sweep left application {Id} as it is: {Detail}", id, outcome.Detail);
            }

            return outcome.Succeeded ? 1 : 0;
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogInformation("Lifecycle sweep: application {Id} changed meanwhile; the next sweep looks again.", id);
            return 0;
        }
    }
}

/// <summary>Runs the <see cref="LifecycleSweeper"/> every <see cref="PlatformOptions.LifecycleSweepInterval"/>.</summary>
internal sealed class LifecycleJob(LifecycleSweeper sweeper, IOptions<PlatformOptions> options, TimeProvider clock, ILogger<LifecycleJob> logger)
    : PeriodicJob(options, clock, logger)
{
    protected override string Failure => "Couldn't complete the lifecycle sweep";

    protected override bool IsEnabled(PlatformOptions settings) => settings.RunLifecycleJob;

    protected override TimeSpan Interval(PlatformOptions settings) => settings.LifecycleSweepInterval;

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => sweeper.RunOnceAsync(cancellationToken);
}
