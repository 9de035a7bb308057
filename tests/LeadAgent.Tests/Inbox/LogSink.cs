using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace LeadAgent.Tests.Inbox;

/// <summary>Keeps what the app logs (every level), so a test can show that a request logged no error.</summary>
public sealed class LogSink : ILoggerProvider
{
    public sealed record Entry(long Seq, string Category, LogLevel Level, EventId EventId, string Message,
        Exception? Exception);

    private long _seq;

    public ConcurrentQueue<Entry> Entries { get; } = new();

    /// <summary>The sequence number the next entry gets: entries from now on have it or a higher one.</summary>
    public long Mark => Interlocked.Read(ref _seq) + 1;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogSink sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter) =>
            sink.Entries.Enqueue(new Entry(Interlocked.Increment(ref sink._seq), category, logLevel, eventId,
                formatter(state, exception), exception));
    }
}
