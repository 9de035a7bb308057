using LeadAgent.Web.Features.Crm.Normalization;
using LeadAgent.Web.Features.Discovery.Crawling;
using LeadAgent.Web.Features.Discovery.Extraction;
using LeadAgent.Web.Features.Discovery.Review;

namespace LeadAgent.Web.Features.Discovery.Research;

/// <summary>
/// Reads one company site politely: robots.txt first (its Crawl-delay paces the site), then the home page, then the
/// pages that say who the company is — Impressum, contact, about, team — found from the home page's links (the
/// sitemap when the links do not show them), within the page budget. Every request goes through the pacer.
/// </summary>
public sealed class SiteResearcher(PageFetcher fetcher, RobotsCache robotsCache, HostPacer pacer)
{
    // What a company's own pages are read for, most telling first.
    private static readonly PageKind[] Wanted = [PageKind.Imprint, PageKind.Contact, PageKind.About, PageKind.Team];

    public async Task<SiteResearch> ResearchAsync(Uri start, int pageBudget, ExtractionContext context,
        CancellationToken ct)
    {
        var requests = 1;
        var robots = await pacer.RunAsync(start, null, c => robotsCache.ForAsync(start, c), ct);
        if (ReferenceEquals(robots, RobotsTxt.DisallowAll) && start.Scheme == "https")
        {
            // No https answer at all (a bare domain, a site without TLS): the site may still speak plain http.
            var plain = new UriBuilder(start) { Scheme = "http", Port = -1 }.Uri;
            var other = await pacer.RunAsync(plain, null, c => robotsCache.ForAsync(plain, c), ct);
            requests++;
            if (!ReferenceEquals(other, RobotsTxt.DisallowAll))
            {
                (start, robots) = (plain, other);
            }
        }
        if (pacer.IsAbsurd(robots.CrawlDelay))
        {
            return SiteResearch.Failed(ResearchState.Skipped, start,
                $"robots.txt asks for {robots.CrawlDelay!.Value.TotalSeconds:N0} s between requests.", requests);
        }
        if (!robots.IsAllowed(start.PathAndQuery))
        {
            return SiteResearch.Failed(ResearchState.RobotsBlocked, start, "robots.txt disallows the site.", requests);
        }
        var home = await FetchAsync(start, robots, ct);
        requests += home.Requests;
        if (!home.Result.Ok)
        {
            return SiteResearch.Failed(ResearchState.Unreachable, start, Describe(home.Result), requests);
        }
        var site = home.Result.Url;
        if (site.GetLeftPart(UriPartial.Authority) != start.GetLeftPart(UriPartial.Authority))
        {
            // bare → www, http → https: the rules of where the site really is apply from here on.
            robots = await robotsCache.ForAsync(site, ct);
        }
        var pages = new List<PageExtract> { Extract(home.Result, PageKind.Home, context) };
        var queue = NextPages(pages[0], robots, site);
        if (!Wanted.Take(2).All(k => queue.Any(q => q.Kind == k)) && pages.Count < pageBudget)
        {
            var fromSitemap = await SitemapPagesAsync(site, robots, ct);
            requests += fromSitemap.Requests;
            queue.AddRange(fromSitemap.Pages.Where(p => queue.All(q => q.Url != p.Url)));
            queue = [.. queue.OrderBy(p => Array.IndexOf(Wanted, p.Kind))];
        }
        var seen = new HashSet<Uri> { start, site };
        foreach (var next in queue)
        {
            if (pages.Count >= pageBudget || !seen.Add(next.Url))
            {
                continue;
            }
            var page = await FetchAsync(next.Url, robots, ct);
            requests += page.Requests;
            // A page that redirects to one already read is not read twice.
            if (page.Result.Ok && (page.Result.Url == next.Url || seen.Add(page.Result.Url)))
            {
                pages.Add(Extract(page.Result, next.Kind, context));
            }
        }
        var domain = DomainName.Registrable(site.IdnHost) ?? site.IdnHost;
        return new SiteResearch(ResearchState.Researched, null, site, SiteProfile.From(pages, domain), pages,
            requests);
    }

    private static PageExtract Extract(FetchResult page, PageKind kind, ExtractionContext context) =>
        PageExtractor.Extract(page.Url, page.Body, page.ContentType, kind, context);

    // Up to two pages of each wanted kind that robots.txt allows, in the order of Wanted; none when nofollow.
    private static List<PageLink> NextPages(PageExtract home, RobotsTxt robots, Uri site) => home.NoFollow ? []
        : [.. home.Links.Where(l => l.Kind != PageKind.Home && Wanted.Contains(l.Kind)
                && robots.IsAllowed(l.Url.PathAndQuery) && SameOrigin(l.Url, site))
            .GroupBy(l => l.Kind).OrderBy(g => Array.IndexOf(Wanted, g.Key)).SelectMany(g => g.Take(2))];

    private async Task<(List<PageLink> Pages, int Requests)> SitemapPagesAsync(Uri site, RobotsTxt robots,
        CancellationToken ct)
    {
        var url = robots.Sitemaps.Select(s => Uri.TryCreate(s, UriKind.Absolute, out var u) ? u : null)
            .FirstOrDefault(u => u is not null && u.IdnHost == site.IdnHost) ?? new Uri(site, "/sitemap.xml");
        if (!robots.IsAllowed(url.PathAndQuery))
        {
            return ([], 0);
        }
        var (result, requests) = await FetchAsync(url, robots, ct, FetchKind.Sitemap);
        if (!result.Ok)
        {
            return ([], requests);
        }
        var links = SitemapXml.Parse(result.Body, result.Url)
            .Select(u => new PageLink(u, PageExtractor.KindOf(u, null), ""))
            .Where(l => Wanted.Contains(l.Kind) && SameOrigin(l.Url, site) && robots.IsAllowed(l.Url.PathAndQuery))
            .GroupBy(l => l.Kind).SelectMany(g => g.Take(2)).ToList();
        return (links, requests);
    }

    // One page through the pacer; a site asking to wait (Retry-After) gets one more try if the wait is reasonable.
    // Redirects stay on the site: a page that lands elsewhere is not this company's.
    private async Task<(FetchResult Result, int Requests)> FetchAsync(Uri url, RobotsTxt robots,
        CancellationToken ct, FetchKind kind = FetchKind.Page)
    {
        Task<FetchResult> Fetch(CancellationToken c) => fetcher.FetchAsync(url, kind, c, MayFollow);
        var result = await pacer.RunAsync(url, robots.CrawlDelay, Fetch, ct);
        if (result.RetryAfter is { } wait && pacer.BackOff(url, wait))
        {
            result = await pacer.RunAsync(url, robots.CrawlDelay, Fetch, ct);
            return (result, 2);
        }
        return (result, 1);
    }

    // robots.txt rules belong to one scheme, host and port: links elsewhere are not this file's to allow.
    private static bool SameOrigin(Uri a, Uri b) =>
        a.GetLeftPart(UriPartial.Authority) == b.GetLeftPart(UriPartial.Authority);

    private async Task<bool> MayFollow(Uri target, CancellationToken ct) =>
        (await robotsCache.ForAsync(target, ct)).IsAllowed(target.PathAndQuery);

    private static string Describe(FetchResult r) => $"{r.Outcome}: {r.Reason ?? $"HTTP {r.Status}"}";
}
