using System.Text;

namespace LeadAgent.Market;

/// <summary>
/// Sites that list other companies: trade-fair exhibitor lists paged with <c>?page=N</c>, association member
/// directories, a business directory by trade, news portals and blogs. Their operators are companies too (kind
/// Directory, NewsPortal, Blog) and never fit; the companies they link to are the point.
/// </summary>
internal static partial class Directories
{
    private sealed record Outlet(string Name, string Domain, string Country, CompanyKind Kind, string Form,
        string Flavour);

    private static readonly Outlet[] Outlets =
    [
        new("Werbemittel-Messe", "werbemittel-messe.de", "DE", CompanyKind.Directory, "GmbH", "fair-de"),
        new("Gulf Event Expo", "eventexpo-dubai.ae", "AE", CompanyKind.Directory, "FZ-LLC", "fair-ae"),
        new("Verband der Eventagenturen", "verband-eventagenturen.de", "DE", CompanyKind.Directory, "e.V.",
            "association-de"),
        new("Firmenfinder24", "firmenfinder24.de", "DE", CompanyKind.Directory, "GmbH", "finder-de"),
        new("Eventbranche Aktuell", "eventbranche-aktuell.de", "DE", CompanyKind.NewsPortal, "GmbH", "news-de"),
        new("Promo Trade News", "promotradenews.co.uk", "GB", CompanyKind.NewsPortal, "Ltd", "news-gb"),
        new("Die Eventplanerin", "eventplanerin-blog.de", "DE", CompanyKind.Blog, "", "blog-de"),
        new("Gulf Business Today", "gulfbusinesstoday.ae", "AE", CompanyKind.NewsPortal, "FZ-LLC", "news-ae"),
        new("Promotional Traders Association", "promotraders.org.uk", "GB", CompanyKind.Directory, "Ltd",
            "association-gb"),
        new("Merch Matters", "merchmatters.blog", "GB", CompanyKind.Blog, "", "blog-gb"),
    ];

    private static readonly string[] Dach = ["DE", "AT", "CH"];

    /// <summary>Builds the first <paramref name="count"/> outlets over the companies made so far.</summary>
    public static void Build(World w, int count)
    {
        var listed = w.Profiles.ToList();
        foreach (var o in Outlets.Take(count))
        {
            var p = Profiles.Create(w.R, w.Profiles.Count + 1, o.Kind, o.Country, w.Taken, w.Names,
                (o.Name, o.Domain, o.Form));
            p.Www = w.R.Next(2);   // list pages exist on one host; its twin redirects
            w.Profiles.Add(p);
            var german = o.Country == "DE";
            var plan = SiteTemplates.Plan(w.R, p, p.Host, german);
            var kind = o.Kind switch
            {
                CompanyKind.NewsPortal => SiteKind.News,
                CompanyKind.Blog => SiteKind.Blog,
                _ => SiteKind.Directory,
            };
            var pages = o.Flavour switch
            {
                "fair-de" => Fair(plan, Pick(listed, [CompanyKind.Reseller, CompanyKind.BrandOwner,
                    CompanyKind.EventAgency, CompanyKind.SoftwareHouse], [.. Dach, "NL", "PL", "IT"]), 12),
                "fair-ae" => Fair(plan, Pick(listed, [CompanyKind.EventAgency, CompanyKind.Reseller,
                    CompanyKind.BrandOwner, CompanyKind.CorporateClient], ["AE", "GB", "US", "FR"]), 10),
                "association-de" => Members(plan, Pick(listed, [CompanyKind.EventAgency], Dach)),
                "association-gb" => Members(plan, Pick(listed, [CompanyKind.Reseller], ["GB"])),
                "finder-de" => Finder(plan, listed.Where(c => Dach.Contains(c.Country)).ToList()),
                _ => Articles(w.R, plan, o.Flavour, listed),
            };
            plan.Extra.AddRange(pages.Where(x => x.Nav is not null).Select(x => (x.Path, x.Nav!)));
            var site = w.CompanySite(plan, o.Domain, kind);
            foreach (var page in pages)
            {
                site.Set(page.Path, SiteTemplates.Page(plan, page.Title, page.Title, page.Html));
                if (page.Text is { } text)
                {
                    w.Docs.Add(new SearchDocument(plan.Url(page.Path), page.Title, page.Snippet ?? page.Title,
                        page.Title + " " + text, german ? "de" : "en", o.Country));
                }
            }
        }
    }

    /// <summary>A page an outlet adds: path, title, body, words a search engine indexes, and a nav label.</summary>
    private sealed record Listing(string Path, string Title, string Html, string? Text, string? Nav = null,
        string? Snippet = null);

    private static List<Profile> Pick(List<Profile> all, CompanyKind[] kinds, string[] countries) =>
        [.. all.Where(c => kinds.Contains(c.Kind) && countries.Contains(c.Country)).OrderBy(c => c.Name,
            StringComparer.Ordinal)];

    private static string Entry(Profile c, bool german, string extra, int i)
    {
        // Some entries have no website; some link the www host, which may redirect.
        var link = i % 7 == 3 ? "" : $" <a href=\"http://{(i % 3 == 0 ? "www." + c.Domains[0] : c.Host)}/\" "
            + $"rel=\"nofollow\" target=\"_blank\">{(german ? "Website" : "Visit website")}</a>";
        return $"<div class=\"entry\"><h3>{Html.E(c.Name)}</h3><p>{Html.E(german ? c.City.Name : c.City.EnglishName)}, "
            + $"{Html.E(Places.AddressCountry(c.Country, german))}{extra}</p>{link}</div>\n";
    }

