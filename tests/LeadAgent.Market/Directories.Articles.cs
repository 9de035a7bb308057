using System.Text;

namespace LeadAgent.Market;

internal static partial class Directories
{
    private sealed record Topic(string Title, CompanyKind[] Kinds, string[] Countries, string Lead);

    private static Topic[] Topics(string flavour) => flavour switch
    {
        "news-de" =>
        [
            new("Die spannendsten Eventagenturen in {city}", [CompanyKind.EventAgency], Dach,
                "Wer in {city} eine Eventagentur für Firmenevents, Messen oder Tagungen sucht, hat die Wahl."),
            new("Werbemittel-Händler: Die Trends für 2025", [CompanyKind.Reseller], Dach,
                "Nachhaltige Werbeartikel und regionale Give-aways: Händler berichten von steigender Nachfrage."),
            new("Marken setzen auf Merchandise", [CompanyKind.BrandOwner], Dach,
                "Markenhersteller entdecken Fanartikel und Werbemittel als eigene Produktlinie."),
            new("Bäckerei, Kanzlei, Agentur: So feiert der Mittelstand",
                [CompanyKind.Bakery, CompanyKind.LawFirm, CompanyKind.EventAgency], Dach,
                "Firmenevents sind zurück – auch bei kleinen Betrieben in {city} und anderswo."),
        ],
        "news-gb" =>
        [
            new("UK promotional products market: resellers report growth", [CompanyKind.Reseller], ["GB"],
                "Promotional merchandise distributors across the UK report a strong year."),
            new("Brand owners turn to merchandise", [CompanyKind.BrandOwner], ["GB", "US"],
                "Brands from {city} and beyond sell branded merchandise to their fans."),
            new("Procurement teams rethink corporate gifts", [CompanyKind.CorporateClient], ["GB"],
                "Purchasing managers want fewer, better corporate gifts."),
            new("The event agencies behind the biggest launches in {city}", [CompanyKind.EventAgency], ["GB"],
                "Product launches and conferences keep event management companies busy."),
        ],
        "news-ae" =>
        [
            new("Top event management companies in {city}", [CompanyKind.EventAgency], ["AE"],
                "Exhibitions and conferences in the UAE keep event agencies in {city} busy."),
            new("Corporate hospitality in the UAE: who is buying", [CompanyKind.CorporateClient], ["AE"],
                "Procurement teams in the Emirates plan corporate events and gifts for the season."),
            new("Promotional gifts for trade shows: suppliers to know", [CompanyKind.Reseller, CompanyKind.BrandOwner],
                ["AE"], "Promotional products and branded merchandise for exhibitions in Dubai and Abu Dhabi."),
        ],
        "blog-de" =>
        [
            new("Meine liebsten Eventagenturen", [CompanyKind.EventAgency], Dach,
                "Nach zehn Jahren als Eventplanerin in {city}: mit diesen Agenturen arbeite ich gern."),
            new("Give-aways, die nicht im Müll landen", [CompanyKind.Reseller], Dach,
                "Werbeartikel müssen nicht langweilig sein – diese Händler haben gute Ideen."),
        ],
        _ =>
        [
            new("Five merch suppliers worth knowing", [CompanyKind.Reseller], ["GB", "AE"],
                "Promotional products resellers I keep coming back to."),
            new("Why brands love swag", [CompanyKind.BrandOwner], ["GB", "US", "NL"],
                "Branded merchandise is marketing people keep."),
        ],
    };

    private static List<Listing> Articles(Random r, SitePlan plan, string flavour, List<Profile> all)
    {
        var g = plan.German;
        var blog = flavour.StartsWith("blog", StringComparison.Ordinal);
        var result = new List<Listing>();
        var heading = blog ? (g ? "Alle Beiträge" : "All posts") : g ? "Artikel" : "News";
        var index = new StringBuilder($"<h1>{heading}</h1><ul>");
        var n = 0;
        foreach (var topic in Topics(flavour))
        {
            var pool = all.Where(c => topic.Kinds.Contains(c.Kind) && topic.Countries.Contains(c.Country)).ToList();
            if (pool.Count == 0)
            {
                continue;
            }
            var first = r.Pick(pool);
            // Companies from the first one's city come first, so "in {city}" is mostly true.
            var picks = pool.Where(c => c != first).OrderBy(c => c.City != first.City).ThenBy(_ => r.Next())
                .Take(r.Next(2, 5)).Prepend(first).ToList();
            var city = g ? first.City.Name : first.City.EnglishName;
            var title = topic.Title.Replace("{city}", city, StringComparison.Ordinal);
            var lead = topic.Lead.Replace("{city}", city, StringComparison.Ordinal);
            var slug = CompanyNames.Slug(title, true, "-");
            var path = blog ? $"/2025/0{++n}/{slug}/" : g ? $"/artikel/{slug}" : $"/news/{slug}";
            var html = new StringBuilder($"<article><h1>{Html.E(title)}</h1>\n")
                .Append($"<p class=\"lead\">{Html.E(lead)}</p>\n<ul>");
            foreach (var c in picks)
            {
                var where = g ? $" aus {c.City.Name}" : $" from {c.City.EnglishName}";
                var what = c.Fill(KindTexts.Taglines(c.Kind, g)[0], g);
                html.Append($"<li><a href=\"{c.Home}\">{Html.E(c.Name)}</a>{Html.E(where)}: {Html.E(what)}</li>\n");
            }
            var url = Uri.EscapeDataString(plan.Url(path));
            html.Append("</ul></article>\n<div class=\"share\">")
                .Append($"<a href=\"https://www.facebook.com/sharer/sharer.php?u={url}\">Facebook</a> ")
                .Append($"<a href=\"https://www.linkedin.com/shareArticle?mini=true&amp;url={url}\">LinkedIn</a> ")
                .Append($"<a href=\"https://twitter.com/intent/tweet?url={url}\">X</a></div>");
            var words = $"{lead} " + string.Join(" ", picks.Select(c =>
                $"{c.Name} {(g ? c.City.Name : c.City.EnglishName)} {c.Fill(KindTexts.Taglines(c.Kind, g)[0], g)}"));
            result.Add(new Listing(path, $"{title} | {plan.Profile.Name}", html.ToString(), words, Snippet: lead));
            index.Append($"<li><a href=\"{path}\">{Html.E(title)}</a></li>");
        }
        var indexPath = blog ? "/blog" : g ? "/artikel" : "/news";
        result.Add(new Listing(indexPath, plan.Profile.Name, index.Append("</ul>").ToString(), null,
            blog ? "Blog" : g ? "Artikel" : "News"));
        return result;
    }
}
