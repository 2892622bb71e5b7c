using System.Data.Common;
using DataIp.Data.TransparencyLog;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DataIp.Web.Tests.Ledger;

/// <summary>
/// A database that fails on cue: every write is a named step, and the step armed with
/// <see cref="FailOnce"/> throws <see cref="InjectedFaultException"/> instead of running, as if the
/// process died there. Two kinds of write are steps, in the order they run:
/// <list type="bullet">
/// <item>the log's hand-written writes, which bypass EF (the serial reservation, the acts' sequence
/// draw, act, entry and node inserts through SQLite's C API or PostgreSQL's <c>unnest</c>), through
/// the data layer's <see cref="ILogWriteInterceptor"/> seam, named "log: &lt;step&gt;";</item>
/// <item>EF's own write commands and commits, through its interceptors, named by their SQL.</item>
/// </list>
/// The reservation also runs as an EF command; it is counted once, by the seam.
/// </summary>
public sealed class FaultInjector : DbCommandInterceptor, IDbTransactionInterceptor, ILogWriteInterceptor
{
    private readonly List<string> _steps = [];
    private readonly Lock _gate = new();
    private string? _armed;
    private int _countdown;

    /// <summary>Write steps seen so far.</summary>
    public int Steps
    {
        get
        {
            lock (_gate)
            {
                return _steps.Count;
            }
        }
    }

    /// <summary>The name of the step that failed last, or null.</summary>
    public string? Failed { get; private set; }

    /// <summary>Fails the <paramref name="occurrence"/>-th step named <paramref name="name"/> from now on (1 for the next), once.</summary>
    public void FailOnce(string name, int occurrence)
    {
        lock (_gate)
        {
            (_armed, _countdown, Failed) = (name, occurrence, null);
        }
    }

    /// <summary>Fails nothing more.</summary>
    public void Disarm()
    {
        lock (_gate)
        {
            _armed = null;
        }
    }

    /// <summary>The names of the steps from <paramref name="first"/> on.</summary>
    public IReadOnlyList<string> NamesFrom(int first)
    {
        lock (_gate)
        {
            return [.. _steps.Skip(first)];
        }
    }

    void ILogWriteInterceptor.Writing(LogWriteStep step) => Step($"log: {step}");

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Command(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Command(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Command(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Command(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Command(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Command(command);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        Step("COMMIT");
        return result;
    }

    public ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Step("COMMIT");
        return ValueTask.FromResult(result);
    }

    // A write command, named by its first words ("INSERT INTO "Applications""); reads are not steps.
    private void Command(DbCommand command)
    {
        var text = command.CommandText.TrimStart();
        var write = text.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase) || text.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase);
        if (write && !text.Contains("\"SerialCounters\"", StringComparison.Ordinal))
        {
            Step(string.Join(' ', text.Split([' ', '\n', '\r', '\t'], 4, StringSplitOptions.RemoveEmptyEntries).Take(3)));
        }
    }

    private void Step(string name)
    {
        lock (_gate)
        {
            _steps.Add(name);
            if (_armed != name || --_countdown > 0)
            {
                return;
            }

            (_armed, Failed) = (null, name);
        }

        throw new InjectedFaultException($"Injected failure at write step {Steps - 1}: {name}");
    }
}

/// <summary>The failure <see cref="FaultInjector"/> throws.</summary>
public sealed class InjectedFaultException(string message) : Exception(message);
