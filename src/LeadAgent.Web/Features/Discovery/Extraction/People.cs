using System.Collections.Frozen;

namespace LeadAgent.Web.Features.Discovery.Extraction;

/// <summary>
/// People named on a site: directors after the legal labels of an imprint ("Geschäftsführer:", "Vertreten durch",
/// "Vorstand", "Inhaber", "Managing Director", "Represented by") and team members on team pages, written
/// "Name — Role" when a name and a role stand next to each other.
/// </summary>
internal static class People
{
    private const int MaxLine = 160;

    // Longest first, so "geschäftsführerin" is preferred to "geschäftsführer" at the same place.
    private static readonly string[] DirectorLabels =
        ["vertretungsberechtigte geschäftsführer", "vertretungsberechtigter geschäftsführer", "geschäftsführerinnen",
            "geschäftsführerin", "geschäftsführer", "geschäftsführung", "vertreten durch",
            "vorstandsvorsitzender", "vorstand", "inhaberin", "inhaber", "managing directors", "managing director",
            "directors", "director", "represented by", "general manager", "owner", "ceo", "verwaltungsrat",
            "geschäftsleitung"];

    private static readonly string[] Salutations = ["Herr", "Frau", "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Sir"];

    private static readonly FrozenSet<string> Titles = FrozenSet.ToFrozenSet(
        ["Dr.", "Prof.", "Dr.-Ing.", "Dipl.-Ing.", "Dipl.-Kfm.", "Dipl.-Kffr.", "Dipl.-Betriebsw.", "Mag.", "Ing.",
            "DI", "MBA", "M.A.", "B.A.", "M.Sc.", "B.Sc.", "LL.M.", "h.c."], StringComparer.Ordinal);

    private static readonly FrozenSet<string> Particles = FrozenSet.ToFrozenSet(
        ["von", "van", "der", "den", "de", "zu", "la", "al", "bin", "el", "da", "di", "du", "ter", "vom", "y"],
        StringComparer.Ordinal);

    private static readonly FrozenSet<string> NotNames = FrozenSet.ToFrozenSet(
        ["Registergericht", "Amtsgericht", "Handelsregister", "Sitz", "Telefon", "Tel", "Fax", "E-Mail", "Email",
            "Kontakt", "Contact", "Impressum", "Imprint", "Team", "Unser", "Unsere", "Our", "About", "Über", "Home",
            "Services", "Leistungen", "Projekte", "Referenzen", "Karriere", "Jobs", "News", "Blog", "Verantwortlich",
            "Straße", "Strasse", "Umsatzsteuer", "Geschäftsführer", "Geschäftsführung", "Mehr", "More", "Read",
            "Lesen", "Jetzt", "Anfrage", "Datenschutz", "Privacy", "Cookie", "Cookies", "Startseite", "Willkommen",
            "Welcome", "Die", "Der", "Das", "The", "Und", "And", "Wir", "We", "Ihr", "Your", "Alle", "All",
            "Gesellschaft", "Gesellschafter", "Company", "Limited", "Messe", "Event", "Events", "Management",
            "Vorstand", "Aufsichtsrat", "Board", "Director", "Managing", "Head", "Office", "Standort", "Location"],
        StringComparer.OrdinalIgnoreCase);

    private static readonly string[] RoleWords =
        ["geschäftsführ", "inhaber", "gründer", "founder", "ceo", "cto", "cfo", "coo", "cmo", "managing", "director",
            "direktor", "leiter", "leitung", "head of", "manager", "projekt", "project", "vertrieb", "sales",
            "marketing", "berater", "consultant", "designer", "engineer", "ingenieur", "entwickler", "developer",
            "assisten", "partner", "prokurist", "account", "officer", "architekt", "architect", "techniker",
            "buchhaltung", "accounting", "koordinat", "coordinator", "specialist", "spezialist", "meister", "planer",
            "planner", "producer", "produktion", "kundenbetreuung", "support", "redakteur", "editor", "trainee",
            "auszubildende", "werkstudent", "praktikant", "lead", "vorstand", "president", "präsident", "owner",
            "chairman", "executive", "officer", "büro", "backoffice", "logistik", "logistics", "einkauf", "purchasing",
            "personal", "hr ", "recruit", "kreativ", "creative", "art director", "operations", "finance", "finanzen"];

