using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace DataIp.Web.Tests.Infrastructure;

/// <summary>
/// A logger provider that keeps every entry the platform logs, after the platform's own filters
/// (appsettings and code), i.e. what its console would show. Thread-safe.
/// </summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<LogLine> _lines = new();

    /// <summary>Everything logged so far, in order.</summary>
    public IReadOnlyList<LogLine> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<LogLine> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue(new LogLine(category, logLevel, eventId, formatter(state, exception)));
    }
}

/// <summary>One log entry.</summary>
/// <param name="Category">The logger's category (usually the class that logged).</param>
/// <param name="Level">Its level.</param>
/// <param name="EventId">Its event id.</param>
/// <param name="Message">The formatted message.</param>
public sealed record LogLine(string Category, LogLevel Level, EventId EventId, string Message)
{
    public override string ToString() => $"{Level} {Category}[{EventId.Id}]: {Message}";
}
