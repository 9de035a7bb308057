namespace LeadAgent.Market;

/// <summary>The market while it is built: one seeded Random and everything made so far.</summary>
internal sealed class World(Random random)
{
    public Random R { get; } = random;
    public Dictionary<string, Site> Sites { get; } = new(StringComparer.Ordinal);
    public List<Profile> Profiles { get; } = [];
    /// <summary>The plan of every company site (both hosts of a www duplicate, both domains of a company with
    /// two).</summary>
    public Dictionary<string, SitePlan> Plans { get; } = new(StringComparer.Ordinal);
    public List<SearchDocument> Docs { get; } = [];
    public Dictionary<string, HostRobots> Robots { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Taken { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Names { get; } = new(StringComparer.Ordinal);
    /// <summary>Trap name → the hosts that have it, in the order they were set.</summary>
    public SortedDictionary<string, List<string>> Traps { get; } = new(StringComparer.Ordinal);

    public Site AddSite(string host, SiteKind kind, int? companyId, string language)
    {
        var site = new Site { Host = host, Kind = kind, CompanyId = companyId, Language = language };
        Sites.Add(host, site);
        return site;
    }

    public void Trap(string host, string trap)
    {
        Sites[host].Traps.Add(trap);
        if (!Traps.TryGetValue(trap, out var hosts))
        {
            Traps[trap] = hosts = [];
        }
        hosts.Add(host);
    }

    /// <summary>
    /// A company's site on one domain, with its www twin: the twin redirects to it (or the bare domain redirects
    /// to www), or for some both answer alike. The plan is built by <paramref name="plan"/>.
    /// </summary>
    public Site CompanySite(SitePlan plan, string domain, SiteKind kind = SiteKind.Company)
    {
        var p = plan.Profile;
        var site = AddSite(plan.Host, kind, p.Id, plan.German ? "de" : "en");
        Plans[plan.Host] = plan;
        SiteTemplates.Build(site, plan, Docs);
        var twin = plan.Host == domain ? "www." + domain : domain;
        if (p.Www == 2)
        {
            var copy = new SitePlan
            {
                Profile = p,
                Host = twin,
                German = plan.German,
                Style = plan.Style,
                About = plan.About,
                Imprint = plan.Imprint,
                ImprintLabel = plan.ImprintLabel,
                Contact = plan.Contact,
                Privacy = plan.Privacy,
                Team = plan.Team,
                TeamInNav = plan.TeamInNav,
                Sitemap = plan.Sitemap,
                JsonLd = plan.JsonLd,
            };
            copy.Partners.AddRange(plan.Partners);
            copy.Extra.AddRange(plan.Extra);
            Plans[twin] = copy;
            SiteTemplates.Build(AddSite(twin, SiteKind.Company, p.Id, site.Language), copy, []);
            Trap(twin, MarketTraps.WwwDuplicate);
            return site;
        }
        AddSite(twin, SiteKind.Alias, p.Id, site.Language).RedirectAll = "http://" + plan.Host;
        return site;
    }
}
