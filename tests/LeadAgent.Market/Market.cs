namespace LeadAgent.Market;

/// <summary>
/// A generated market: every host and what it answers, the ground truth per company, robots.txt truth per host,
/// which traps sit where, and a search engine over the sites. Made by <see cref="MarketGenerator.Generate"/>,
/// served by <see cref="MarketServer"/>.
/// </summary>
public sealed class Market
{
    private readonly Dictionary<int, MarketCompany> _byId;
    private readonly HashSet<int> _crawlable;

    internal Market(int seed, World w)
    {
        Seed = seed;
        Companies = [.. w.Profiles.Select(p => p.ToCompany())];
        _byId = Companies.ToDictionary(c => c.Id);
        Sites = w.Sites;
        Robots = w.Robots;
        Traps = w.Traps.ToDictionary(t => t.Key, t => (IReadOnlyList<string>)t.Value, StringComparer.Ordinal);
        Documents = w.Docs;
        Search = new MarketSearch(w.Docs);
        // Crawlable: the home host of one of its domains has no trap that shuts a polite crawler out.
        _crawlable = [.. w.Profiles.Where(p => p.Domains.Any(d =>
        {
            var host = p.Www == 1 ? "www." + d : d;
            return Sites.TryGetValue(host, out var site) && !site.Traps.Any(MarketTraps.Blocking.Contains);
        })).Select(p => p.Id)];
    }

    public int Seed { get; }

    /// <summary>Every organisation: companies that fit and that do not, and the outlets (directories, news,
    /// blogs).</summary>
    public IReadOnlyList<MarketCompany> Companies { get; }

    /// <summary>Every host, www twins and parked domains included.</summary>
    public IReadOnlyDictionary<string, Site> Sites { get; }

    /// <summary>Per host: its robots.txt and what it allows the LeadAgent token.</summary>
    public IReadOnlyDictionary<string, HostRobots> Robots { get; }

    /// <summary>Trap name (see <see cref="MarketTraps"/>) → the hosts that have it.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Traps { get; }

    /// <summary>The pages the search engine knows.</summary>
    public IReadOnlyList<SearchDocument> Documents { get; }

    public MarketSearch Search { get; }

    /// <summary>The companies a discovery run should find: the four segments in the five countries.</summary>
    public IEnumerable<MarketCompany> Fitting => Companies.Where(c => c.Fits);

    /// <summary>The organisation behind a host or URL (www or not), or null (parked, unknown).</summary>
    public MarketCompany? CompanyOf(string hostOrUrl)
    {
        var host = Uri.TryCreate(hostOrUrl, UriKind.Absolute, out var uri) ? uri.Host : hostOrUrl.ToLowerInvariant();
        return Sites.TryGetValue(host, out var site) && site.CompanyId is { } id ? _byId[id] : null;
    }

    /// <summary>Whether robots.txt lets the LeadAgent token fetch the path on the host (unknown hosts: yes).</summary>
    public bool IsAllowed(string host, string pathAndQuery) =>
        !Robots.TryGetValue(host.ToLowerInvariant(), out var robots) || robots.IsAllowed(pathAndQuery);

    /// <summary>False when every site of the company shuts a polite crawler out (robots, errors, https only).</summary>
    public bool IsCrawlable(MarketCompany company) => _crawlable.Contains(company.Id);

    /// <summary>Counts: companies per kind and country, fitting, crawlable, sites per kind, pages, traps.</summary>
    public IReadOnlyDictionary<string, int> Census()
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal)
        {
            ["companies"] = Companies.Count,
            ["companies.fitting"] = Companies.Count(c => c.Fits),
            ["companies.fitting.crawlable"] = Companies.Count(c => c.Fits && IsCrawlable(c)),
            ["companies.with-vat"] = Companies.Count(c => c.VatId is not null),
            ["companies.with-phone"] = Companies.Count(c => c.Phone is not null),
            ["companies.with-email"] = Companies.Count(c => c.Email is not null),
            ["hosts"] = Sites.Count,
            ["pages"] = Sites.Values.Sum(s => s.Pages.Count),
            ["search.documents"] = Documents.Count,
        };
        foreach (var kind in Companies.GroupBy(c => c.Kind))
        {
            counts[$"kind.{kind.Key}"] = kind.Count();
        }
        foreach (var country in Companies.GroupBy(c => c.Country))
        {
            counts[$"country.{country.Key}"] = country.Count();
        }
        foreach (var site in Sites.Values.GroupBy(s => s.Kind))
        {
            counts[$"site.{site.Key}"] = site.Count();
        }
        foreach (var (trap, hosts) in Traps)
        {
            counts[$"trap.{trap}"] = hosts.Count;
        }
        return counts;
    }
}
