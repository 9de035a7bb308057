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

    private readonly ConcurrentDictionary<string, (RobotsTxt Robots, DateTimeOffset Expires)> _sites = new();

    public async Task<RobotsTxt> ForAsync(Uri page, CancellationToken ct)
    {
        var origin = page.GetLeftPart(UriPartial.Authority);
        var now = time.GetUtcNow();
        if (_sites.TryGetValue(origin, out var cached) && cached.Expires > now)
        {
            return cached.Robots;
        }
        var result = await fetcher.FetchAsync(new Uri(origin + "/robots.txt"), FetchKind.Robots, ct);
        var robots = result.Outcome switch
        {
            FetchOutcome.Fetched => RobotsTxt.Parse(result.Body, PageFetcher.ProductToken),
            // 429 is a busy server, not a missing file: like 5xx (as Google reads it).
            FetchOutcome.HttpError when result.Status is >= 400 and < 500 and not 429 => RobotsTxt.AllowAll,
            _ => RobotsTxt.DisallowAll,
        };
        if (_sites.Count > PruneAbove)
        {
            foreach (var old in _sites.Where(s => s.Value.Expires <= now).Select(s => s.Key).ToList())
            {
                _sites.TryRemove(old, out _);
            }
        }
        var unreachable = ReferenceEquals(robots, RobotsTxt.DisallowAll);
        _sites[origin] = (robots, now + (unreachable ? FailureLifetime : Lifetime));
        return robots;
    }

    /// <summary>Whether robots.txt lets the crawler fetch this page.</summary>
    public async Task<bool> AllowsAsync(Uri page, CancellationToken ct) =>
        (await ForAsync(page, ct)).IsAllowed(page.PathAndQuery);
}
