namespace LeadAgent.Market;

/// <summary>
/// A host's robots.txt as it applies to the crawler's product token (<c>LeadAgent</c>): the rules of the group the
/// RFC 9309 matching picks (the <c>LeadAgent</c> group if there is one, else <c>*</c>), its Crawl-delay, and how the
/// file is answered. Used to check a crawl afterwards: <see cref="IsAllowed"/> says whether a fetch was permitted.
/// </summary>
public sealed class HostRobots
{
    /// <summary>No robots.txt (404): everything may be fetched.</summary>
    /// <summary>One Allow or Disallow line of the group that applies to the crawler.</summary>
    public sealed record Rule(bool Allow, string Pattern);

    public static HostRobots None { get; } = new() { Status = 404, Text = null, Rules = [] };

    /// <summary>200, or 404 (none), or 5xx (unreachable: the RFC says assume everything is disallowed).</summary>
    public required int Status { get; init; }
    public required string? Text { get; init; }
    public required IReadOnlyList<Rule> Rules { get; init; }
    public TimeSpan? CrawlDelay { get; init; }

    /// <summary>The Disallow patterns that apply to the crawler (<c>/</c> when everything is off limits).</summary>
    public IReadOnlyList<string> DisallowedPaths => [.. Rules.Where(r => !r.Allow).Select(r => r.Pattern)];

    /// <summary>Longest match wins, Allow wins a tie; <c>*</c> is any run, a final <c>$</c> the end.</summary>
    public bool IsAllowed(string pathAndQuery)
    {
        if (pathAndQuery == "/robots.txt")
        {
            return true;
        }
        Rule? best = null;
        foreach (var rule in Rules.Where(r => Matches(r.Pattern, pathAndQuery)))
        {
            if (best is null || rule.Pattern.Length > best.Pattern.Length
                || (rule.Pattern.Length == best.Pattern.Length && rule.Allow))
            {
                best = rule;
            }
        }
        return best?.Allow ?? true;
    }

    private static bool Matches(string pattern, string path)
    {
        if (pattern.Length == 0)
        {
            return false;
        }
        var anchored = pattern.EndsWith('$');
        var parts = (anchored ? pattern[..^1] : pattern).Split('*');
        if (!path.StartsWith(parts[0], StringComparison.Ordinal))
        {
            return false;
        }
        var at = parts[0].Length;
        for (var i = 1; i < parts.Length; i++)
        {
            // The last piece of an anchored pattern must sit at the very end.
            var found = anchored && i == parts.Length - 1
                ? (path.Length - parts[i].Length >= at && path.EndsWith(parts[i], StringComparison.Ordinal)
                    ? path.Length - parts[i].Length : -1)
                : path.IndexOf(parts[i], at, StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }
            at = found + parts[i].Length;
        }
        return !anchored || at == path.Length;
    }
}
