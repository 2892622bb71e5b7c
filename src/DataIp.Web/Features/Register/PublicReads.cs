using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using DataIp.Domain.Calendar;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DataIp.Web.Features.Register;

/// <summary>
/// The public register's reads served from memory: an anonymous <c>GET</c> of a public resource
/// (a registration's or certificate's record, the notices, search, statistics) is answered once
/// from the database and then from this node's output cache until an act changes what it shows
/// (docs/performance.md, "The read path"; docs/operations.md, "Public read cache").
/// </summary>
/// <remarks>
/// <para>
/// Why: a read through EF Core costs about a millisecond of CPU on the host and the database
/// together, so two cores serve a few thousand such reads a second, whatever the query; an answer
/// from memory costs what the middleware costs. The register changes only by acts, and every act
/// names the application it concerns, so an answer can be kept exactly as long as it is true.
/// </para>
/// <para>
/// What evicts: each answer is tagged with what it shows: one application (<see cref="Concerns"/>)
/// or the register as a whole (lists, search, figures; the default). An act committed by this node
/// evicts its application's answers and the whole-register answers before the act's own answer
/// leaves (<see cref="PublicReadEviction"/>), so a node reads its own writes; acts committed by
/// other nodes sharing the database are read from the log every <see cref="PollInterval"/>
/// (<see cref="RegisterChangeFeed"/>), which bounds how stale another node's answers can be. An act
/// with no application (a body's settings, a calendar) evicts everything.
/// </para>
/// <para>
/// What is never kept: answers to a signed-in party or a request with credentials (they may show
/// more than the public record), answers other than 200, answers that set a cookie, and an answer
/// whose request began before an eviction it could have missed (<see cref="Generation"/>): such a
/// request may have read the database before the act committed. Answers vary by every query
/// value, by the page language and by the day in China (statuses and notice days change at
/// midnight without an act), and expire after <see cref="MaxAge"/> whatever happens.
/// </para>
/// </remarks>
public sealed class PublicReads(IOutputCacheStore store) : IDisposable
{
    /// <summary>The output-cache policy of the public reads.</summary>
    public const string Policy = "public-read";

    /// <summary>How long an answer is kept at most, evicted or not.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    /// <summary>How often the acts committed by other nodes are read.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>The tag of answers that show the register as a whole.</summary>
    internal const string RegisterTag = "register";

    /// <summary>The tag every answer carries, evicted by acts that concern no application.</summary>
    internal const string EveryTag = "every";

    // Evictions and guarded stores take turns, so that an answer is either stored before an
    // eviction (and evicted by it) or refused after it.
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly ConcurrentDictionary<long, byte> _evictedHere = new();
    private long _generation;

