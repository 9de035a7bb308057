namespace LeadAgent.Web.Features.Discovery.Extraction;

/// <summary>
/// What a link leads to, from its address and its text, in German, English and the other languages of the checklist.
/// Imprint words in the last path segment or the link text decide first, then privacy words there (so
/// "impressum-datenschutz" is an imprint and "legal/privacy-policy" is not); then the last segment, the link text
/// and the rest of the path, in that order.
/// </summary>
internal static class PageKinds
{
    private static readonly string[] Imprint =
        ["impressum", "imprint", "legal notice", "legal notices", "mentions legales", "mentions légales",
            "aviso legal", "colofon", "site notice", "company details", "anbieterkennzeichnung", "legal information",
            "legal info", "offenlegung", "note legali"];

    private static readonly string[] Privacy =
        ["datenschutz", "privacy", "cookie", "cookies", "agb", "terms", "gdpr", "dsgvo", "disclaimer", "widerruf"];

    private static readonly string[] Contact =
        ["kontakt", "contact", "contact us", "contacto", "contatti", "contattaci", "contactez nous", "get in touch",
            "anfahrt", "ansprechpartner", "kontaktformular", "kontakt aufnehmen"];

    private static readonly string[] Team =
        ["team", "unser team", "our team", "das team", "management", "leadership", "geschäftsführung", "mitarbeiter",
            "people", "meet the team", "about the team", "vorstand", "board"];

    private static readonly string[] About =
        ["about", "about us", "ueber uns", "über uns", "uber uns", "ueberuns", "ueber", "wir", "wir über uns",
            "unternehmen", "company", "chi siamo", "qui sommes nous", "who we are", "wer wir sind", "firma", "profil",
            "philosophie", "geschichte", "history", "our story", "unsere geschichte", "das unternehmen", "story"];

    public static PageKind KindOf(Uri url, string? linkText)
    {
        var path = url.IsAbsoluteUri ? url.AbsolutePath : url.OriginalString;
        var segments = Uri.UnescapeDataString(path).ToLowerInvariant()
            .Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0 || (segments.Length == 1 && IsHomeSegment(segments[0])))
        {
            return PageKind.Home;
        }
        var last = Words(StripExtension(segments[^1]));
        var text = Words(linkText ?? "");
        if (Has(last, Imprint) || Has(text, Imprint))
        {
            return PageKind.Imprint;
        }
        if (Has(last, Privacy) || Has(text, Privacy))
        {
            return PageKind.Other;   // "/legal/privacy-policy" is no imprint
        }
        return Classify(last) ?? Classify(text) ?? Classify(Words(string.Join(' ', segments.SkipLast(1))))
            ?? PageKind.Other;
    }

    private static bool IsHomeSegment(string s) =>
        s is "index.html" or "index.htm" or "index.php" or "home" or "start" or "startseite"
        || (s.Length == 2 && s.All(char.IsAsciiLetter))
        || (s.Length == 5 && s[2] is '-' or '_' && char.IsAsciiLetter(s[0]) && char.IsAsciiLetter(s[4]));

    private static PageKind? Classify(string words)
    {
        if (words.Length <= 2)
        {
            return null;
        }
        if (Has(words, Imprint))
        {
            return PageKind.Imprint;
        }
        if (Has(words, Privacy))
        {
            return null;
        }
        if (Has(words, ["legal", "rechtliches", "rechtliche hinweise"]))
        {
            return PageKind.Imprint;
        }
        return Has(words, Contact) ? PageKind.Contact
            : Has(words, Team) ? PageKind.Team
            : Has(words, About) ? PageKind.About
            : null;
    }

    /// <summary>" word word " in lower case: letters and digits kept, everything else one space.</summary>
    private static string Words(string text)
    {
        var chars = text.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray();
        return " " + string.Join(' ', new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries)) + " ";
    }

    private static bool Has(string words, string[] phrases) =>
        phrases.Any(p => words.Contains(" " + p + " ", StringComparison.Ordinal));

    private static string StripExtension(string segment)
    {
        var dot = segment.LastIndexOf('.');
        return dot > 0 && segment.Length - dot <= 5 ? segment[..dot] : segment;
    }
}
