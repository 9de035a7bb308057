namespace LeadAgent.Web.Features.Qualification.Segments;

/// <summary>
/// Finds a lexicon's terms in folded words: whole words (inflected: "Werbeartikeln", "agencies"), phrases, and
/// compounds that start with a long term ("Werbeartikelhändler"). Each find carries an occurrence weight: less when
/// the words name someone else, e.g. a customer ("Software für Eventagenturen", "our clients include banks") or a
/// purchase ("our procurement buys branded merchandise").
/// </summary>
public static class TermMatcher
{
    public const float Aside = 0.3f;

    // Cues that the rest of the clause is about other companies: customers, purchases, listings, reporting.
    private static readonly HashSet<string> Strong = new(StringComparer.Ordinal)
    {
        "kunden", "kunde", "kundschaft", "clients", "client", "customers", "include", "includes", "including",
        "zaehlen", "nutzen", "genutzt", "used", "einkauf", "procurement", "purchasing", "beschaffung", "buys", "buy",
        "kaufen", "lieferanten", "suppliers", "berichtet", "covers", "listet", "lists", "finden", "find", "search",
        "rely", "mandanten", "betreuen", "unterstuetzen", "serve", "serves", "provision", "auch", "also", "write",
        "schreibe", "cover", "browse", "categories", "kategorien", "beraet", "advise", "advises",
    };

    // Cues that the next words name a customer kind ("für Eventagenturen", "for resellers", "used by agencies").
    private static readonly HashSet<string> Weak = new(StringComparer.Ordinal)
    {
        "fuer", "for", "an", "to", "by", "von", "mit", "with",
    };

    // Words after a term that make it a product's subject: "Eventmanagement-Software", "event platform".
    private static readonly HashSet<string> Products = new(StringComparer.Ordinal)
    {
        "software", "plattform", "platform", "app", "apps", "tool", "tools", "system", "loesung", "solution", "saas",
    };

    private static readonly Dictionary<string, bool>.AlternateLookup<ReadOnlySpan<char>> ProductLookup =
        Products.ToDictionary(x => x, _ => true).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly Dictionary<string, bool>.AlternateLookup<ReadOnlySpan<char>> StrongLookup =
        Strong.ToDictionary(x => x, _ => true).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly Dictionary<string, bool>.AlternateLookup<ReadOnlySpan<char>> WeakLookup =
        Weak.ToDictionary(x => x, _ => true).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Calls <paramref name="found"/> for every term found, with its occurrence weight.</summary>
    public static void Match(SegmentLexicon lexicon, ReadOnlySpan<char> folded, List<TermText.Word> words,
        Action<LexiconTerm, float> found)
    {
        var clause = -1;
        var strong = false;
        var weakAt = -10;
        var seen = new List<LexiconTerm>(4);
        for (var i = 0; i < words.Count; i++)
        {
            var w = words[i];
            if (w.Clause != clause)
            {
                clause = w.Clause;
                strong = false;
                weakAt = -10;
            }
            var word = folded.Slice(w.Start, w.Length);
            seen.Clear();
            foreach (var length in SegmentLexicon.StemLengths(word.Length))
            {
                if (!lexicon.ByFirst.TryGetValue(word[..length], out var terms))
                {
                    continue;
                }
                foreach (var t in terms)
                {
                    if (!seen.Exists(x => x.Id == t.Id) && Fits(t, folded, words, i))
                    {
                        seen.Add(t);
                    }
                }
            }
            for (var length = lexicon.HeadMin; length < word.Length - 2; length++)
            {
                if (lexicon.Heads.TryGetValue(word[..length], out var heads))
                {
                    seen.AddRange(heads.Where(h => !seen.Exists(x => x.Id == h.Id)));
                }
            }
            var organisation = SegmentLexicon.IsOrganisation(word);
            foreach (var t in seen)
            {
                var next = i + t.Words.Length;
                var aside = strong || ((t.Organisation || organisation) && i - weakAt <= 3)
                    || (next < words.Count && words[next].Clause == clause
                        && ProductLookup.ContainsKey(folded.Slice(words[next].Start, words[next].Length)));
                found(t, aside ? Aside : 1f);
            }
            if (StrongLookup.ContainsKey(word))
            {
                strong = true;
            }
            else if (WeakLookup.ContainsKey(word))
            {
                weakAt = i;
            }
        }
    }

    private static bool Fits(LexiconTerm t, ReadOnlySpan<char> folded, List<TermText.Word> words, int i)
    {
        if (t.Words.Length == 1)
        {
            return SegmentLexicon.Inflects(folded.Slice(words[i].Start, words[i].Length), t.Words[0]);
        }
        if (i + t.Words.Length > words.Count
            || !folded.Slice(words[i].Start, words[i].Length).SequenceEqual(t.Words[0]))
        {
            return false;
        }
        for (var k = 1; k < t.Words.Length; k++)
        {
            var w = words[i + k];
            var span = folded.Slice(w.Start, w.Length);
            if (k < t.Words.Length - 1 ? !span.SequenceEqual(t.Words[k]) : !SegmentLexicon.Inflects(span, t.Words[k]))
            {
                return false;
            }
        }
        return true;
    }
}