    /// <summary>How many evictions this node has made: an answer begun before one is not stored.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>
    /// Marks the answer being made as showing one application only, so that acts on other
    /// applications leave it in the cache. Call it from an endpoint whose answer reads nothing else
    /// that an act on another application could change.
    /// </summary>
    /// <param name="http">The request.</param>
    /// <param name="applicationId">The application the answer shows.</param>
    public static void Concerns(HttpContext http, Guid applicationId)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Features.Get<IOutputCacheFeature>()?.Context is { } cache)
        {
            cache.Tags.Remove(RegisterTag);
            cache.Tags.Add(ApplicationTag(applicationId));
        }
    }

    /// <summary>
    /// Evicts what acts this node has just committed change, and remembers their log indices so
    /// that <see cref="EvictLoggedAsync"/> does not evict for them again.
    /// </summary>
    /// <param name="acts">The committed acts.</param>
    /// <param name="cancellationToken">Cancels the eviction.</param>
    public Task EvictCommittedAsync(IReadOnlyList<Act> acts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(acts);
        foreach (var act in acts)
        {
            _evictedHere.TryAdd(act.LogIndex, 0);
        }

        return EvictAsync(acts.Select(a => a.ApplicationId), cancellationToken);
    }

    /// <summary>Evicts what acts read from the log change, unless this node evicted for them as it committed them.</summary>
    /// <param name="acts">The acts' log indices and applications.</param>
    /// <param name="cancellationToken">Cancels the eviction.</param>
    public Task EvictLoggedAsync(IEnumerable<(long LogIndex, Guid? ApplicationId)> acts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(acts);
        var others = acts.Where(a => !_evictedHere.TryRemove(a.LogIndex, out _)).Select(a => a.ApplicationId).ToList();
        return others.Count == 0 ? Task.CompletedTask : EvictAsync(others, cancellationToken);
    }

    /// <summary>Evicts what acts on these applications change (null: an act on none, which evicts everything).</summary>
    /// <param name="applications">The applications the committed acts concern.</param>
    /// <param name="cancellationToken">Cancels the eviction.</param>
    public async Task EvictAsync(IEnumerable<Guid?> applications, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(applications);
        var tags = new HashSet<string>(StringComparer.Ordinal) { RegisterTag };
        foreach (var application in applications)
        {
            tags.Add(application is { } id ? ApplicationTag(id) : EveryTag);
        }

        await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Interlocked.Increment(ref _generation);
            foreach (var tag in tags)
            {
                await store.EvictByTagAsync(tag, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>Stores an answer unless an eviction happened since its request began.</summary>
    internal async ValueTask StoreAsync(long begunAt, Func<ValueTask> set, CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (begunAt == Generation)
            {
                await set().ConfigureAwait(false);
            }
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _turn.Dispose();

    internal static string ApplicationTag(Guid applicationId) => string.Create(CultureInfo.InvariantCulture, $"application:{applicationId:N}");

    internal static string GenerationTag(long generation) => string.Create(CultureInfo.InvariantCulture, $"generation:{generation}");

    internal static bool TryReadGeneration(string tag, out long generation)
    {
        generation = 0;
        return tag.StartsWith("generation:", StringComparison.Ordinal)
            && long.TryParse(tag.AsSpan("generation:".Length), NumberStyles.None, CultureInfo.InvariantCulture, out generation);
    }
}

/// <summary>The policy of <see cref="PublicReads"/>: anonymous GETs, tagged, varied by query, language and day.</summary>
/// <remarks>
/// It reads its services from the request: the cache's options hold the policy, and the store that
/// <see cref="PublicReads"/> evicts through is built from those options.
/// </remarks>
internal sealed class PublicReadPolicy : IOutputCachePolicy
{
    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var reads = http.RequestServices.GetRequiredService<PublicReads>();
        var clock = http.RequestServices.GetRequiredService<TimeProvider>();
        var request = http.Request;
        var anonymous = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && request.Headers.Authorization.Count == 0
            && http.User.Identity?.IsAuthenticated != true;
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = anonymous;
        context.AllowCacheStorage = anonymous;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = PublicReads.MaxAge;
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.VaryByValues["day"] = ChinaTime.ToChinaDate(clock.GetUtcNow()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        context.CacheVaryByRules.VaryByValues["language"] = CultureInfo.CurrentUICulture.Name;
        context.Tags.Add(PublicReads.EveryTag);
        context.Tags.Add(PublicReads.RegisterTag);
        context.Tags.Add(PublicReads.GenerationTag(reads.Generation));
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// The output cache's store, refusing an answer whose request began before an eviction (its
/// generation tag, set by <see cref="PublicReadPolicy"/>, is not the current one).
/// </summary>
internal sealed class GuardedOutputCacheStore(IOutputCacheStore inner, PublicReads reads) : IOutputCacheStore
{
    public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) => inner.EvictByTagAsync(tag, cancellationToken);

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        long? begunAt = null;
        foreach (var tag in tags ?? [])
        {
            if (PublicReads.TryReadGeneration(tag, out var generation))
            {
                begunAt = generation;
            }
        }

        if (begunAt is not { } begun)
        {
            return inner.SetAsync(key, value, tags, validFor, cancellationToken);
        }

        var kept = tags!.Where(t => !PublicReads.TryReadGeneration(t, out _)).ToArray();
        return reads.StoreAsync(begun, () => inner.SetAsync(key, value, kept, validFor, cancellationToken), cancellationToken);
    }
}

/// <summary>
/// Evicts what a committed transaction's acts change, before the transaction's caller goes on:
/// every act is appended inside a transaction (LogAppender), which notes its application on the
/// context (<see cref="RegistryDbContext.TakeAppendedActs"/>).
/// </summary>
internal sealed class PublicReadEviction(PublicReads reads) : DbTransactionInterceptor
{
    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is RegistryDbContext db && db.TakeAppendedActs() is { Count: > 0 } acts)
        {
            reads.EvictCommittedAsync(acts, CancellationToken.None).GetAwaiter().GetResult();
        }
    }

    public override async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is RegistryDbContext db && db.TakeAppendedActs() is { Count: > 0 } acts)
        {
            // The act is committed: its eviction must happen even if the request is being cancelled.
            await reads.EvictCommittedAsync(acts, CancellationToken.None).ConfigureAwait(false);
        }
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        (eventData?.Context as RegistryDbContext)?.TakeAppendedActs();

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        (eventData?.Context as RegistryDbContext)?.TakeAppendedActs();
        return Task.CompletedTask;
    }
}

