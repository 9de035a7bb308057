namespace LeadAgent.Web.Features.Duplicates;

/// <summary>String similarity for normalised names.</summary>
public static class Similarity
{
    // Words that many unrelated company names share; a name differing only by them is still the same name.
    private static readonly HashSet<string> Generic =
    [
        "events", "event", "group", "gruppe", "holding", "international", "solutions", "marketing", "agency",
        "agentur", "services", "service", "media", "global", "germany", "deutschland", "europe", "uae", "dubai",
        "berlin", "munich", "muenchen", "hamburg", "london", "partners", "consulting", "promotion", "promotions",
        "werbung", "studio",
    ];

    /// <summary>Jaro-Winkler similarity, 0–1.</summary>
    public static double JaroWinkler(string a, string b)
    {
        if (a == b)
        {
            return 1;
        }
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }
        var range = Math.Max(0, Math.Max(a.Length, b.Length) / 2 - 1);
        Span<bool> aMatched = a.Length <= 256 ? stackalloc bool[a.Length] : new bool[a.Length];
        Span<bool> bMatched = b.Length <= 256 ? stackalloc bool[b.Length] : new bool[b.Length];
        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            for (int j = Math.Max(0, i - range), end = Math.Min(i + range + 1, b.Length); j < end; j++)
            {
                if (!bMatched[j] && a[i] == b[j])
                {
                    aMatched[i] = bMatched[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0)
        {
            return 0;
        }
        var transpositions = 0;
        for (int i = 0, k = 0; i < a.Length; i++)
        {
            if (!aMatched[i])
            {
                continue;
            }
            while (!bMatched[k])
            {
                k++;
            }
            if (a[i] != b[k])
            {
                transpositions++;
            }
            k++;
        }
        double m = matches;
        var jaro = (m / a.Length + m / b.Length + (m - transpositions / 2.0) / m) / 3;
        var prefix = 0;
        while (prefix < Math.Min(4, Math.Min(a.Length, b.Length)) && a[prefix] == b[prefix])
        {
            prefix++;
        }
        return jaro + prefix * 0.1 * (1 - jaro);
    }

    /// <summary>
    /// Whether the numbers in two names agree ("Halle 3" and "Halle 4", "Anna1" and "Anna2" are different).
    /// </summary>
    public static bool SameNumbers(string a, string b) =>
        a.Where(char.IsDigit).SequenceEqual(b.Where(char.IsDigit));

    /// <summary>
    /// Two name keys that are the same apart from generic words ("xyz events" and "xyz"), with at least one distinctive
    /// word in common.
    /// </summary>
    public static bool SameDistinctiveWords(string a, string b)
    {
        var x = Distinctive(a);
        var y = Distinctive(b);
        return x.Count > 0 && x.SetEquals(y);
    }

    private static HashSet<string> Distinctive(string key) =>
        key.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(t => !Generic.Contains(t) && t != "and")
            .ToHashSet();

    /// <summary>
    /// A name key with transliterations folded back ("schroeder", "schröder" and "schroder" all give "schroder"),
    /// doubled letters collapsed and spaces dropped.
    /// </summary>
    public static string Loose(string key)
    {
        var folded = key.Replace("ae", "a", StringComparison.Ordinal).Replace("oe", "o", StringComparison.Ordinal)
            .Replace("ue", "u", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        var sb = new System.Text.StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (sb.Length == 0 || sb[^1] != c)
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    /// <summary>Consonant skeleton of the first word, for blocking ("mueller" and "muller" both give "mll").</summary>
    public static string Skeleton(string key, int length = 3)
    {
        var word = key.Split(' ', 2)[0];
        Span<char> buffer = stackalloc char[length];
        var n = 0;
        foreach (var c in word)
        {
            if (n == length)
            {
                break;
            }
            if (char.IsLetter(c) && "aeiouy".IndexOf(c) < 0 && (n == 0 || buffer[n - 1] != c))
            {
                buffer[n++] = c;
            }
            else if (char.IsDigit(c))
            {
                buffer[n++] = c;
            }
        }
        return n == 0 ? word : new string(buffer[..n]);
    }
}
