using System.Text;
using LeadAgent.Market;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Discovery.Extraction;
using LeadAgent.Web.Features.Qualification.Signals;

namespace LeadAgent.Tests.Qualification.Segments;

/// <summary>
/// Signals of the simulated market's organisations as the app would keep them: each main site's pages run through
/// the app's own page extractor, then joined like <see cref="CompanySignalsLoader"/> does (home, about, team, rest).
/// </summary>
public static class MarketSignals
{
    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal)
    {
        "/robots.txt", "/sitemap.xml",
    };

    public static IEnumerable<(MarketCompany Company, CompanySignals Signals)> Of(LeadAgent.Market.Market market)
    {
        var sites = market.Sites.Values
            .Where(s => s.CompanyId is not null && s.Kind is not (SiteKind.Alias or SiteKind.Parked))
            .GroupBy(s => s.CompanyId!.Value).ToDictionary(g => g.Key, g => g.OrderBy(s => s.Host.Length).First());
        foreach (var company in market.Companies)
        {
            yield return (company, sites.TryGetValue(company.Id, out var site) ? Signals(company, site)
                : Bare(company));
        }
    }

    private static CompanySignals Signals(MarketCompany company, Site site)
    {
        var pages = new List<PageExtract>();
        foreach (var (path, page) in site.Pages)
        {
            if (page.Status != 200 || !page.ContentType.StartsWith("text/html", StringComparison.Ordinal)
                || Skipped.Contains(path) || page.Body.Length > 200_000 || page.Text.StartsWith("%PDF",
                    StringComparison.Ordinal))
            {
                continue;
            }
            var url = new Uri($"http://{site.Host}{path}");
            pages.Add(PageExtractor.Extract(url, page.Body, page.ContentType, PageExtractor.KindOf(url, null),
                ExtractionContext.Empty));
        }
        var profile = SiteProfile.From(pages, site.Host);
        var text = new StringBuilder();
        foreach (var page in pages.OrderBy(p => p.Kind switch
                 {
                     PageKind.Home => 0,
                     PageKind.About => 1,
                     PageKind.Team => 2,
                     _ => 3,
                 }).ThenBy(p => p.Url.AbsoluteUri, StringComparer.Ordinal))
        {
            if (text.Length >= CompanySignalsLoader.SiteTextMax)
            {
                break;
            }
            text.Append(page.Title).Append('\n').Append(page.Text.AsSpan(0,
                Math.Min(page.Text.Length, CompanySignalsLoader.SiteTextMax - text.Length))).Append('\n');
        }
        var home = pages.FirstOrDefault(p => p.Kind == PageKind.Home);
        int? employees = int.TryParse(profile.Employees, out var n) ? n : null;
        return new CompanySignals(Guid.NewGuid(), profile.Name ?? company.Name, site.Host,
            profile.Country ?? company.Country, profile.City, null, SizeBand.Unknown, [], text.ToString(), home?.Title,
            profile.Description, profile.Language, [], employees, null, 0, 0, null);
    }

    private static CompanySignals Bare(MarketCompany c) => new(Guid.NewGuid(), c.Name, c.Domains[0], c.Country,
        c.City, null, SizeBand.Unknown, [], "", null, null, null, [], null, null, 0, 0, null);
}
