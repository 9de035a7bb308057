using System.Buffers;

namespace LeadAgent.Web.Features.Qualification.Segments;

/// <summary>
/// Folds text for matching: lower case, umlauts and ß written out (ä→ae, so "Händler" and "Haendler" meet), accents
/// dropped, and every other character a word boundary (hyphens too: "Give-aways" is "give aways"). Words are kept
/// with the clause they stand in, so a customer cue ("Kunden: …") only colours its own sentence.
/// </summary>
public static class TermText
{
    /// <summary>One word: where it starts in the folded text, its length, and its clause number.</summary>
    public readonly record struct Word(int Start, int Length, int Clause);

    /// <summary>Folds <paramref name="text"/> into <paramref name="folded"/> and lists its words.</summary>
    public static void Split(ReadOnlySpan<char> text, ref char[] folded, List<Word> words)
    {
        words.Clear();
        if (folded.Length < text.Length * 2)
        {
            folded = new char[text.Length * 2];
        }
        var n = 0;
        var start = -1;
        var clause = 0;
        foreach (var ch in text)
        {
            var f = Fold(ch, out var second);
            if (f == '\0')
            {
                if (start >= 0)
                {
                    words.Add(new Word(start, n - start, clause));
                    start = -1;
                }
                if (ch is '.' or '!' or '?' or ';' or ':' or '\n' or '|' or '–' or '·')
                {
                    clause++;
                }
                continue;
            }
            if (start < 0)
            {
                start = n;
            }
            folded[n++] = f;
            if (second != '\0')
            {
                folded[n++] = second;
            }
        }
        if (start >= 0)
        {
            words.Add(new Word(start, n - start, clause));
        }
    }

    /// <summary>The folded words of a short text (a term), e.g. "Give-aways" → ["give", "aways"].</summary>
    public static string[] Words(string text)
    {
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(16, text.Length * 2));
        try
        {
            var words = new List<Word>();
            Split(text, ref buffer, words);
            var local = buffer;
            return [.. words.Select(w => new string(local, w.Start, w.Length))];
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static char Fold(char ch, out char second)
    {
        second = '\0';
        switch (ch)
        {
            case 'ä' or 'Ä': second = 'e'; return 'a';
            case 'ö' or 'Ö': second = 'e'; return 'o';
            case 'ü' or 'Ü': second = 'e'; return 'u';
            case 'ß': second = 's'; return 's';
            case 'é' or 'è' or 'ê' or 'É' or 'ë': return 'e';
            case 'à' or 'á' or 'â': return 'a';
            case 'ô' or 'ó': return 'o';
            case 'î' or 'ï' or 'í': return 'i';
            case 'ç': return 'c';
        }
        if (ch < 128)
        {
            return ch is >= 'a' and <= 'z' or >= '0' and <= '9' ? ch : ch is >= 'A' and <= 'Z' ? (char)(ch + 32) : '\0';
        }
        return char.IsLetterOrDigit(ch) ? char.ToLowerInvariant(ch) : '\0';
    }
}
