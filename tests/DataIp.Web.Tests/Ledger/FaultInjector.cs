using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DataIp.Web.Tests.Ledger;

/// <summary>
/// A database that fails on cue: every write command and every commit is a numbered step, and the
/// step <see cref="FailAt"/> throws <see cref="InjectedFaultException"/> instead of running, as if the
/// process died there.
/// </summary>
public sealed class FaultInjector : DbCommandInterceptor, IDbTransactionInterceptor
{
    private int _steps;

    /// <summary>The step that fails; -1 for none.</summary>
    public int FailAt { get; set; } = -1;

    /// <summary>Write steps seen so far.</summary>
    public int Steps => _steps;

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Step(command.CommandText);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Step(command.CommandText);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Step(command.CommandText);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    public ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Step("COMMIT");
        return ValueTask.FromResult(result);
    }

    private void Step(string sql)
    {
        var text = sql.TrimStart();
        var write = text.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase) || text.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase) || text == "COMMIT";
        if (write && Interlocked.Increment(ref _steps) - 1 == FailAt)
        {
            throw new InjectedFaultException($"Injected failure at write step {FailAt}: {text[..Math.Min(60, text.Length)]}");
        }
    }
}

/// <summary>The failure <see cref="FaultInjector"/> throws.</summary>
public sealed class InjectedFaultException(string message) : Exception(message);
