using System.Globalization;
using System.Text;

namespace LeadAgent.Market;

/// <summary>
/// The market's search engine: BM25 over each listed page's words (German and English, umlauts folded, plurals
/// cut), the title counted twice, pages with all the words preferred, place names weighed half, a small lift for
/// the asked language and country, and a stable jitter per query and page so ties do not sort alphabetically.
/// Directories, news, parked domains and companies that do not fit rank wherever their words put them, as on a
/// real engine.
/// </summary>
public sealed class MarketSearch
{
    private const double K1 = 1.2, B = 0.75;
    private const int MaxResults = 200, PerHost = 2;

    private static readonly HashSet<string> StopWords =
    [
        "der", "die", "das", "und", "in", "im", "fuer", "mit", "von", "zu", "aus", "den", "ein", "eine", "ihr",
        "wir", "the", "and", "of", "a", "an", "for", "with", "to", "our", "we", "your", "is", "at", "on", "by",
    ];

    // Place names searched in either language.
    private static readonly Dictionary<string, string> Synonyms = new()
    {
        ["munich"] = "muenchen",
        ["vienna"] = "wien",
        ["zurich"] = "zuerich",
        ["cologne"] = "koeln",
        ["nuremberg"] = "nuernberg",
        ["austria"] = "oesterreich",
        ["switzerland"] = "schweiz",
        ["germany"] = "deutschland",
        ["britain"] = "uk",
        ["emirates"] = "uae",
    };

    // Place names narrow a query but do not make a page about its topic: they count half.
    private static readonly HashSet<string> PlaceTerms = [.. Places.All.SelectMany(c => Tokens(
        $"{c.Name} {c.EnglishName} {Places.AddressCountry(c.Country, true)} {Places.AddressCountry(c.Country, false)} "
        + $"{Places.CountryName(c.Country, true)} {Places.CountryName(c.Country, false)}"))];

    private readonly List<Indexed> _docs;
    private readonly Dictionary<string, int> _frequency = new(StringComparer.Ordinal);
    private readonly double _averageLength;

    private sealed record Indexed(SearchDocument Doc, Dictionary<string, int> Terms, int Length, string Host);

    public MarketSearch(IEnumerable<SearchDocument> documents)
    {
        _docs = [.. documents.Select(d =>
        {
            var terms = new Dictionary<string, int>(StringComparer.Ordinal);
            var tokens = Tokens(d.Title).Concat(Tokens(d.Title)).Concat(Tokens(d.Text)).ToList();
            foreach (var t in tokens)
            {
                terms[t] = terms.GetValueOrDefault(t) + 1;
            }
            return new Indexed(d, terms, tokens.Count, new Uri(d.Url).Host);
        })];
        foreach (var term in _docs.SelectMany(d => d.Terms.Keys))
        {
            _frequency[term] = _frequency.GetValueOrDefault(term) + 1;
        }
        _averageLength = _docs.Count == 0 ? 1 : _docs.Average(d => d.Length);
    }

    public int Count => _docs.Count;

    /// <summary>Every hit for the query, best first (at most 200, two per host).</summary>
    public IReadOnlyList<SearchResult> Search(string query, string? language = null, string? country = null)
    {
        var terms = Tokens(query).Distinct().ToList();
        var scored = new List<(Indexed Doc, double Score)>();
        foreach (var d in _docs)
        {
            var score = 0.0;
            var matched = 0;
            foreach (var t in terms)
            {
                if (d.Terms.TryGetValue(t, out var tf))
                {
                    matched++;
                    var df = _frequency[t];
                    var idf = Math.Log(1 + (_docs.Count - df + 0.5) / (df + 0.5)) * (PlaceTerms.Contains(t) ? 0.5 : 1);
                    score += idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * d.Length / _averageLength));
                }
            }
            if (score <= 0)
            {
                continue;
            }
            // Pages with all the words first, as engines prefer: half the words, a quarter of the score.
            score *= Math.Pow(matched / (double)terms.Count, 2);
            score *= language is not null && d.Doc.Language.Equals(language[..Math.Min(2, language.Length)],
                StringComparison.OrdinalIgnoreCase) ? 1.15 : 1;
            score *= country is not null && d.Doc.Country.Equals(country, StringComparison.OrdinalIgnoreCase)
                ? 1.15 : 1;
            score *= 0.9 + 0.2 * (RandomPicks.Stable(query + "|" + d.Doc.Url) / (double)uint.MaxValue);
            scored.Add((d, score));
        }
        var perHost = new Dictionary<string, int>(StringComparer.Ordinal);
        return [.. scored.OrderByDescending(s => s.Score).ThenBy(s => s.Doc.Doc.Url, StringComparer.Ordinal)
            .Where(s => (perHost[s.Doc.Host] = perHost.GetValueOrDefault(s.Doc.Host) + 1) <= PerHost)
            .Take(MaxResults)
            .Select(s => new SearchResult(s.Doc.Doc.Url, s.Doc.Doc.Title, s.Doc.Doc.Snippet, s.Doc.Doc.Language,
                Math.Round(s.Score, 4)))];
    }

    /// <summary>Lower case, umlauts and accents folded, split on all but letters and digits, plurals cut.</summary>
    public static IEnumerable<string> Tokens(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            folded.Append(c switch
            {
                'ä' => "ae",
                'ö' => "oe",
                'ü' => "ue",
                'ß' => "ss",
                _ when char.IsLetterOrDigit(c) => Plain(c),
                _ => " ",
            });
        }
        foreach (var word in folded.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var token = Stem(Synonyms.GetValueOrDefault(word, word));
            if (!StopWords.Contains(token))
            {
                yield return token;
            }
        }
    }

    private static string Plain(char c) => c < 128 ? c.ToString() : new string([.. c.ToString()
        .Normalize(NormalizationForm.FormD)
        .Where(x => CharUnicodeInfo.GetUnicodeCategory(x) != UnicodeCategory.NonSpacingMark)]);

    // agencies → agency, products → product, agenturen → agentur; short words stay.
    private static string Stem(string w) =>
        w.Length > 4 && w.EndsWith("ies", StringComparison.Ordinal) ? w[..^3] + "y"
        : w.Length > 6 && w.EndsWith("en", StringComparison.Ordinal) ? w[..^2]
        : w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) ? w[..^1]
        : w;
}
