using PhoneNumbers;

namespace LeadAgent.Web.Features.Discovery.Extraction;

/// <summary>
/// Phone numbers as E.164, validated by libphonenumber: tel: links first, then runs of digits in the text that start
/// like a phone number ("+", "00", "0" or "(") and are not labelled as fax, bank, tax or register numbers.
/// </summary>
internal static class PhoneFinder
{
    private const int MaxCandidates = 200, LookBack = 28;

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    // Labels that make a digit run something other than a phone line.
    private static readonly string[] NotPhone =
        ["fax", "iban", "konto", "kto", "blz", "bic", "swift", "steuer", "st.-nr", "stnr", "ust", "vat", "hrb", "hra",
            "fn ", "firmenbuch", "register", "reg.", "tax", "trn", "licen", "company no", "company number", "uid",
            "postfach", "p.o. box", "po box", "plz", "datum", "date"];

    private static readonly string[] PhoneLabels =
        ["tel", "fon", "phone", "mobil", "handy", "call", "ruf", "hotline", "whatsapp"];

    /// <summary>E.164 for a number written in any common way, or null when it is not a valid number.</summary>
    public static string? Normalize(string raw, string? region)
    {
        var text = raw.Replace("(0)", "", StringComparison.Ordinal).Trim();
        if (text.Length is < 5 or > 40)
        {
            return null;
        }
        try
        {
            var number = Util.Parse(text, region);
            return Util.IsValidNumber(number) ? Util.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    /// <summary>The region (ISO alpha-2) of an E.164 number, or null.</summary>
    public static string? RegionOf(string e164)
    {
        try
        {
            return Util.GetRegionCodeForNumber(Util.Parse(e164, null));
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    public static void FromTelLink(string href, string linkText, string? region, FactSink sink)
    {
        if (linkText.Contains("fax", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        var raw = Uri.UnescapeDataString(href[(href.IndexOf(':') + 1)..]);
        var cut = raw.IndexOfAny([';', '?', ',']);
        sink.Add(FactFields.Phone, Normalize(cut >= 0 ? raw[..cut] : raw, region), "tel-link");
    }

    public static void FromText(string text, string? region, FactSink sink, string method)
    {
        var candidates = 0;
        for (var i = 0; i < text.Length && candidates < MaxCandidates; i++)
        {
            var c = text[i];
            if (c is not ('+' or '0' or '('))
            {
                continue;
            }
            if (i > 0 && (char.IsLetterOrDigit(text[i - 1]) || text[i - 1] is '-' or '/' or '.' or ',' or '+'))
            {
                continue;
            }
            var end = i;
            var digits = 0;
            while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] is ' ' or '-' or '/' or '(' or ')'
                || text[end] is '.' or '\u00A0' or '–' || (text[end] == '+' && end == i)))
            {
                digits += char.IsAsciiDigit(text[end]) ? 1 : 0;
                end++;
            }
            if (end < text.Length && char.IsLetter(text[end]) && !char.IsWhiteSpace(text[end - 1]))
            {
                i = end;   // glued to a word: an id or code, not a phone number
                continue;
            }
            var run = text[i..end].TrimEnd(' ', '-', '/', '(', '.', '\u00A0', '–');
            if (digits >= 6)
            {
                candidates++;
                foreach (var part in digits > 15 ? run.Split(" / ") : [run])
                {
                    if (Plausible(part) && !LabelledOtherwise(text, i))
                    {
                        sink.Add(FactFields.Phone, Normalize(part, region), method);
                    }
                }
            }
            i = end;
        }
    }

    private static bool Plausible(string run)
    {
        var digits = run.Count(char.IsAsciiDigit);
        // Dots without a country code are dates and version numbers far more often than phone numbers.
        return digits is >= 6 and <= 17 && (run[0] == '+' || !run.Contains('.', StringComparison.Ordinal));
    }

    /// <summary>Whether the nearest label before the run (same line) names fax, bank, tax or register.</summary>
    private static bool LabelledOtherwise(string text, int start)
    {
        var from = Math.Max(0, start - LookBack);
        var line = text.LastIndexOf('\n', Math.Max(0, start - 1));
        if (line >= from)
        {
            from = line + 1;
        }
        var before = text.AsSpan(from, start - from);
        var other = LastIndexOfAny(before, NotPhone);
        return other >= 0 && other > LastIndexOfAny(before, PhoneLabels);
    }

    private static int LastIndexOfAny(ReadOnlySpan<char> span, string[] words)
    {
        var best = -1;
        foreach (var w in words)
        {
            best = Math.Max(best, span.LastIndexOf(w, StringComparison.OrdinalIgnoreCase));
        }
        return best;
    }
}
