using System.Globalization;
using System.Text.RegularExpressions;

namespace LeadAgent.Web.Features.Discovery.Extraction;

/// <summary>Signals read from the words of a page: a size hint, the run's segment keywords, the language.</summary>
internal static partial class TextSignals
{
    private const int LanguageSample = 6_000;

    [GeneratedRegex(@"(?:\b(?:team|staff|workforce) of (?:over |more than |about |around )?(\d{1,3}(?:[.,]\d{3})?)\b"
        + @"|\b(\d{1,3}(?:[.,]\d{3})?)\+?\s?(?:-köpfige[sn]?\s(?:Team|Mannschaft)|(?:feste[n]?\s|engagierte[n]?\s"
        + @"|qualifizierte[n]?\s)?(?:Mitarbeiter(?:innen|n)?|Mitarbeitende[n]?|Beschäftigte[n]?|Angestellte[n]?)\b"
        + @"|(?:full-time\s|dedicated\s|skilled\s)?(?:employees|staff members|team members|people on our team)\b))",
        RegexOptions.IgnoreCase, 200)]
    private static partial Regex Staff();

    private static readonly (string Lang, string[] Words)[] StopWords =
    [
        ("de", ["der", "die", "das", "und", "ist", "nicht", "mit", "für", "auf", "wir", "sie", "ein", "eine", "zu",
            "den", "von", "ihr", "ihre", "unsere", "oder", "auch", "sich", "bei"]),
        ("en", ["the", "and", "is", "are", "with", "for", "our", "we", "to", "of", "you", "your", "in", "on", "that",
            "this", "by", "from", "or", "as", "be"]),
        ("fr", ["le", "la", "les", "et", "est", "avec", "pour", "nous", "vous", "des", "une", "du", "sur", "dans"]),
        ("nl", ["de", "het", "een", "en", "is", "met", "voor", "wij", "zijn", "van", "op", "niet", "ons", "onze"]),
        ("es", ["el", "la", "los", "las", "y", "es", "con", "para", "nuestro", "una", "del", "por", "que", "en"]),
        ("it", ["il", "la", "gli", "e", "è", "con", "per", "noi", "una", "del", "della", "che", "di", "nostro"]),
    ];

    /// <summary>"über 50 Mitarbeiter", "ein 12-köpfiges Team", "a team of 25", "120 employees" → the number.</summary>
    public static void Employees(string text, FactSink sink, string method)
    {
        foreach (Match m in Staff().Matches(text))
        {
            var raw = (m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value)
                .Replace(".", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal);
            if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                && n is >= 2 and <= 500_000)
            {
                sink.Add(FactFields.Employees, n.ToString(CultureInfo.InvariantCulture), method);
            }
        }
    }

    /// <summary>
    /// Each segment whose keyword occurs in the page, once, with the first keyword found as evidence
    /// ("keyword:messebau"). Matching is case-insensitive; a keyword of up to three letters must stand as a word.
    /// </summary>
    public static void Segments(string lowerText, ExtractionContext context, FactSink sink)
    {
        foreach (var (segment, keywords) in context.SegmentKeywords)
        {
            foreach (var keyword in keywords)
            {
                var k = keyword.Trim().ToLowerInvariant();
                if (k.Length > 0 && Contains(lowerText, k))
                {
                    sink.Add(FactFields.Segment, segment, "keyword:" + k);
                    break;
                }
            }
        }
    }

    private static bool Contains(string text, string keyword)
    {
        if (keyword.Length > 3)
        {
            return text.Contains(keyword, StringComparison.Ordinal);
        }
        for (var at = text.IndexOf(keyword, StringComparison.Ordinal); at >= 0;
             at = text.IndexOf(keyword, at + 1, StringComparison.Ordinal))
        {
            var end = at + keyword.Length;
            if ((at == 0 || !char.IsLetterOrDigit(text[at - 1]))
                && (end == text.Length || !char.IsLetterOrDigit(text[end])))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The primary language subtag ("de-AT" → "de"), or null for an empty or odd tag.</summary>
    public static string? LanguageOfTag(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
        {
            return null;
        }
        var primary = tag.Trim().Split('-', '_')[0].ToLowerInvariant();
        return primary.Length is 2 or 3 && primary.All(char.IsAsciiLetterLower) ? primary : null;
    }

    /// <summary>The language whose common words are most frequent in the first few thousand characters.</summary>
    public static string? DetectLanguage(string lowerText)
    {
        var sample = lowerText.Length > LanguageSample ? lowerText[..LanguageSample] : lowerText;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var words = sample.Split([' ', '\n', ',', '.', ';', ':', '!', '?', '(', ')', '"'],
            StringSplitOptions.RemoveEmptyEntries);
        foreach (var (lang, stop) in StopWords)
        {
            var set = stop.ToHashSet(StringComparer.Ordinal);
            counts[lang] = words.Count(set.Contains);
        }
        var best = counts.MaxBy(kv => kv.Value);
        var second = counts.Where(kv => kv.Key != best.Key).Max(kv => kv.Value);
        return best.Value >= 5 && best.Value >= second * 3 / 2 ? best.Key : null;
    }
}
