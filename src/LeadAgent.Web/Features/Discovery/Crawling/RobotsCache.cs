using System.Collections.Concurrent;

namespace LeadAgent.Web.Features.Discovery.Crawling;

/// <summary>
/// Each site's robots.txt (per scheme, host and port), fetched once and kept for <see cref="Lifetime"/>: a file that
/// is there is parsed for <see cref="PageFetcher.ProductToken"/>; one that is unavailable (4xx) allows everything;
/// one that is unreachable (5xx, timeout, no connection, refused) disallows everything (RFC 9309 2.3.1).
/// </summary>
public sealed class RobotsCache(PageFetcher fetcher, TimeProvider time)
{
    /// <summary>How long a robots.txt is trusted; the RFC asks for at most 24 hours.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// <summary>How long an unreachable robots.txt (so: disallow all) is kept before it is asked for again.</summary>
    public static readonly TimeSpan FailureLifetime = TimeSpan.FromMinutes(30);
    private const int PruneAbove = 10_000;

    private readonly ConcurrentDictionary<string, Lazy<Task<Cached>>> _sites = new();

    /// <summary>The site's rules; callers asking for a site at the same time share one fetch.</summary>
    public async Task<RobotsTxt> ForAsync(Uri page, CancellationToken ct)
    {
        var origin = page.GetLeftPart(UriPartial.Authority);
        while (true)
        {
            var entry = _sites.GetOrAdd(origin, o => new Lazy<Task<Cached>>(() => FetchAsync(o)));
            var task = entry.Value;
            if (task.IsCompletedSuccessfully && task.Result.Expires <= time.GetUtcNow())
            {
                _sites.TryRemove(KeyValuePair.Create(origin, entry));
                continue;
            }
            return (await task.WaitAsync(ct)).Robots;
        }
    }

    // Not cancelled by the first caller: others may be waiting for it (the fetch has its own time limit).
    private async Task<Cached> FetchAsync(string origin)
    {
        var result = await fetcher.FetchAsync(new Uri(origin + "/robots.txt"), FetchKind.Robots,
            CancellationToken.None);
        var robots = result.Outcome switch
        {
            FetchOutcome.Fetched => RobotsTxt.Parse(result.Body, PageFetcher.ProductToken),
            // 429 is a busy server, not a missing file: like 5xx (as Google reads it).
            FetchOutcome.HttpError when result.Status is >= 400 and < 500 and not 429 => RobotsTxt.AllowAll,
            _ => RobotsTxt.DisallowAll,
        };
        var now = time.GetUtcNow();
        if (_sites.Count > PruneAbove)
        {
            foreach (var old in _sites.Where(s => s.Value.IsValueCreated && s.Value.Value.IsCompletedSuccessfully
                && s.Value.Value.Result.Expires <= now).ToList())
            {
                _sites.TryRemove(old);
            }
        }
        var unreachable = ReferenceEquals(robots, RobotsTxt.DisallowAll);
        return new Cached(robots, now + (unreachable ? FailureLifetime : Lifetime));
    }

    private sealed record Cached(RobotsTxt Robots, DateTimeOffset Expires);

    /// <summary>Whether robots.txt lets the crawler fetch this page.</summary>
    public async Task<bool> AllowsAsync(Uri page, CancellationToken ct) =>
        (await ForAsync(page, ct)).IsAllowed(page.PathAndQuery);
}
