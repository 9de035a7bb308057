using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using LeadAgent.Web.Features.Crm.Normalization;
using LeadAgent.Web.Features.Discovery.Crawling;

namespace LeadAgent.Web.Features.Discovery.Research;

/// <summary>A company site a directory links to, with the text of the link (usually the company's name).</summary>
public sealed record ListedSite(Uri Url, string Domain, string Name);

/// <summary>
/// Reads a directory or exhibitor list: the company websites its pages link to (links off the directory's own site,
/// social networks aside), following its pagination (<c>rel=next</c>, "next"/"weiter" links) up to a page limit.
/// </summary>
public sealed class DirectoryReader(PageFetcher fetcher, RobotsCache robotsCache, HostPacer pacer)
{
    public const int MaxPages = 30;

    private static readonly string[] NextWords = ["next", "weiter", "nächste", "naechste", "»", "›", ">", "more"];

    public async Task<(List<ListedSite> Sites, string? Problem)> ReadAsync(Uri list, CancellationToken ct)
    {
        var listDomain = DomainName.Registrable(list.IdnHost);
        var found = new Dictionary<string, ListedSite>();
        var visited = new HashSet<Uri>();
        Uri? next = list;
        string? problem = null;
        while (next is not null && visited.Count < MaxPages && visited.Add(next))
        {
            var robots = await pacer.RunAsync(next, null, c => robotsCache.ForAsync(next, c), ct);
            if (!robots.IsAllowed(next.PathAndQuery) || pacer.IsAbsurd(robots.CrawlDelay))
            {
                problem = robots.IsAllowed(next.PathAndQuery) ? $"robots.txt asks for too long a Crawl-delay."
                    : $"robots.txt disallows {next}.";
                break;
            }
            var page = next;
            var result = await pacer.RunAsync(page, robots.CrawlDelay,
                c => fetcher.FetchAsync(page, FetchKind.Page, c, MayFollowAsync), ct);
            if (!result.Ok)
            {
                problem = $"{page}: {result.Outcome} {result.Reason}";
                break;
            }
            using var document = new HtmlParser().ParseDocument(new MemoryStream(result.Body));
            next = null;
            foreach (var a in document.QuerySelectorAll("a[href]").OfType<IHtmlAnchorElement>())
            {
                if (!Uri.TryCreate(result.Url, a.GetAttribute("href"), out var target)
                    || target.Scheme is not ("http" or "https"))
                {
                    continue;
                }
                var text = a.TextContent.Trim();
                var domain = DomainName.Registrable(target.IdnHost);
                if (domain is not null && domain != listDomain && !SocialNetworks.Contains(domain))
                {
                    found.TryAdd(domain, new ListedSite(new Uri(target.GetLeftPart(UriPartial.Authority) + "/"),
                        domain, text.Length > 200 ? text[..200] : text));
                }
                else if (domain == listDomain && next is null && IsNext(a, text) && !visited.Contains(target))
                {
                    next = new Uri(target.GetLeftPart(UriPartial.Query));
                }
            }
        }
        return ([.. found.Values], problem);
    }

    private async Task<bool> MayFollowAsync(Uri target, CancellationToken ct) =>
        await robotsCache.AllowsAsync(target, ct);

    private static bool IsNext(IHtmlAnchorElement a, string text) =>
        a.Relation?.Split(' ').Contains("next", StringComparer.OrdinalIgnoreCase) == true
        || NextWords.Any(w => text.Equals(w, StringComparison.OrdinalIgnoreCase)
            || text.StartsWith(w + " ", StringComparison.OrdinalIgnoreCase))
        || a.GetAttribute("aria-label")?.Contains("next", StringComparison.OrdinalIgnoreCase) == true;
}
