using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace DataIp.Data.TransparencyLog;

/// <summary>
/// The log's writes that bypass EF Core's command pipeline (so its interceptors never see them), in
/// the order a save takes them. On SQLite each row is its own step (one <c>sqlite3_step</c> of the
/// prepared statement); on PostgreSQL each statement is one.
/// </summary>
internal enum LogWriteStep
{
    /// <summary>The block of log indices taken from the <c>log</c> serial (<see cref="PendingLogEntries"/>).</summary>
    ReserveIndices,

    /// <summary>PostgreSQL only: the acts' sequence numbers drawn from their identity.</summary>
    DrawActSequences,

    /// <summary>An act row (SQLite) or the acts' <c>unnest</c> INSERT (PostgreSQL).</summary>
    InsertActs,

    /// <summary>An entry row (SQLite) or the entries' <c>unnest</c> INSERT (PostgreSQL).</summary>
    InsertEntries,

    /// <summary>A tree node row (SQLite) or the nodes' <c>unnest</c> INSERT (PostgreSQL), when the sequencer integrates.</summary>
    InsertNodes,
}

/// <summary>
/// A test seam: told before each of the log's hand-written writes, it may throw to fail that write
/// as if the process died there (the crash tests). It reaches a context the way EF Core
/// interceptors do, registered as an <see cref="IInterceptor"/> service
/// (<see cref="RegistryDatabase.AddRegistryDatabase"/>), so each context has its own and nothing is
/// global. Production registers none, and the writes then pay one lookup per save.
/// </summary>
internal interface ILogWriteInterceptor : IInterceptor
{
    /// <summary>Called before <paramref name="step"/> runs, inside the transaction that runs it.</summary>
    /// <param name="step">The write about to run.</param>
    void Writing(LogWriteStep step);
}

/// <summary>The <see cref="ILogWriteInterceptor"/>s of one context, told of each step in turn.</summary>
internal readonly struct LogWriteFaults
{
    private readonly ILogWriteInterceptor[] _interceptors;

    private LogWriteFaults(ILogWriteInterceptor[] interceptors) => _interceptors = interceptors;

    /// <summary>The interceptors registered on <paramref name="db"/>'s options; usually none.</summary>
    public static LogWriteFaults Of(DbContext db) =>
        new(db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?.OfType<ILogWriteInterceptor>().ToArray() ?? []);

    /// <summary>Tells every interceptor that <paramref name="step"/> is about to run; an exception fails the step.</summary>
    public void Before(LogWriteStep step)
    {
        foreach (var interceptor in _interceptors ?? [])
        {
            interceptor.Writing(step);
        }
    }
}
