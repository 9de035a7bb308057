using System.Text;

namespace LeadAgent.Market;

/// <summary>How one company website is laid out: its host, language, paths, and what it carries.</summary>
internal sealed class SitePlan
{
    public required Profile Profile { get; init; }
    public required string Host { get; init; }
    public required bool German { get; init; }
    /// <summary>0: semantic header/nav/footer; 1: div soup; 2: a WordPress theme.</summary>
    public required int Style { get; init; }
    public required string About { get; init; }
    public required string Imprint { get; init; }
    public required string ImprintLabel { get; init; }
    public required string Contact { get; init; }
    public required string Privacy { get; init; }
    public string? Team { get; init; }
    public bool TeamInNav { get; init; }
    public bool Sitemap { get; init; }
    /// <summary>0: none; 1: an Organization object; 2: an @graph; 3: a LocalBusiness with a contact point.</summary>
    public int JsonLd { get; init; }
    public List<Profile> Partners { get; } = [];
    /// <summary>More nav links (path, label), e.g. to pages the traps add.</summary>
    public List<(string Path, string Label)> Extra { get; } = [];

    public string Url(string path) => $"http://{Host}{path}";
}

/// <summary>Writes a company website from its plan: the shared layout here, texts per language beside it.</summary>
internal static partial class SiteTemplates
{
    public static SitePlan Plan(Random r, Profile p, string host, bool german)
    {
        var sitemap = r.Chance(0.35);
        var team = p.Team.Count > 0 ? german ? r.Pick(["/team", "/ueber-uns/team", "/ansprechpartner"])
            : r.Pick(["/team", "/our-people", "/about/team"]) : null;
        var (imprint, label) = german
            ? r.Pick([("/impressum", "Impressum"), ("/impressum.html", "Impressum"), ("/rechtliches", "Rechtliches"),
                ("/de/impressum", "Impressum")])
            : r.Pick([("/imprint", "Imprint"), ("/legal-notice", "Legal Notice"), ("/legal", "Legal"),
                ("/company-information", "Company information")]);
        return new SitePlan
        {
            Profile = p,
            Host = host,
            German = german,
            Style = r.Next(3),
            About = german ? r.Pick(["/ueber-uns", "/unternehmen", "/about", "/wir"])
                : r.Pick(["/about", "/about-us", "/who-we-are"]),
            Imprint = imprint,
            ImprintLabel = label,
            Contact = german ? r.Pick(["/kontakt", "/kontakt.html", "/contact"])
                : r.Pick(["/contact", "/contact-us", "/get-in-touch"]),
            Privacy = german ? "/datenschutz" : "/privacy",
            Team = team,
            TeamInNav = !sitemap || r.Chance(0.5),
            Sitemap = sitemap,
            JsonLd = r.Chance(0.4) ? r.Next(1, 4) : 0,
        };
    }

    /// <summary>Writes every page of the plan into the site and lists the home page for search.</summary>
    public static void Build(Site site, SitePlan plan, List<SearchDocument> docs)
    {
        var p = plan.Profile;
        var g = plan.German;
        var tagline = p.Fill(KindTexts.Taglines(p.Kind, g)[p.Id % KindTexts.Taglines(p.Kind, g).Length], g);
        var separator = (p.Id % 3) switch { 0 => " | ", 1 => " – ", _ => " - " };
        var intro = string.Join(" ", KindTexts.Intro(p.Kind, g).Select(t => p.Fill(t, g)));
        var home = g ? German.Home(plan, tagline) : English.Home(plan, tagline);
        site.Set("/", Page(plan, p.Name + separator + tagline, intro, home, JsonLd(plan)));
        site.Set(plan.About, Page(plan, (g ? "Über uns" : "About us") + separator + p.Name, intro,
            g ? German.About(plan) : English.About(plan)));
        site.Set(plan.Contact, Page(plan, (g ? "Kontakt" : "Contact") + separator + p.Name, intro,
            g ? German.Contact(plan) : English.Contact(plan)));
        site.Set(plan.Imprint, Page(plan, plan.ImprintLabel + separator + p.Name, intro,
            g ? Imprints.German(plan) : Imprints.English(plan)));
        site.Set(plan.Privacy, Page(plan, (g ? "Datenschutz" : "Privacy") + separator + p.Name, intro,
            g ? German.Privacy(plan) : English.Privacy(plan)));
        if (plan.Team is { } team)
        {
            site.Set(team, Page(plan, "Team" + separator + p.Name, intro, g ? German.Team(plan) : English.Team(plan)));
        }
        var text = new StringBuilder($"{p.Name} {tagline} {intro} ")
            .AppendJoin(' ', KindTexts.Services(p.Kind, g)).Append(' ')
            .Append(g ? p.City.Name : p.City.EnglishName).Append(' ').Append(Places.CountryName(p.Country, g));
        docs.Add(new SearchDocument(plan.Url("/"), p.Name + separator + tagline, intro, text.ToString(),
            g ? "de" : "en", p.Country));
        if (g && p.Bilingual)
        {
            var enTagline = p.Fill(KindTexts.Taglines(p.Kind, false)[0], false);
            var enIntro = string.Join(" ", KindTexts.Intro(p.Kind, false).Select(t => p.Fill(t, false)));
            site.Set("/en/", Page(plan, p.Name + separator + enTagline, enIntro, English.Home(plan, enTagline),
                lang: "en"));
            docs.Add(new SearchDocument(plan.Url("/en/"), p.Name + separator + enTagline, enIntro,
                $"{p.Name} {enTagline} {enIntro} {p.City.EnglishName} {Places.CountryName(p.Country, false)}",
                "en", p.Country));
        }
        if (plan.Sitemap)
        {
            site.Set("/sitemap.xml", MarketPage.Of(Sitemap(plan, site.Pages.Keys), "application/xml"));
        }
    }