    private static List<Listing> Fair(SitePlan plan, List<Profile> exhibitors, int perPage)
    {
        var g = plan.German;
        var path = g ? "/aussteller" : "/exhibitors";
        var pages = Math.Max(1, (exhibitors.Count + perPage - 1) / perPage);
        var result = new List<Listing>();
        for (var n = 1; n <= pages; n++)
        {
            var slice = exhibitors.Skip((n - 1) * perPage).Take(perPage).ToList();
            var html = new StringBuilder($"<h1>{(g ? "Ausstellerverzeichnis" : "Exhibitor list")} 2025</h1>\n");
            var i = (n - 1) * perPage;
            foreach (var c in slice)
            {
                var booth = g ? $" · Halle {1 + i % 4}, Stand {(char)('A' + i % 6)}{10 + i}"
                    : $" · Hall {1 + i % 3}, Stand {(char)('A' + i % 6)}{10 + i}";
                html.Append(Entry(c, g, booth, i++));
            }
            html.Append("<nav class=\"pagination\">");
            if (n > 1)
            {
                html.Append($"<a href=\"{path}?page={n - 1}\" rel=\"prev\">{(g ? "« Zurück" : "« Previous")}</a> ");
            }
            html.Append(g ? $"Seite {n} von {pages}" : $"Page {n} of {pages}");
            if (n < pages)
            {
                html.Append($" <a href=\"{path}?page={n + 1}\" rel=\"next\">{(g ? "Weiter »" : "Next »")}</a>");
            }
            html.Append("</nav>");
            var title = (g ? "Aussteller 2025 – Seite " : "Exhibitors 2025 – page ") + n + " | " + plan.Profile.Name;
            var words = (g ? "Aussteller Messe Werbeartikel Werbemittel Händler Marken Eventagentur "
                : "exhibitors expo event management companies promotional products brands ")
                + string.Join(" ", slice.Select(c => $"{c.Name} {(g ? c.City.Name : c.City.EnglishName)}"));
            result.Add(new Listing(n == 1 ? path : $"{path}?page={n}", title, html.ToString(), words,
                n == 1 ? (g ? "Aussteller" : "Exhibitors") : null));
            if (n == 1)
            {
                result.Add(new Listing($"{path}?page=1", title, html.ToString(), null));
            }
        }
        return result;
    }

    private static List<Listing> Members(SitePlan plan, List<Profile> members)
    {
        var g = plan.German;
        var html = new StringBuilder($"<h1>{(g ? "Unsere Mitglieder" : "Member directory")}</h1>\n");
        foreach (var letter in members.GroupBy(m => char.ToUpperInvariant(m.Name[0])))
        {
            html.Append($"<h2 id=\"{letter.Key}\">{letter.Key}</h2>\n");
            var i = 0;
            foreach (var c in letter)
            {
                html.Append(Entry(c, g, "", i++));
            }
        }
        var title = (g ? "Mitgliederverzeichnis | " : "Members | ") + plan.Profile.Name;
        var words = (g ? "Mitglieder Verband Eventagenturen Eventagentur " : "members association promotional "
            + "products reseller distributor ") + string.Join(" ", members.Select(m => m.Name));
        return [new Listing(g ? "/mitglieder" : "/members", title, html.ToString(), words,
            g ? "Mitglieder" : "Members")];
    }

    private static List<Listing> Finder(SitePlan plan, List<Profile> companies)
    {
        (string Slug, string Label, CompanyKind Kind)[] trades =
        [
            ("eventagenturen", "Eventagenturen", CompanyKind.EventAgency),
            ("werbeartikel", "Werbeartikel & Werbemittel", CompanyKind.Reseller),
            ("markenhersteller", "Markenhersteller", CompanyKind.BrandOwner),
            ("industrie", "Industrie & Konzerne", CompanyKind.CorporateClient),
            ("baeckereien", "Bäckereien", CompanyKind.Bakery), ("rechtsanwaelte", "Rechtsanwälte", CompanyKind.LawFirm),
            ("software", "Softwareentwicklung", CompanyKind.SoftwareHouse),
            ("steuerberater", "Steuerberater", CompanyKind.TaxAdvisor), ("handwerk", "Handwerk", CompanyKind.Craftsman),
        ];
        var result = new List<Listing>();
        var index = new StringBuilder("<h1>Branchen</h1><ul>");
        foreach (var (slug, label, kind) in trades)
        {
            var listed = companies.Where(c => c.Kind == kind).OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
            index.Append($"<li><a href=\"/branche/{slug}\">{Html.E(label)}</a> ({listed.Count})</li>");
            var html = new StringBuilder($"<h1>{Html.E(label)} in Deutschland, Österreich und der Schweiz</h1>\n");
            var i = 0;
            foreach (var c in listed)
            {
                html.Append(Entry(c, true, c.Phone is { } ph ? $" · Tel. {ph.Display(3)}" : "", i++));
            }
            var words = $"{label} Branchenbuch Firmen Adressen " + string.Join(" ", listed.Select(c =>
                $"{c.Name} {c.City.Name} {Places.CountryName(c.Country, true)}"));
            result.Add(new Listing($"/branche/{slug}", $"{label} – Firmen & Adressen | Firmenfinder24", html.ToString(),
                words));
        }
        result.Add(new Listing("/branchen", "Alle Branchen | Firmenfinder24", index.Append("</ul>").ToString(), null,
            "Branchen"));
        return result;
    }
}
