using System.Globalization;
using System.Text;

namespace LeadAgent.Web.Features.Qualification.Lookalikes;

/// <summary>
/// Turns German and English text into comparable terms: lower case, umlauts folded (ä → ae, ß → ss), other accents
/// dropped, stop words and numbers left out, and a light suffix stemming so that "Messebauer", "Messebaus" and
/// "messebau" meet, as do "incentives" and "incentive".
/// </summary>
public static class TermText
{
    public const int MinLength = 3, MaxLength = 30;

    /// <summary>
    /// Adds each term of <paramref name="text"/> to <paramref name="counts"/> with the given weight, and the first
    /// word seen for a term to <paramref name="surface"/> (to show "messebauer" rather than the stem "messebau").
    /// </summary>
    public static void Count(string? text, float weight, Dictionary<string, float> counts,
        Dictionary<string, string>? surface = null)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }
        var word = new StringBuilder(MaxLength + 4);
        foreach (var ch in text)
        {
            if (char.IsLetterOrDigit(ch))
            {
                if (word.Length <= MaxLength + 2)
                {
                    Fold(char.ToLowerInvariant(ch), word);
                }
                continue;
            }
            Flush(word, weight, counts, surface);
        }
        Flush(word, weight, counts, surface);
    }

    /// <summary>The terms of a text in order (tests and explanations).</summary>
    public static IReadOnlyList<string> Terms(string text)
    {
        var counts = new Dictionary<string, float>();
        Count(text, 1, counts);
        return [.. counts.Keys];
    }

    /// <summary>The stem of one lower-case, folded word; null when it is a stop word, a number or too short.</summary>
    public static string? Stem(string word)
    {
        if (word.Length < MinLength || word.Length > MaxLength || StopWords.Contains(word) || IsNumber(word))
        {
            return null;
        }
        var stem = StripSuffix(word);
        return stem.Length < MinLength ? word : stem;
    }

    private static void Flush(StringBuilder word, float weight, Dictionary<string, float> counts,
        Dictionary<string, string>? surface)
    {
        if (word.Length == 0)
        {
            return;
        }
        var text = word.ToString();
        if (Stem(text) is { } term)
        {
            counts[term] = counts.GetValueOrDefault(term) + weight;
            surface?.TryAdd(term, text);
        }
        word.Clear();
    }

    private static void Fold(char ch, StringBuilder word)
    {
        switch (ch)
        {
            case 'ä': word.Append("ae"); return;
            case 'ö': word.Append("oe"); return;
            case 'ü': word.Append("ue"); return;
            case 'ß': word.Append("ss"); return;
        }
        if (ch < 128)
        {
            word.Append(ch);
            return;
        }
        // é → e, ç → c: keep the base letter of a decomposed accented letter.
        var decomposed = ch.ToString().Normalize(NormalizationForm.FormD);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                word.Append(c);
            }
        }
    }

    private static bool IsNumber(string word)
    {
        var digits = 0;
        foreach (var c in word)
        {
            digits += char.IsDigit(c) ? 1 : 0;
        }
        return digits * 2 > word.Length;
    }

    // Longest first; a stem keeps at least four letters so short words are left alone.
    private static readonly string[] Suffixes =
    [
        "ungen", "ieren", "ingen", "heiten", "keiten", "ations", "ation", "ments", "ment", "ness",
        "ung", "ing", "ies", "ern", "ers", "en", "er", "es", "ed", "e", "s",
    ];

    private static string StripSuffix(string word)
    {
        foreach (var suffix in Suffixes)
        {
            if (word.Length - suffix.Length >= 4 && word.EndsWith(suffix, StringComparison.Ordinal))
            {
                var stem = word[..^suffix.Length];
                return suffix == "ies" ? stem + "y" : stem;
            }
        }
        return word;
    }
}