    /// <summary>Directors after their labels; <paramref name="strict"/> (outside an imprint) wants "Label:".</summary>
    public static void Directors(IReadOnlyList<string> lines, FactSink sink, string method, bool strict)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Length > MaxLine)
            {
                continue;
            }
            var lower = line.ToLowerInvariant();
            var (end, found) = (-1, false);
            foreach (var label in DirectorLabels)
            {
                var at = lower.LastIndexOf(label, StringComparison.Ordinal);
                if (at >= 0 && at + label.Length > end && (at == 0 || !char.IsLetter(lower[at - 1])))
                {
                    (end, found) = (at + label.Length, true);
                }
            }
            if (!found)
            {
                continue;
            }
            var rest = WithoutGenderSuffix(line[end..]);
            if (strict && !rest.StartsWith(':'))
            {
                continue;
            }
            rest = rest.TrimStart(':', ' ');
            if (rest.Length == 0 && i + 1 < lines.Count)
            {
                rest = lines[++i];   // the label on its own line, the names on the next
            }
            foreach (var part in SplitNames(rest))
            {
                if (PersonName(part) is { } name)
                {
                    sink.Add(FactFields.Director, name, method);
                }
            }
        }
    }

    /// <summary>"(in)", "*innen", ":innen", "/-in" after a label ("Geschäftsführer*innen:").</summary>
    private static string WithoutGenderSuffix(string rest)
    {
        foreach (var suffix in new[] { "(in)", "(innen)", "*innen", ":innen", "*in", ":in", "/-in", "/in", "_innen" })
        {
            if (rest.StartsWith(suffix, StringComparison.Ordinal))
            {
                return rest[suffix.Length..].TrimStart();
            }
        }
        return rest.TrimStart();
    }

    /// <summary>Team members: a name next to a role (before or after it, or on one line with a separator).</summary>
    public static void TeamMembers(IReadOnlyList<string> lines, FactSink sink, string method)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Length > 90)
            {
                continue;
            }
            if (Split(line) is var (left, right) && PersonName(left) is { } n1 && IsRole(right))
            {
                sink.Add(FactFields.Person, $"{n1} — {right}", method);
            }
            else if (PersonName(line) is { } n2 && i + 1 < lines.Count && IsRole(lines[i + 1]))
            {
                sink.Add(FactFields.Person, $"{n2} — {lines[++i].Trim()}", method);
            }
            else if (IsRole(line) && i + 1 < lines.Count && PersonName(lines[i + 1]) is { } n3
                && !(i + 2 < lines.Count && IsRole(lines[i + 2])))
            {
                sink.Add(FactFields.Person, $"{n3} — {line.Trim()}", method);
                i++;
            }
        }
    }

    private static (string, string)? Split(string line)
    {
        foreach (var sep in new[] { " – ", " — ", " - ", " | ", ", " })
        {
            var at = line.IndexOf(sep, StringComparison.Ordinal);
            if (at > 0)
            {
                return (line[..at], line[(at + sep.Length)..].Trim());
            }
        }
        return null;
    }

    public static bool IsRole(string text)
    {
        var t = text.Trim();
        if (t.Length is < 2 or > 70 || t.Any(char.IsAsciiDigit) || t.Contains('@', StringComparison.Ordinal))
        {
            return false;
        }
        var lower = t.ToLowerInvariant() + " ";
        return RoleWords.Any(lower.Contains);
    }

    private static IEnumerable<string> SplitNames(string text) =>
        text.Replace(" und ", ",", StringComparison.Ordinal).Replace(" and ", ",", StringComparison.Ordinal)
            .Replace(" & ", ",", StringComparison.Ordinal).Split([',', ';', '/', '·', '|'],
                StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The name when the text is a person's name (2–4 capitalised words, titles), else null.</summary>
    public static string? PersonName(string text)
    {
        var t = text.Trim();
        var paren = t.IndexOf('(');
        if (paren > 0)
        {
            t = t[..paren].Trim();   // "Dr. Anna Berg (Vorsitzende)"
        }
        if (t.Length is < 5 or > 50)
        {
            return null;
        }
        var tokens = t.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (tokens.Count > 0 && Salutations.Contains(tokens[0]))
        {
            tokens.RemoveAt(0);
        }
        var names = 0;
        for (var k = 0; k < tokens.Count; k++)
        {
            var w = tokens[k];
            if (Titles.Contains(w) || (Particles.Contains(w) && names > 0))
            {
                continue;
            }
            if (NotNames.Contains(w.TrimEnd('.', ',')) || !NameWord(w))
            {
                return null;
            }
            names++;
        }
        return names is >= 2 and <= 4 ? string.Join(' ', tokens) : null;
    }

    private static bool NameWord(string w) =>
        w.Length is >= 2 and <= 25 && char.IsUpper(w[0]) && w.Skip(1).All(c => char.IsLower(c) || c is '-' or '\''
            or '’' || (char.IsUpper(c) && w.Length > 3))
        && !w.EndsWith('-');
}
