using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace DataIp.Web.Tests.Infrastructure;

/// <summary>
/// Keeps every message the platform logs, as the console would print it, so that a test can read
/// what a node says at start: <c>configure: b =&gt; b.ConfigureLogging(l =&gt; l.AddProvider(collector))</c>.
/// </summary>
public sealed class LogCollector : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Category, string Message)> _entries = new();

    /// <summary>Everything logged so far, in order.</summary>
    public IReadOnlyList<(LogLevel Level, string Category, string Message)> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogCollector collector, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                collector._entries.Enqueue((logLevel, category, formatter(state, exception)));
            }
        }
    }
}
