using LeadAgent.Web.Features.Qualification.Signals;

namespace LeadAgent.Web.Features.Qualification.Fit;

/// <summary>Finds ICP terms in what a company says about itself (case-insensitive, at the start of a word).</summary>
public static class TermMatch
{
    /// <summary>Everything a company's terms are looked for in, lower-cased once.</summary>
    public static string Text(CompanySignals s) => string.Join('\n', s.Name, s.Industry, string.Join(' ', s.Tags),
        s.SiteTitle, s.SiteDescription, s.SiteText).ToLowerInvariant();

    /// <summary>The terms found in <paramref name="lowerText"/>, in the order given.</summary>
    public static List<string> Found(string lowerText, IEnumerable<string> terms) =>
        [.. terms.Where(t => Contains(lowerText, t))];

    public static bool Contains(string lowerText, string term)
    {
        var t = term.Trim().ToLowerInvariant();
        if (t.Length == 0)
        {
            return false;
        }
        for (var at = lowerText.IndexOf(t, StringComparison.Ordinal); at >= 0;
            at = lowerText.IndexOf(t, at + 1, StringComparison.Ordinal))
        {
            // "bank" is in "bankett" but a word may go on ("eventagenturen"): only its start must be a word's.
            if (at == 0 || !char.IsLetterOrDigit(lowerText[at - 1]))
            {
                return true;
            }
        }
        return false;
    }
}
