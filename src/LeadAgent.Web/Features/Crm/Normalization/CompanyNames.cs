using System.Globalization;
using System.Text;

namespace LeadAgent.Web.Features.Crm.Normalization;

/// <summary>
/// Matching key of a company name: case-folded, umlauts transliterated and other diacritics dropped, "&amp;" read as
/// "and", punctuation removed and legal forms (GmbH, LLC, Ltd, FZ-LLC, …) stripped. "Müller &amp; Söhne GmbH" →
/// "mueller and soehne".
/// </summary>
public static class CompanyNames
{
    private static readonly HashSet<string> LegalForms =
    [
        "gmbh", "mbh", "ag", "ug", "haftungsbeschrankt", "haftungsbeschraenkt", "ek", "kg", "ohg", "ev", "co", "kgaa",
        "se", "llc", "inc", "incorporated", "corp", "corporation", "company", "ltd", "limited", "plc", "llp", "lp",
        "sa", "sl", "srl", "sas", "sarl", "bv", "nv", "ab", "as", "aps", "oy", "pty", "pvt", "fz", "fzllc", "fze",
        "fzco", "pjsc", "wll", "spc", "spa", "sro", "kft", "doo",
    ];

    /// <summary>A VAT or register number as stored and compared: upper case, no spaces; null when empty.</summary>
    public static string? RegistrationId(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.ToUpperInvariant().Replace(" ", "", StringComparison.Ordinal);

    public static string Key(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "";
        }
        var text = name.Normalize(NormalizationForm.FormKC).ToLowerInvariant()
            .Replace("ä", "ae", StringComparison.Ordinal).Replace("ö", "oe", StringComparison.Ordinal)
            .Replace("ü", "ue", StringComparison.Ordinal).Replace("ß", "ss", StringComparison.Ordinal)
            .Replace("&", " and ", StringComparison.Ordinal).Replace("+", " and ", StringComparison.Ordinal)
            .Replace(" und ", " and ", StringComparison.Ordinal);
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            // Dots and hyphens inside legal forms join their letters (L.L.C., FZ-LLC, e.K.); other punctuation
            // separates words.
            sb.Append(char.IsLetterOrDigit(c) ? c : c is '.' or '-' or '\'' ? '\0' : ' ');
        }
        var tokens = sb.ToString().Replace("\0", "", StringComparison.Ordinal)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        // Legal forms at the end (several: "GmbH & Co. KG"), and "the" at the start.
        while (tokens.Count > 1 && (LegalForms.Contains(tokens[^1]) || tokens[^1] == "and"))
        {
            tokens.RemoveAt(tokens.Count - 1);
        }
        if (tokens.Count > 1 && tokens[0] == "the")
        {
            tokens.RemoveAt(0);
        }
        // A name of symbols only ("!!!") keys as itself, so every named company has a key.
        return tokens.Count == 0 ? name.Trim().ToLowerInvariant() : string.Join(' ', tokens);
    }
}
