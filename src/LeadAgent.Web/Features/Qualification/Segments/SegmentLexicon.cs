using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Qualification.Icp;

namespace LeadAgent.Web.Features.Qualification.Segments;

/// <summary>What a term says when it is found.</summary>
public enum TermRole { Keyword, NotFit, Excluded, Required }

/// <summary>One compiled term: its folded words, what it says about which segment, and its base weight.</summary>
public sealed record LexiconTerm(int Id, string Term, string[] Words, TermRole Role, Segment Segment,
    double Weight, bool Organisation);

/// <summary>
/// The ICP's terms compiled once per <see cref="IcpSet"/> into a word dictionary: each term under its first folded
/// word, long single words also as compound heads ("werbeartikel" finds "Werbeartikelhändler"). Immutable after
/// construction, so one lexicon serves every thread.
/// </summary>
public sealed class SegmentLexicon
{
    /// <summary>Compound heads must be this long, so "marke" never finds "marketing".</summary>
    public const int CompoundMin = 7;

    private static readonly string[] Suffixes = ["s", "es", "n", "en", "e", "er", "ern", "ies"];

    // Nouns that name a kind of company: after "für"/"for" they name a customer, not the site's owner.
    private static readonly string[] OrganisationEnds =
    [
        "agentur", "agenturen", "agency", "agencies", "haendler", "reseller", "resellers", "distributor",
        "distributors", "wiederverkaeufer", "planner", "planners", "veranstalter", "organiser", "organisers",
        "organizer", "organizers", "konzern", "konzerne", "brand", "brands", "marke", "marken", "dmc", "bank",
        "banks", "banken", "handel",
    ];

    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);
    private int _terms;
    private readonly Dictionary<string, List<LexiconTerm>> _byFirst = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<LexiconTerm>> _heads = new(StringComparer.Ordinal);

    public SegmentLexicon(IcpSet icp)
    {
        Icp = icp;
        foreach (var s in icp.Segments.Where(s => s.Enabled && s.Segment is not (Segment.Unknown or Segment.NotAFit)))
        {
            foreach (var k in s.KeywordsDe.Concat(s.KeywordsEn))
            {
                Add(k, TermRole.Keyword, s.Segment);
            }
            foreach (var k in s.Excluded)
            {
                Add(k, TermRole.Excluded, s.Segment);
            }
            foreach (var k in s.Required)
            {
                Add(k, TermRole.Required, s.Segment);
            }
        }
        foreach (var k in icp.NotFitTerms)
        {
            Add(k, TermRole.NotFit, Segment.NotAFit);
        }
        ByFirst = _byFirst.GetAlternateLookup<ReadOnlySpan<char>>();
        Heads = _heads.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public IcpSet Icp { get; }

    /// <summary>Terms by their first folded word.</summary>
    public Dictionary<string, List<LexiconTerm>>.AlternateLookup<ReadOnlySpan<char>> ByFirst { get; }

    /// <summary>Long single-word terms, looked up by the start of a compound.</summary>
    public Dictionary<string, List<LexiconTerm>>.AlternateLookup<ReadOnlySpan<char>> Heads { get; }

    /// <summary>The shortest folded word any compound head has (prefix lengths below it are not looked up).</summary>
    public int HeadMin { get; private set; } = int.MaxValue;

    /// <summary>Whether <paramref name="word"/> is <paramref name="term"/> or inflects it (-s, -en, …).</summary>
    public static bool Inflects(ReadOnlySpan<char> word, string term)
    {
        if (word.SequenceEqual(term))
        {
            return true;
        }
        if (!word.StartsWith(term) || term.Length < 3)
        {
            return false;
        }
        var rest = word[term.Length..];
        foreach (var s in Suffixes)
        {
            if (rest.SequenceEqual(s))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The stems a word may inflect: itself, then the word without each suffix.</summary>
    public static IEnumerable<int> StemLengths(int length)
    {
        yield return length;
        foreach (var s in Suffixes)
        {
            if (length - s.Length >= 3)
            {
                yield return length - s.Length;
            }
        }
    }

    private void Add(string raw, TermRole role, Segment segment)
    {
        var words = TermText.Words(raw);
        // "give-aways" and "giveaways" are one term: a company saying it once counts it once.
        if (words.Length == 0 || !_keys.Add($"{role}|{segment}|{string.Concat(words)}"))
        {
            return;
        }
        // Short single words ("bank", "mode", "news") say less than a phrase ("event agency").
        var weight = words.Length > 1 ? 1.3 : words[0].Length <= 5 ? 0.6 : 1.0;
        var organisation = IsOrganisation(words[^1]);
        var term = new LexiconTerm(_terms++, raw.Trim(), words, role, segment, weight, organisation);
        Put(_byFirst, words[0], term);
        if (words.Length > 1)
        {
            // "give-aways" is also written "giveaways".
            Put(_byFirst, string.Concat(words), term with { Words = [string.Concat(words)] });
        }
        else if (Plural(words[0]) is { } singular)
        {
            // "giveaways" also finds "Giveaway".
            Put(_byFirst, singular, term with { Words = [singular] });
        }
        if (words.Length == 1 && words[0].Length >= CompoundMin)
        {
            Put(_heads, words[0], term);
            HeadMin = Math.Min(HeadMin, words[0].Length);
        }
    }

    /// <summary>Whether a folded word names a kind of company ("Eventagenturen", "Werbemittelhandel").</summary>
    public static bool IsOrganisation(ReadOnlySpan<char> word)
    {
        foreach (var e in OrganisationEnds)
        {
            if (word.EndsWith(e))
            {
                return true;
            }
        }
        return false;
    }

    private static string? Plural(string word) => word.Length < 6 ? null
        : word.EndsWith("ies", StringComparison.Ordinal) ? word[..^3] + "y"
        : word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) ? word[..^1] : null;

    private static void Put(Dictionary<string, List<LexiconTerm>> map, string key, LexiconTerm term)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }
        if (!list.Any(t => t.Id == term.Id || (t.Role == term.Role && t.Segment == term.Segment
            && t.Words.SequenceEqual(term.Words))))
        {
            list.Add(term);
        }
    }
}
