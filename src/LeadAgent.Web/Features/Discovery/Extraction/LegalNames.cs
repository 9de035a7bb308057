using System.Text.RegularExpressions;

namespace LeadAgent.Web.Features.Discovery.Extraction;

/// <summary>
/// Company names that end in a legal form ("Brandt Messebau GmbH", "Klangwerk UG (haftungsbeschränkt)",
/// "Falcon Exhibits FZ-LLC"), with the form in one canonical spelling. Names of the usual third parties in a privacy
/// notice (hosts, analytics, social networks) are not the site's own and are refused.
/// </summary>
internal static partial class LegalNames
{
    private const string Forms = @"GmbH\s?&\s?Co\.?\s?KG(?:aA)?|UG\s?\(haftungsbeschränkt\)|gGmbH|GmbH"
        + @"|Ges\.?\s?m\.?\s?b\.?\s?H\.?|AG|SE|KGaA|KG|OHG|oHG|GbR|e\.\s?K\.|e\.\s?Kfm\.|e\.\s?Kfr\."
        + @"|e\.\s?U\.|OG|KEG|PartG(?:\s?mbB)?"
        + @"|Ltd\.?|Limited|LLP|PLC|plc"
        + @"|FZ[\s-]LLC|L\.?L\.?C\.?|FZE|FZCO|Inc\.?|S\.A\.|B\.V\.|N\.V\.|SARL|S\.à\s?r\.l\.|S\.r\.l\.|Sagl|Sàrl";

    private static readonly string[] ThirdParties =
        ["google", "facebook", "meta platforms", "microsoft", "amazon", "linkedin", "hetzner", "strato", "ionos",
            "1&1", "cloudflare", "vimeo", "youtube", "wix", "squarespace", "automattic", "mailchimp", "hubspot",
            "jimdo", "shopify", "wordpress", "webflow", "apple", "twitter", "instagram", "paypal", "stripe",
            "mollie", "klarna", "usercentrics", "cookiebot", "borlabs", "etracker", "matomo", "hotjar", "adobe"];

    // Words that make a segment a label or a legal sentence rather than a name.
    private static readonly string[] NotName =
        ["amtsgericht", "registergericht", "handelsregister", "firmenbuch", "sitz der", "vertreten", "geschäftsführ",
            "persönlich haftend", "komplementär", "gesellschafterin", "aufsicht", "inhaber", "haftung für",
            "copyright", "rechte vorbehalten", "rights reserved"];

    // Labels an imprint puts before the name without a colon ("Firma Muster GmbH", "Anbieter Muster AG").
    private static readonly string[] Labels =
        ["firma", "anbieter", "diensteanbieter", "betreiber", "herausgeber", "unternehmen", "company", "provider",
            "operator", "publisher", "owner", "name"];

    [GeneratedRegex(@"^(?<name>[\p{Lu}\d][^:|]{0,80}?)[\s,]+(?<form>" + Forms + @")$", RegexOptions.None, 200)]
    private static partial Regex NameWithForm();

    [GeneratedRegex(@"(?:^|\s)(?<form>" + Forms + @")$", RegexOptions.None, 200)]
    private static partial Regex FormAtEnd();

    /// <summary>(legal name, canonical form) when the text is a company name with a legal form, else null.</summary>
    public static (string Name, string Form)? Parse(string segment)
    {
        var text = Clean(segment);
        if (text.Length is < 4 or > 100)
        {
            return null;
        }
        var m = NameWithForm().Match(text);
        if (!m.Success)
        {
            return null;
        }
        var name = m.Groups["name"].Value.Trim();
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        var lower = text.ToLowerInvariant();
        if (words > 7 || name.Length < 2 || name.EndsWith('-') || NotName.Any(lower.Contains)
            || ThirdParties.Any(w => ContainsWord(lower, w)))
        {
            return null;
        }
        return (text, Canonical(m.Groups["form"].Value));
    }

    /// <summary>The canonical legal form a name ends with ("Muster L.L.C." → "LLC"), else null.</summary>
    public static string? FormOf(string? name)
    {
        if (name is null)
        {
            return null;
        }
        var m = FormAtEnd().Match(name.Trim());
        return m.Success ? Canonical(m.Groups["form"].Value) : null;
    }

    /// <summary>A line segment without a label ("Anbieter: "), copyright sign, year or trailing punctuation.</summary>
    private static string Clean(string segment)
    {
        var text = segment.Trim();
        var colon = text.LastIndexOf(':');
        if (colon >= 0)
        {
            text = text[(colon + 1)..].Trim();
        }
        if (text.StartsWith("(c)", StringComparison.OrdinalIgnoreCase))
        {
            text = text[3..];
        }
        text = text.TrimStart('©', ' ');
        foreach (var label in Labels)
        {
            if (text.Length > label.Length + 1 && text.StartsWith(label + " ", StringComparison.OrdinalIgnoreCase)
                && (char.IsUpper(text[label.Length + 1]) || char.IsDigit(text[label.Length + 1])))
            {
                text = text[(label.Length + 1)..].TrimStart();
                break;
            }
        }
        if (text.StartsWith("Copyright", StringComparison.OrdinalIgnoreCase))
        {
            text = text["Copyright".Length..].TrimStart(' ', '©');
        }
        // "2024 Muster GmbH", "2019–2024 Muster GmbH"
        var i = 0;
        while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] is '-' or '–' or ' '))
        {
            i++;
        }
        if (i >= 5)
        {
            text = text[i..];
        }
        return text.TrimEnd(' ', ',', ';', '·', '|');
    }

    private static bool ContainsWord(string text, string word)
    {
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0;
             at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            var end = at + word.Length;
            if ((at == 0 || !char.IsLetter(text[at - 1])) && (end == text.Length || !char.IsLetter(text[end])))
            {
                return true;
            }
        }
        return false;
    }

    private static string Canonical(string form)
    {
        var f = form.Replace(" ", "", StringComparison.Ordinal);
        return f switch
        {
            _ when f.StartsWith("GmbH&Co", StringComparison.Ordinal) =>
                f.EndsWith("aA", StringComparison.Ordinal) ? "GmbH & Co. KGaA" : "GmbH & Co. KG",
            _ when f.StartsWith("UG", StringComparison.Ordinal) => "UG (haftungsbeschränkt)",
            _ when f.StartsWith("Ges", StringComparison.Ordinal) => "GmbH",
            "e.K." or "e.Kfm." or "e.Kfr." => "e.K.",
            "oHG" => "OHG",
            "Ltd" or "Ltd." or "Limited" => "Ltd",
            "plc" => "PLC",
            "Inc" or "Inc." => "Inc.",
            _ when f.StartsWith("PartG", StringComparison.Ordinal) => f.Length > 5 ? "PartG mbB" : "PartG",
            _ when f.StartsWith("FZ", StringComparison.Ordinal) && f.EndsWith("LLC", StringComparison.Ordinal) =>
                "FZ-LLC",
            _ when f.Replace(".", "", StringComparison.Ordinal) == "LLC" => "LLC",
            "S.àr.l." or "Sàrl" => "Sàrl",
            _ => f,
        };
    }
}