    public static string Sitemap(SitePlan plan, IEnumerable<string> paths)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
            .Append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        foreach (var path in paths.Where(p => !p.EndsWith(".xml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal))
        {
            xml.Append("  <url><loc>").Append(Html.E(plan.Url(path))).Append("</loc><lastmod>2025-0")
                .Append(1 + path.Length % 9).Append("-1").Append(path.Length % 10).Append("</lastmod></url>\n");
        }
        return xml.Append("</urlset>\n").ToString();
    }

    /// <summary>The whole page: head, navigation, main content, footer, in the plan's style.</summary>
    public static MarketPage Page(SitePlan plan, string title, string description, string main, string head = "",
        string? lang = null)
    {
        var p = plan.Profile;
        var g = plan.German;
        var nav = new List<(string Href, string Label)>
        {
            ("/", g ? "Start" : "Home"), (plan.About, g ? "Über uns" : "About"),
        };
        if (plan.Team is { } team && plan.TeamInNav)
        {
            nav.Add((team, g ? "Team" : "Our people"));
        }
        nav.AddRange(plan.Extra);
        nav.Add((plan.Contact, g ? "Kontakt" : "Contact"));
        var links = string.Join(plan.Style == 1 ? " " : "", nav.Select(n => plan.Style switch
        {
            0 => $"<li><a href=\"{n.Href}\">{Html.E(n.Label)}</a></li>",
            1 => $"<a class=\"menu-item\" href=\"{n.Href}\">{Html.E(n.Label)}</a>",
            _ => $"<li class=\"menu-item\"><a href=\"{plan.Url(n.Href)}\" class=\"elementor-item\">"
                + $"{Html.E(n.Label)}</a></li>",
        }));
        var legal = $"<a href=\"{plan.Imprint}\">{Html.E(plan.ImprintLabel)}</a> · "
            + $"<a href=\"{plan.Privacy}\">{(g ? "Datenschutz" : "Privacy")}</a>";
        var socials = string.Join(" ", p.Socials.Select((s, i) => $"<a href=\"{SocialHref(s, plan.Style + i)}\" "
            + $"target=\"_blank\" rel=\"noopener\" aria-label=\"{SocialName(s)}\">{SocialName(s)}</a>"));
        var footer = $"© 2025 {Html.E(p.LegalName)} · {Html.E(p.Street)} · {Html.E(p.City.PostalCode)} "
            + $"{Html.E(g ? p.City.Name : p.City.EnglishName)} · {legal} <span class=\"social\">{socials}</span>";
        var html = new StringBuilder("<!DOCTYPE html>\n")
            .Append($"<html lang=\"{lang ?? (g ? "de" : "en")}\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append($"<title>{Html.E(title)}</title>\n")
            .Append($"<meta name=\"description\" content=\"{Html.E(description)}\">\n")
            .Append(plan.Style == 2 ? "<meta name=\"generator\" content=\"WordPress 6.5.2\">\n"
                + "<link rel=\"stylesheet\" href=\"/wp-content/themes/agency/style.css\">\n"
                : $"<meta property=\"og:site_name\" content=\"{Html.E(p.Name)}\">\n")
            .Append(p.Bilingual && p.German ? "<link rel=\"alternate\" hreflang=\"en\" href=\"/en/\">\n" : "")
            .Append(head)
            .Append("</head>\n<body>\n")
            .Append(plan.Style switch
            {
                0 => $"<header><a class=\"logo\" href=\"/\">{Html.E(p.Name)}</a><nav><ul>{links}</ul></nav></header>\n"
                    + $"<main>\n{main}\n</main>\n<footer>{footer}</footer>\n",
                1 => $"<div id=\"top\"><div class=\"brand\">{Html.E(p.Name)}</div>"
                    + $"<div class=\"menu\">{links}</div></div>\n"
                    + $"<div id=\"content\">\n{main}\n</div>\n<div id=\"footer\">{footer}</div>\n",
                _ => $"<div class=\"site\"><nav class=\"elementor-nav-menu\"><ul>{links}</ul></nav>\n"
                    + $"<div class=\"entry-content\">\n{main}\n</div>\n"
                    + $"<footer class=\"site-footer\">{footer}</footer></div>\n"
                    + "<script src=\"/wp-content/plugins/elementor/frontend.min.js\"></script>\n",
            })
            .Append("</body>\n</html>\n");
        return MarketPage.Of(html.ToString());
    }

    // Sites link profiles in many spellings; the truth keeps the canonical one.
    private static string SocialHref(string canonical, int variant) => (variant % 3) switch
    {
        0 => canonical,
        1 => canonical + "/",
        _ => canonical.Contains("linkedin", StringComparison.Ordinal)
            ? canonical.Replace("www.", "de.", StringComparison.Ordinal) + "?trk=public_profile"
            : canonical.Replace("www.", "", StringComparison.Ordinal),
    };

    private static string SocialName(string url) => url.Contains("linkedin", StringComparison.Ordinal) ? "LinkedIn"
        : url.Contains("instagram", StringComparison.Ordinal) ? "Instagram"
        : url.Contains("facebook", StringComparison.Ordinal) ? "Facebook" : "XING";

    /// <summary>Partner links: other market companies this site names (the same company is linked from many).</summary>
    public static string Partners(SitePlan plan) => plan.Partners.Count == 0 ? ""
        : $"<section class=\"partners\"><h2>{(plan.German ? "Partner & Referenzen" : "Partners & clients")}</h2><ul>"
            + string.Concat(plan.Partners.Select(o => $"<li><a href=\"{o.Home}\">{Html.E(o.Name)}</a></li>"))
            + "</ul></section>";
}
