using System.Globalization;
using System.Text;

namespace LeadAgent.Web.Features.Discovery.Crawling;

/// <summary>
/// The rules of a robots.txt (RFC 9309) that apply to one product token: the groups naming the token
/// (case-insensitive, merged), else those for <c>*</c>; the longest matching rule decides and Allow wins a tie;
/// <c>*</c> matches any run of characters and a final <c>$</c> the end of the path. <c>Crawl-delay</c> (not in the
/// RFC, honoured by Bing and Yandex) is kept for the group used, <c>Sitemap</c> lines for the file. Only the first
/// 512,000 bytes are read.
/// </summary>
public sealed class RobotsTxt
{
    /// <summary>The RFC's minimum a parser must read; the rest is ignored.</summary>
    public const int MaxBytes = 512_000;

    private readonly List<RobotsRule> _rules;

    private RobotsTxt(List<RobotsRule> rules, TimeSpan? crawlDelay, List<string> sitemaps)
    {
        _rules = rules;
        CrawlDelay = crawlDelay;
        Sitemaps = sitemaps;
    }

    /// <summary>A robots.txt that is unavailable (4xx): everything may be fetched.</summary>
    public static RobotsTxt AllowAll { get; } = new([], null, []);

    /// <summary>One that is unreachable (5xx, network error): nothing may be fetched.</summary>
    public static RobotsTxt DisallowAll { get; } = new([new RobotsRule(false, "/")], null, []);

    public TimeSpan? CrawlDelay { get; }

    public IReadOnlyList<string> Sitemaps { get; }

    /// <summary>The rules for <paramref name="productToken"/> (e.g. <c>LeadAgent</c>) in robots.txt bytes.</summary>
    public static RobotsTxt Parse(ReadOnlySpan<byte> file, string productToken)
    {
        var text = Encoding.UTF8.GetString(file[..Math.Min(file.Length, MaxBytes)]);
        return Parse(text, productToken);
    }

    public static RobotsTxt Parse(string text, string productToken)
    {
        var groups = new List<Group>();
        var sitemaps = new List<string>();
        Group? current = null;
        var inAgents = false;
        foreach (var raw in text.TrimStart('\uFEFF').Split(['\n', '\r']))
        {
            var hash = raw.IndexOf('#', StringComparison.Ordinal);
            var line = (hash >= 0 ? raw[..hash] : raw).Trim();
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }
            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            switch (key)
            {
                case "user-agent" or "useragent" or "user agent":
                    if (current is null || !inAgents)
                    {
                        current = new Group();
                        groups.Add(current);
                    }
                    current.Agents.Add(Token(value));
                    inAgents = true;
                    break;
                case "allow" or "disallow" when current is not null:
                    inAgents = false;
                    // An empty path matches nothing ("Disallow:" allows everything).
                    if (value.Length > 0)
                    {
                        current.Rules.Add(new RobotsRule(key == "allow", RobotsPath.Normalize(value)));
                    }
                    break;
                case "crawl-delay" when current is not null:
                    inAgents = false;
                    if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
                        && seconds >= 0 && seconds < 86_400)
                    {
                        current.CrawlDelay ??= TimeSpan.FromSeconds(seconds);
                    }
                    break;
                case "sitemap":
                    if (Uri.TryCreate(value, UriKind.Absolute, out var map) && map.Scheme is "http" or "https")
                    {
                        sitemaps.Add(map.AbsoluteUri);
                    }
                    break;
                default:
                    // Unknown records do not end a group's user-agent lines' effect (RFC 9309 2.2.4).
                    break;
            }
        }
        var token = productToken.ToLowerInvariant();
        var mine = groups.Where(g => g.Agents.Contains(token)).ToList();
        if (mine.Count == 0)
        {
            mine = groups.Where(g => g.Agents.Contains("*")).ToList();
        }
        return new RobotsTxt(mine.SelectMany(g => g.Rules).ToList(),
            mine.Select(g => g.CrawlDelay).FirstOrDefault(d => d is not null), sitemaps);
    }

    /// <summary>Whether a path (with its query) may be fetched; <c>/robots.txt</c> always may.</summary>
    public bool IsAllowed(string pathAndQuery)
    {
        var path = RobotsPath.Normalize(string.IsNullOrEmpty(pathAndQuery) ? "/" : pathAndQuery);
        if (path == "/robots.txt")
        {
            return true;
        }
        RobotsRule? best = null;
        foreach (var rule in _rules)
        {
            if (!RobotsPath.Matches(rule.Pattern, path))
            {
                continue;
            }
            if (best is null || rule.Pattern.Length > best.Pattern.Length
                || (rule.Pattern.Length == best.Pattern.Length && rule.Allow && !best.Allow))
            {
                best = rule;
            }
        }
        return best?.Allow ?? true;
    }

    // The product token of a user-agent line: its leading letters, '_' and '-' ("LeadAgent/1.0" → leadagent).
    private static string Token(string value)
    {
        if (value.StartsWith('*'))
        {
            return "*";
        }
        var end = 0;
        while (end < value.Length && (char.IsAsciiLetter(value[end]) || value[end] is '_' or '-'))
        {
            end++;
        }
        return value[..end].ToLowerInvariant();
    }

    private sealed class Group
    {
        public HashSet<string> Agents { get; } = [];
        public List<RobotsRule> Rules { get; } = [];
        public TimeSpan? CrawlDelay { get; set; }
    }
}

/// <summary>One Allow or Disallow line, its path normalised (<see cref="RobotsPath.Normalize"/>).</summary>
public sealed record RobotsRule(bool Allow, string Pattern);