/// <summary>
/// Reads the acts committed since the last look (by log index: committed entries always form a
/// prefix of the log) every <see cref="PublicReads.PollInterval"/> and evicts what they change:
/// the acts of other nodes sharing the database (this node's own are evicted as they commit).
/// </summary>
internal sealed class RegisterChangeFeed(IServiceScopeFactory scopes, PublicReads reads, IHostApplicationLifetime lifetime, ILogger<RegisterChangeFeed> logger)
    : BackgroundService
{
    private const int Batch = 10_000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        long? next = null;
        using var timer = new PeriodicTimer(PublicReads.PollInterval);
        try
        {
            // Once the node has started: the database is migrated by then (DatabaseInitializer).
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
            using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
            {
                await started.Task.ConfigureAwait(false);
            }

            do
            {
                try
                {
                    next = await ReadAsync(next, stoppingToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Couldn't read the acts committed since log index {Next}; trying again.", next);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    // The first read only learns where the log ends: answers cached before this node started do not exist.
    private async Task<long> ReadAsync(long? next, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        if (next is not { } from)
        {
            return await db.Acts.MaxAsync(a => (long?)a.LogIndex, cancellationToken).ConfigureAwait(false) + 1 ?? 0;
        }

        while (true)
        {
            var acts = await db.Acts.AsNoTracking().Where(a => a.LogIndex >= from).OrderBy(a => a.LogIndex).Take(Batch)
                .Select(a => new { a.LogIndex, a.ApplicationId }).ToListAsync(cancellationToken).ConfigureAwait(false);
            if (acts.Count == 0)
            {
                return from;
            }

            await reads.EvictLoggedAsync(acts.Select(a => (a.LogIndex, a.ApplicationId)), cancellationToken).ConfigureAwait(false);
            from = acts[^1].LogIndex + 1;
        }
    }
}

/// <summary>Adds the public read cache.</summary>
internal static class PublicReadsRegistration
{
    /// <summary>The most memory the cached answers take on one node.</summary>
    public const long SizeLimit = 256L << 20;

    /// <summary>The largest answer kept (the notices list holds up to 500 notices).</summary>
    public const long MaximumBodySize = 4L << 20;

    public static void AddPublicReads(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOutputCache(o =>
        {
            o.SizeLimit = SizeLimit;
            o.MaximumBodySize = MaximumBodySize;
            o.UseCaseSensitivePaths = true;
            o.DefaultExpirationTimeSpan = PublicReads.MaxAge;
            o.AddPolicy(PublicReads.Policy, new PublicReadPolicy());
        });

        // The default in-memory store, guarded (GuardedOutputCacheStore); PublicReads evicts through the unguarded one.
        var original = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        services.Remove(original);
        services.AddKeyedSingleton(typeof(IOutputCacheStore), PublicReads.Policy, (sp, _) =>
            original.ImplementationFactory?.Invoke(sp) ?? original.ImplementationInstance ?? ActivatorUtilities.CreateInstance(sp, original.ImplementationType!));
        services.AddSingleton(sp => new PublicReads(sp.GetRequiredKeyedService<IOutputCacheStore>(PublicReads.Policy)));
        services.AddSingleton<IOutputCacheStore>(sp => new GuardedOutputCacheStore(sp.GetRequiredKeyedService<IOutputCacheStore>(PublicReads.Policy), sp.GetRequiredService<PublicReads>()));
        services.AddSingleton<IInterceptor, PublicReadEviction>();
        services.AddHostedService<RegisterChangeFeed>();
    }
}
