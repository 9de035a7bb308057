using System.Diagnostics;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Qualification.Lookalikes;

namespace LeadAgent.Bench;

/// <summary>
/// Issue 15: lookalikes for one company among 100,000 (about 5,000 of them clients): p95 ≤ 50 ms. Times the index
/// build, then the nearest 10 clients (with reasons) of 1,000 random companies, against a raw pass over the same
/// postings in the same run (a dictionary lookup per query term and a touch of every client it lists, no scoring).
/// In memory: loading the companies from the database is not part of it.
/// </summary>
internal static class LookalikeBench
{
    private static readonly Dictionary<Segment, string[]> Words = new()
    {
        [Segment.EventAgency] = ["eventagentur", "messebau", "incentive", "veranstaltung", "event", "kongress",
            "roadshow", "live", "kommunikation", "inszenierung", "gala", "festival", "production", "experience"],
        [Segment.CorporateClient] = ["konzern", "mitarbeiter", "standort", "industrie", "maschinenbau", "automotive",
            "engineering", "logistik", "versicherung", "bank", "pharma", "chemie", "manufacturing", "solutions"],
        [Segment.BrandOwner] = ["marke", "brand", "kampagne", "produkt", "konsumgueter", "lifestyle", "mode",
            "getraenke", "kosmetik", "retail", "sortiment", "shop", "collection", "design"],
        [Segment.Reseller] = ["werbemittel", "werbeartikel", "promotional", "merchandise", "textilveredelung",
            "druck", "stick", "giveaway", "streuartikel", "haendler", "katalog", "branding", "corporate", "wear"],
        [Segment.NotAFit] = ["hochzeit", "location", "saal", "verzeichnis", "stellenangebote", "news", "zeitung",
            "restaurant", "hotel", "zimmer", "jobboerse", "wedding", "venue", "directory"],
    };

    private static readonly string[] Countries = ["DE", "DE", "DE", "DE", "AT", "CH", "GB", "NL", "AE", "FR"];
    private static readonly string[] Categories = ["Lanyards", "Badges", "Textiles", "Pens", "Bags", "Mugs",
        "Displays", "Notebooks", "Drinkware", "Tech"];

    public static void Run(int companies = 100_000, int clients = 5_000, int queries = 1_000)
    {
        var random = new Random(15);
        var general = Enumerable.Range(0, 6_000).Select(_ => Syllables(random)).Distinct().ToArray();
        var docs = Enumerable.Range(0, companies).Select(i => Make(random, general, i < clients)).ToList();
        var textMb = docs.Sum(d => (long)d.SiteText.Length) / 1024.0 / 1024;
        Console.WriteLine($"lookalikes: {companies:N0} companies, {clients:N0} clients, {textMb:F0} MB site text");

        GC.Collect();
        var before = GC.GetTotalMemory(true);
        var sw = Stopwatch.StartNew();
        var index = SimilarityIndex.Build(docs);
        var build = sw.Elapsed;
        var memory = GC.GetTotalMemory(true) - before;
        Console.WriteLine($"build: {build.TotalSeconds:F1} s, {index.VocabularySize:N0} terms, "
            + $"{index.ClientCount:N0} clients, ~{memory / 1024.0 / 1024:F0} MB retained");

        // The baseline's postings: every client under each of its terms (as the index keeps them).
        var postings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < clients; i++)
        {
            foreach (var term in docs[i].TermCounts().Keys)
            {
                (postings.TryGetValue(term, out var list) ? list : postings[term] = []).Add(i);
            }
        }
        var sample = Enumerable.Range(0, queries).Select(_ => docs[random.Next(docs.Count)]).ToList();
        var queryTerms = sample.Select(d => d.TermCounts().OrderByDescending(x => x.Value)
            .Take(SimilarityIndex.TermsPerCompany).Select(x => x.Key).ToArray()).ToList();
        var touched = new int[clients];
        var lookalike = new Stats("ForCompany: nearest 10 clients with reasons");
        var raw = new Stats("raw: postings pass, no scoring");
        var hits = 0L;
        for (var pass = 0; pass < 2; pass++) // the first pass warms up (JIT); the second is measured
        {
            for (var q = 0; q < sample.Count; q++)
            {
                var t = Stopwatch.GetTimestamp();
                var matches = index.Nearest(sample[q].Id, 10);
                var ms = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
                t = Stopwatch.GetTimestamp();
                foreach (var term in queryTerms[q])
                {
                    if (postings.TryGetValue(term, out var list))
                    {
                        foreach (var slot in list)
                        {
                            touched[slot]++;
                        }
                    }
                }
                var rawMs = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
                hits += matches.Count;
                if (pass == 1)
                {
                    lookalike.Add(ms);
                    raw.Add(rawMs);
                }
            }
        }
        var similarity = new Stats("ClientSimilarity (mean of top-5 best)");
        foreach (var doc in sample.Take(200))
        {
            var t = Stopwatch.GetTimestamp();
            index.ClientSimilarity(doc.Id);
            similarity.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }
        Console.WriteLine(lookalike);
        Console.WriteLine(raw);
        Console.WriteLine(similarity);
        Console.WriteLine($"ratio p95 ForCompany / raw: {lookalike.P(0.95) / Math.Max(raw.P(0.95), 0.001):F1}× "
            + $"(target p95 ≤ 50 ms: {(lookalike.P(0.95) <= 50 ? "met" : "MISSED")}; {hits:N0} matches, "
            + $"{touched.Sum():N0} postings touched)");
    }

    private static CompanyDoc Make(Random r, string[] general, bool client)
    {
        var segment = (Segment)r.Next(1, 6);
        var own = Words[segment];
        var words = new List<string>();
        var length = r.Next(80, 250);
        for (var i = 0; i < length; i++)
        {
            // A third of the words say what the company does; the rest is a Zipf-like draw from a general vocabulary.
            words.Add(r.Next(3) == 0 ? own[r.Next(own.Length)]
                : general[(int)(general.Length * Math.Pow(r.NextDouble(), 3))]);
        }
        var name = $"{Capital(general[r.Next(general.Length)])} {Capital(own[r.Next(own.Length)])}";
        return new CompanyDoc(Guid.NewGuid(), name, r.Next(4) == 0 ? Segment.Unknown : segment,
            Countries[r.Next(Countries.Length)], (SizeBand)r.Next(0, 6))
        {
            Industry = own[r.Next(own.Length)],
            Tags = [own[r.Next(own.Length)], general[r.Next(general.Length)]],
            SiteTitle = name + " – " + own[r.Next(own.Length)],
            SiteText = string.Join(' ', words),
            Client = client
                ? new ClientFacts(Math.Round((decimal)Math.Exp(8 + (r.NextDouble() * 3)), 0), r.Next(1, 30),
                    [.. Categories.OrderBy(_ => r.Next()).Take(3)])
                : null,
        };
    }

    private static readonly string[] Parts = ["ka", "lo", "mi", "ten", "ber", "schu", "wal", "gen", "dor", "ra",
        "fin", "tor", "sel", "pra", "nus", "vek", "hol", "ster", "ma", "rin"];

    private static string Syllables(Random r) =>
        string.Concat(Enumerable.Range(0, r.Next(2, 5)).Select(_ => Parts[r.Next(Parts.Length)]));

    private static string Capital(string s) => char.ToUpperInvariant(s[0]) + s[1..];
}
