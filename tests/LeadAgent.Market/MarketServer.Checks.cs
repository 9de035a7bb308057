namespace LeadAgent.Market;

public sealed partial class MarketServer
{
    /// <summary>Requests to market hosts (not the search APIs, not CONNECT), optionally for one host.</summary>
    public IReadOnlyList<MarketRequest> SiteRequests(string? host = null) => [.. Requests.Where(r =>
        Market.Sites.ContainsKey(r.Host) && (host is null || r.Host == host) && r.Method != "CONNECT")];

    /// <summary>Fetches robots.txt did not allow the LeadAgent token (robots.txt itself is always allowed).</summary>
    public IReadOnlyList<MarketRequest> Forbidden() =>
        [.. SiteRequests().Where(r => !Market.IsAllowed(r.Host, r.PathAndQuery))];

    /// <summary>The shortest time between the starts of two requests to the host; null with fewer than two.</summary>
    public TimeSpan? MinimumGap(string host)
    {
        var starts = SiteRequests(host).Select(r => r.Started).Order().ToList();
        return starts.Count < 2 ? null : starts.Zip(starts.Skip(1), (a, b) => b - a).Min();
    }

    /// <summary>The most requests to the host that were in flight at once.</summary>
    public int MaxConcurrent(string host)
    {
        var edges = SiteRequests(host).SelectMany(r => new[] { (At: r.Started, Step: 1),
            (At: r.Started + r.Duration, Step: -1) }).OrderBy(e => e.At).ThenBy(e => e.Step).ToList();
        int current = 0, max = 0;
        foreach (var (_, step) in edges)
        {
            current += step;
            max = Math.Max(max, current);
        }
        return max;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }
}
