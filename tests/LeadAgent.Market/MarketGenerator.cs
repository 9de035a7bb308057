namespace LeadAgent.Market;

/// <summary>
/// Builds a <see cref="Market"/>: a deterministic world of company websites (the same seed and size give the same
/// bytes on every machine), with directories, news, blogs, parked domains and traps, and its ground truth.
/// </summary>
public static class MarketGenerator
{
    /// <summary>
    /// A market of <paramref name="companies"/> organisations (at least 20; a few hundred is the intended size):
    /// about half fit (the four segments in DE, AT, CH, GB, AE), the rest are the segments elsewhere, other
    /// trades, and the outlets that list them.
    /// </summary>
    public static Market Generate(int seed, int companies = 300)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(companies, 20);
        var w = new World(new Random(seed));
        var outlets = Math.Clamp(companies / 25, 4, 10);
        for (var id = 1; id <= companies - outlets; id++)
        {
            var (kind, country) = Draw(w.R);
            w.Profiles.Add(Profiles.Create(w.R, id, kind, country, w.Taken, w.Names));
        }
        var plans = w.Profiles.Select(p => SiteTemplates.Plan(w.R, p, p.Host, p.German)).ToList();
        foreach (var plan in plans.Where(p => p.Profile.Kind is CompanyKind.Reseller or CompanyKind.EventAgency
            or CompanyKind.BrandOwner && w.R.Chance(0.2)))
        {
            // Partners and clients: the same company is linked from several sites.
            plan.Partners.AddRange(w.Profiles.Where(o => o != plan.Profile).OrderBy(_ => w.R.Next())
                .Take(w.R.Next(2, 4)));
        }
        var second = SecondDomains(w, plans);
        var traps = Traps.Assign(w.R, plans, companies);
        foreach (var plan in plans.Concat(second))
        {
            w.CompanySite(plan, plan.Host.StartsWith("www.", StringComparison.Ordinal) ? plan.Host[4..] : plan.Host);
        }
        foreach (var plan in second)
        {
            w.Trap(plan.Host, MarketTraps.TwoDomains);
            w.Trap(plan.Profile.Host, MarketTraps.TwoDomains);
        }
        Directories.Build(w, outlets);
        Traps.Apply(w, traps);
        Parked(w, Math.Clamp(companies / 50, 2, 8));
        RobotsFiles.Defaults(w);
        return new Market(seed, w);
    }

    private static (CompanyKind, string) Draw(Random r)
    {
        var x = r.NextDouble();
        var segment = r.NextDouble() switch
        {
            < 0.32 => CompanyKind.EventAgency,
            < 0.57 => CompanyKind.Reseller,
            < 0.77 => CompanyKind.BrandOwner,
            _ => CompanyKind.CorporateClient,
        };
        var region = r.NextDouble() switch { < 0.38 => "DE", < 0.5 => "AT", < 0.62 => "CH", < 0.84 => "GB", _ => "AE" };
        CompanyKind[] noise =
            [CompanyKind.Bakery, CompanyKind.LawFirm, CompanyKind.SoftwareHouse, CompanyKind.TaxAdvisor,
            CompanyKind.Craftsman];
        return x switch
        {
            < 0.55 => (segment, region),
            < 0.63 => (segment, r.Pick(Places.Outside)),
            _ => (r.Pick(noise), r.Chance(0.85) ? region : r.Pick(Places.Outside)),
        };
    }

    // Two companies run a second full site (an English .com beside the German one, say) with the same imprint.
    private static List<SitePlan> SecondDomains(World w, List<SitePlan> plans)
    {
        var result = new List<SitePlan>();
        var candidates = plans.Where(p => p.Profile.Www != 2 && MarketCompany.Regions.Contains(p.Profile.Country)
            && p.Profile.Kind is CompanyKind.EventAgency or CompanyKind.Reseller);
        foreach (var plan in candidates.Take(2))
        {
            var p = plan.Profile;
            var stem = p.Domains[0][..p.Domains[0].IndexOf('.', StringComparison.Ordinal)];
            var domain = stem + (p.Domains[0].EndsWith(".com", StringComparison.Ordinal) ? ".net" : ".com");
            if (!w.Taken.Add(domain))
            {
                continue;
            }
            p.Domains.Add(domain);
            result.Add(SiteTemplates.Plan(w.R, p, p.Www == 1 ? "www." + domain : domain, german: false));
        }
        return result;
    }

    private static void Parked(World w, int count)
    {
        string[] names =
        [
            "eventagentur-muenchen24.de", "best-events-dubai.ae", "werbeartikel-guenstig.at",
            "promo-gifts-uk.co.uk", "firmenevent-planer.ch", "giveaway-shop24.de", "corporate-gifts-direct.com",
            "messe-events-berlin.de",
        ];
        foreach (var host in names.Where(n => w.Taken.Add(n)).Take(count))
        {
            var german = host[host.LastIndexOf('.')..] is ".de" or ".at" or ".ch";
            var words = host[..host.IndexOf('.', StringComparison.Ordinal)].Split('-');
            var links = string.Concat(words.Where(x => x.Length > 3).Select(x =>
                $"<li><a href=\"/lander?q={x}\">{Html.E(x)}</a></li>"));
            var title = german ? $"{host} – diese Domain kaufen" : $"{host} – this domain is for sale";
            var html = $"<!DOCTYPE html><html><head><title>{title}</title><meta name=\"robots\" content=\"noindex\">"
                + $"</head><body><h1>{host}</h1><p>{(german ? "Diese Domain steht zum Verkauf. Jetzt Preis anfragen!"
                    : "This domain may be for sale. Make an offer today!")}</p><h2>{(german ? "Verwandte Suchanfragen"
                    : "Related searches")}</h2><ul>{links}</ul></body></html>";
            var site = w.AddSite(host, SiteKind.Parked, null, german ? "de" : "en");
            site.Set("/", MarketPage.Of(html));
            w.Trap(host, MarketTraps.Parked);
            w.Docs.Add(new SearchDocument($"http://{host}/", title, title,
                $"{string.Join(' ', words)} {string.Join(' ', words)} {title}", german ? "de" : "en",
                german ? "DE" : "GB"));
        }
    }
}
