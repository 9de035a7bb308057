using LeadAgent.Web.Features.Companies;

namespace LeadAgent.Web.Features.Discovery.Campaigns;

/// <summary>One planned search: the text and the language and country it is asked in.</summary>
public sealed record PlannedQuery(string Text, string Language, string Country);

/// <summary>
/// Turns a campaign's segments × keywords × regions into search queries: German words for DACH, English for the UK
/// and the Emirates, each with a place in the region; queries that found the most new companies go first and dropped
/// ones are left out.
/// </summary>
public static class QueryPlanner
{
    public static readonly IReadOnlyList<string> Countries = ["DE", "AT", "CH", "GB", "AE"];

    private static readonly Dictionary<string, string[]> Places = new()
    {
        ["DE"] = ["Deutschland", "Berlin", "München", "Hamburg", "Frankfurt", "Köln", "Düsseldorf", "Stuttgart"],
        ["AT"] = ["Österreich", "Wien", "Graz", "Salzburg"],
        ["CH"] = ["Schweiz", "Zürich", "Basel", "Bern"],
        ["GB"] = ["UK", "London", "Manchester", "Birmingham"],
        ["AE"] = ["Dubai", "Abu Dhabi", "UAE"],
    };

    public static readonly IReadOnlyDictionary<Segment, SegmentKeywords> Defaults = new Dictionary<Segment,
        SegmentKeywords>
    {
        [Segment.EventAgency] = new()
        {
            Segment = nameof(Segment.EventAgency),
            German = ["Eventagentur", "Messebau", "Veranstaltungsagentur"],
            English = ["event agency", "event management company", "exhibition stand builder"],
        },
        [Segment.CorporateClient] = new()
        {
            Segment = nameof(Segment.CorporateClient),
            German = ["Firmenevents Einkauf", "Unternehmen Mitarbeiterevents"],
            English = ["corporate events procurement", "corporate hospitality"],
        },
        [Segment.BrandOwner] = new()
        {
            Segment = nameof(Segment.BrandOwner),
            German = ["Markenhersteller", "Marke Markenartikel"],
            English = ["brand owner consumer goods", "lifestyle brand"],
        },
        [Segment.Reseller] = new()
        {
            Segment = nameof(Segment.Reseller),
            German = ["Werbemittel Händler", "Werbeartikel Großhandel"],
            English = ["promotional products reseller", "promotional merchandise distributor"],
        },
    };

    public static IReadOnlyList<PlannedQuery> Plan(Campaign campaign, IReadOnlyList<SegmentKeywords> keywords,
        IReadOnlyCollection<QueryStat> stats)
    {
        var regions = campaign.Regions.Count > 0 ? campaign.Regions : Countries;
        var words = keywords.Where(k => campaign.Segments.Contains(k.Segment, StringComparer.OrdinalIgnoreCase))
            .ToList();
        var byQuery = stats.ToDictionary(s => s.Query, StringComparer.OrdinalIgnoreCase);
        var planned = new List<PlannedQuery>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        // Breadth first: each region's first place with every keyword before the second place of any region.
        var depth = Places.Values.Max(p => p.Length);
        for (var i = 0; i < depth; i++)
        {
            foreach (var country in regions)
            {
                if (!Places.TryGetValue(country, out var places) || i >= places.Length)
                {
                    continue;
                }
                var german = country is "DE" or "AT" or "CH";
                var terms = campaign.Keywords.Concat(words.SelectMany(w => german ? w.German : w.English));
                foreach (var term in terms.Where(t => !string.IsNullOrWhiteSpace(t)))
                {
                    var text = $"{term.Trim()} {places[i]}";
                    if (seen.Add(text) && !(byQuery.TryGetValue(text, out var s) && s.Dropped))
                    {
                        planned.Add(new PlannedQuery(text, german ? "de" : "en", country));
                    }
                }
            }
        }
        // Queries that found new companies first, then untried ones in breadth-first order, then the barren ones.
        return planned.Select((q, i) => (q, i))
            .OrderByDescending(x => byQuery.TryGetValue(x.q.Text, out var s) ? (Yield(s) > 0 ? Yield(s) : -1) : 0)
            .ThenBy(x => x.i).Select(x => x.q).ToList();
    }

    /// <summary>New companies per run: what a query is worth.</summary>
    public static double Yield(QueryStat s) => s.Runs == 0 ? 0 : (double)s.NewCompanies / s.Runs;
}
