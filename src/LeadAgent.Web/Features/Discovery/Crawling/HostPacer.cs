using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace LeadAgent.Web.Features.Discovery.Crawling;

/// <summary>
/// Crawl politeness: one request at a time per host, at least <c>MinDelaySeconds</c> apart (or the host's
/// Crawl-delay when longer), a host's <c>Retry-After</c> (429, 503) honoured, and at most <c>MaxConcurrency</c>
/// fetches over all hosts. A host waits for its turn before it takes a global slot, so waiting hosts never hold up
/// others. Time comes from the <see cref="TimeProvider"/> (tests move it by hand).
/// </summary>
public sealed class HostPacer(IOptions<CrawlOptions> options, TimeProvider time)
{
    private readonly CrawlOptions _options = options.Value;
    private readonly SemaphoreSlim _global = new(options.Value.MaxConcurrency);
    private readonly ConcurrentDictionary<string, Host> _hosts = new();

    /// <summary>Whether a Crawl-delay is too long to honour, so the host is skipped.</summary>
    public bool IsAbsurd(TimeSpan? crawlDelay) => crawlDelay?.TotalSeconds > _options.MaxCrawlDelaySeconds;

    /// <summary>Runs a fetch of <paramref name="url"/> when its host's turn comes.</summary>
    public async Task<T> RunAsync<T>(Uri url, TimeSpan? crawlDelay, Func<CancellationToken, Task<T>> fetch,
        CancellationToken ct)
    {
        var host = _hosts.GetOrAdd(Key(url), _ => new Host());
        await host.Turn.WaitAsync(ct);
        try
        {
            // A back-off may arrive while this request waits, even after it took a global slot: look again.
            while (true)
            {
                var wait = host.Next - time.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, ct);
                }
                await _global.WaitAsync(ct);
                if (host.Next <= time.GetUtcNow())
                {
                    break;
                }
                _global.Release();
            }
            try
            {
                return await fetch(ct);
            }
            finally
            {
                _global.Release();
                var gap = TimeSpan.FromSeconds(Math.Max(_options.MinDelaySeconds, crawlDelay?.TotalSeconds ?? 0));
                host.NotBefore(time.GetUtcNow() + gap);
            }
        }
        finally
        {
            host.Turn.Release();
        }
    }

    /// <summary>
    /// The host asked to wait (429 or 503 with <c>Retry-After</c>); false when the wait is longer than
    /// <c>MaxRetryAfterSeconds</c>, so the caller gives the host up.
    /// </summary>
    public bool BackOff(Uri url, TimeSpan retryAfter)
    {
        if (retryAfter.TotalSeconds > _options.MaxRetryAfterSeconds)
        {
            return false;
        }
        var host = _hosts.GetOrAdd(Key(url), _ => new Host());
        host.NotBefore(time.GetUtcNow() + retryAfter);
        return true;
    }

    // One host whatever the scheme or port: http and https of a site are one server to be polite to.
    private static string Key(Uri url) => url.IdnHost.TrimEnd('.').ToLowerInvariant();

    private sealed class Host
    {
        private readonly Lock _lock = new();
        private DateTimeOffset _next = DateTimeOffset.MinValue;

        public SemaphoreSlim Turn { get; } = new(1);

        /// <summary>When the next request may go (a back-off may move it while a fetch runs).</summary>
        public DateTimeOffset Next
        {
            get
            {
                lock (_lock)
                {
                    return _next;
                }
            }
        }

        public void NotBefore(DateTimeOffset at)
        {
            lock (_lock)
            {
                _next = at > _next ? at : _next;
            }
        }
    }
}
