using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Crm.Normalization;
using LeadAgent.Web.Features.Discovery.Review;
using LeadAgent.Web.Features.Policy;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Discovery.Runs;

/// <summary>A site a source pointed to, before it is known whether it is new.</summary>
public sealed record Sighting(Uri Url, string FoundBy, string FoundVia, string? Title, string? Snippet, int Rank);

/// <summary>
/// Adds what a source found to a run, once per registrable domain: never a domain the team rejected, nothing the
/// policy blocks (its host, a subdomain of a blocked domain, a blocked keyword in the title),
/// one already waiting in the review queue, a social network or a site that is not a company's own (portals,
/// marketplaces, encyclopaedias).
/// </summary>
public static class ProspectIntake
{
    private static readonly HashSet<string> NotCompanies = new(StringComparer.OrdinalIgnoreCase)
    {
        "wikipedia.org", "wikimedia.org", "google.com", "google.de", "amazon.com", "amazon.de", "amazon.co.uk",
        "ebay.com", "ebay.de", "yelp.com", "yelp.de", "tripadvisor.com", "tripadvisor.de", "trustpilot.com",
        "indeed.com", "stepstone.de", "kununu.com", "glassdoor.com", "gelbeseiten.de", "dasoertliche.de",
        "dastelefonbuch.de", "wlw.de", "europages.com", "companieshouse.gov.uk", "northdata.de", "northdata.com",
        "bing.com", "duckduckgo.com", "medium.com", "reddit.com", "quora.com", "pinterest.com", "apple.com",
    };

    public static async Task<int> AddAsync(AppDbContext db, PolicyCheck policy, Guid runId, Guid? campaignId,
        IReadOnlyList<Sighting> sightings, DateTime now, CancellationToken ct, bool requested = false)
    {
        var byDomain = new Dictionary<string, Sighting>();
        var lists = await policy.SnapshotAsync(db, ct);
        foreach (var s in sightings)
        {
            if (DomainName.Registrable(s.Url.IdnHost) is { } domain && !SocialNetworks.Contains(domain)
                && !NotCompanies.Contains(domain) && !Blocked(lists, s))
            {
                byDomain.TryAdd(domain, s);
            }
        }
        if (byDomain.Count == 0)
        {
            return 0;
        }
        var domains = byDomain.Keys.ToList();
        // A site someone asked for by name is researched even if it waits in the queue or was rejected; a blocked
        // domain never is.
        var known = await db.Prospects.Where(p => domains.Contains(p.Domain) && (p.RunId == runId
                || (!requested && p.Review == ReviewState.Pending && p.Research == ResearchState.Researched)))
            .Select(p => p.Domain)
            .Union(db.DomainVerdicts.Where(v => domains.Contains(v.Domain) && !requested)
                .Select(v => v.Domain))
            .ToListAsync(ct);
        var added = 0;
        foreach (var (domain, s) in byDomain.Where(d => !known.Contains(d.Key)))
        {
            db.Prospects.Add(new Prospect
            {
                RunId = runId,
                CampaignId = campaignId,
                Domain = domain,
                Url = Fit(Start(s.Url), 2000),
                FoundBy = s.FoundBy,
                FoundVia = Fit(s.FoundVia, 2000),
                Title = FitOrNull(s.Title),
                Snippet = FitOrNull(s.Snippet),
                Rank = s.Rank,
                CreatedAt = now,
            });
            added++;
        }
        return added;
    }

    private static bool Blocked(PolicySnapshot lists, Sighting s)
    {
        if (lists.NothingBlocked)
        {
            return false;
        }
        var facts = new PolicyFacts();
        if (PolicyValues.Host(s.Url.IdnHost) is { } host)
        {
            facts.Hosts.Add(host);
        }
        if (s.Title is { } title)
        {
            facts.Texts.Add(title);
        }
        return lists.Check(facts).Blocked;
    }

    // Research starts at the site's home page: a result deep in the site says little about who runs it.
    private static string Start(Uri url) => url.GetLeftPart(UriPartial.Authority) + "/";

    private static string Fit(string text, int max) => text.Length <= max ? text : text[..max];

    private static string? FitOrNull(string? text) => text is null ? null : Fit(text.Trim(), Prospect.TextMax);
}
