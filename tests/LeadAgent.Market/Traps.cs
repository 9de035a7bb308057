using System.Text;
using static LeadAgent.Market.MarketTraps;

namespace LeadAgent.Market;

/// <summary>
/// The names of the market's traps, as <see cref="Market.Traps"/> and <see cref="Site.Traps"/> list them. Each sits
/// on a few company sites (never two on one): robots.txt that forbids everything, some paths, or only the LeadAgent
/// token; Crawl-delay (sane and absurd); robots.txt that fails; redirect loops; a page slower than any timeout; a
/// page over 2 MB; binary bytes behind .html; broken HTML; 500s for a page or a whole site; a site that answers only
/// over https (which a plain HTTP proxy cannot tunnel here). Not traps but listed alike: www twins that answer in
/// full, companies with two domains, parked domains.
/// </summary>
public static class MarketTraps
{
    public const string DisallowAll = "robots-disallow-all", DisallowPaths = "robots-disallow-paths",
        LeadAgentBlocked = "robots-leadagent-blocked", LeadAgentGroup = "robots-leadagent-group",
        CrawlDelay = "robots-crawl-delay", CrawlDelayAbsurd = "robots-crawl-delay-absurd",
        RobotsUnreachable = "robots-unreachable", RedirectLoop = "redirect-loop", SlowPage = "slow-page",
        HugePage = "huge-page", BinaryHtml = "binary-html", BrokenHtml = "broken-html",
        ServerErrorPage = "server-error-page", ServerErrorSite = "server-error-site", HttpsOnly = "https-only",
        WwwDuplicate = "www-duplicate", TwoDomains = "two-domains", Parked = "parked";

    /// <summary>Traps after which a polite crawler gets nothing from the site (or must skip it).</summary>
    public static readonly IReadOnlySet<string> Blocking = new HashSet<string>
    {
        DisallowAll, LeadAgentBlocked, CrawlDelayAbsurd, RobotsUnreachable, ServerErrorSite, HttpsOnly,
    };
}

/// <summary>Puts the traps on sites: which ones, then what each does to the site's answers.</summary>
internal static class Traps
{
    // How many sites get each trap in a market of 300 companies (scaled, at least one each).
    private static readonly (string Name, int Per300)[] Counts =
    [
        (DisallowAll, 3), (DisallowPaths, 6), (LeadAgentBlocked, 2), (LeadAgentGroup, 2), (CrawlDelay, 4),
        (CrawlDelayAbsurd, 1), (RobotsUnreachable, 1), (RedirectLoop, 2), (SlowPage, 2), (HugePage, 2),
        (BinaryHtml, 2), (BrokenHtml, 3), (ServerErrorPage, 3), (ServerErrorSite, 1), (HttpsOnly, 2),
    ];

    public const string HugePath = "/referenzen", BinaryPath = "/katalog.html";

    /// <summary>Picks the trapped sites among the main sites; traps that add pages put them in the nav now.</summary>
    public static List<(SitePlan Plan, string Trap)> Assign(Random r, List<SitePlan> plans, int companies)
    {
        var pool = plans.OrderBy(_ => r.Next()).ToList();
        var result = new List<(SitePlan, string)>();
        foreach (var (name, per300) in Counts)
        {
            for (var i = Math.Max(1, per300 * companies / 300); i > 0 && pool.Count > 0; i--)
            {
                var plan = pool[^1];
                pool.RemoveAt(pool.Count - 1);
                result.Add((plan, name));
                if (name == HugePage)
                {
                    plan.Extra.Add((HugePath, plan.German ? "Referenzen" : "Portfolio"));
                }
                else if (name == BinaryHtml)
                {
                    plan.Extra.Add((BinaryPath, plan.German ? "Katalog" : "Catalogue"));
                }
            }
        }
        return result;
    }

    public static void Apply(World w, List<(SitePlan Plan, string Trap)> traps)
    {
        foreach (var (plan, trap) in traps)
        {
            var site = w.Sites[plan.Host];
            w.Trap(plan.Host, trap);
            switch (trap)
            {
                case RedirectLoop:
                    site.Set(plan.Contact, MarketPage.Redirect(plan.Contact + "/", 302));
                    site.Set(plan.Contact + "/", MarketPage.Redirect(plan.Contact, 302));
                    break;
                case SlowPage:
                    site.Set(plan.About, site.Pages[plan.About] with { Delay = TimeSpan.FromSeconds(30) });
                    break;
                case HugePage:
                    // 40 × 64 KB: over the 2 MB a crawler should accept, sent without a Content-Length.
                    var chunk = new StringBuilder("<div class=\"reference\">");
                    while (chunk.Length < 64 * 1024)
                    {
                        chunk.Append("<p>Projekt, Kunde, Ort, Jahr – Referenz mit Bildergalerie.</p>");
                    }
                    site.Set(HugePath, new MarketPage(200, MarketPage.Html,
                        Encoding.UTF8.GetBytes(chunk.Append("</div>\n").ToString()), Repeat: 40));
                    break;
                case BinaryHtml:
                    var bytes = new byte[48 * 1024];
                    new Random(plan.Profile.Id).NextBytes(bytes);
                    "%PDF-1.7\n"u8.CopyTo(bytes);
                    site.Set(BinaryPath, new MarketPage(200, plan.Profile.Id % 2 == 0 ? MarketPage.Html
                        : "application/octet-stream", bytes));
                    break;
                case BrokenHtml:
                    site.Set("/", MarketPage.Of(Break(site.Pages["/"].Text)));
                    break;
                case ServerErrorPage:
                    site.Set(plan.Team ?? plan.About, MarketPage.Error(500));
                    break;
                case ServerErrorSite:
                    site.StatusAll = 500;
                    break;
                case HttpsOnly:
                    site.RedirectAll = "https://" + plan.Host;
                    break;
                default:
                    RobotsFiles.Trap(w, plan, trap);
                    break;
            }
        }
    }

    // Closing tags dropped, a table never closed, an entity without its semicolon, no end of document.
    private static string Break(string html) => html
        .Replace("</div>", "", StringComparison.Ordinal).Replace("</li>", "", StringComparison.Ordinal)
        .Replace("</p>", "<p>", StringComparison.Ordinal).Replace("</h2>", "</h3>", StringComparison.Ordinal)
        .Replace("<body>", "<body><table><tr><td><font face=Arial>", StringComparison.Ordinal)
        .Replace(" · ", " &nbsp· ", StringComparison.Ordinal)
        .Replace("</body>\n</html>\n", "<div class=\"cookie\"><b>Cookies", StringComparison.Ordinal);
}
