using System.Globalization;
using System.Text;
using LeadAgent.Web.Features.Crm.Normalization;

namespace LeadAgent.Web.Features.Policy;

/// <summary>
/// The normalised forms entries are stored and compared in: hosts in A-label form without "www.", e-mails as the CRM
/// keeps them, phones in E.164, keywords folded (lower case, ä → ae, ö → oe, ü → ue, ß → ss, other accents dropped)
/// and split into words, so "Müller-Bau" matches "MUELLER BAU" but "bau" does not match "Baustelle".
/// </summary>
public static class PolicyValues
{
    public const int KeywordMax = 100;

    /// <summary>
    /// A domain or host ("https://www.Shop.Example.de/x", "shop.example.de") → "shop.example.de"; null when it is no
    /// host name or is itself a public suffix ("co.uk").
    /// </summary>
    public static string? Host(string? input)
    {
        var text = input?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        var at = text.LastIndexOf('@');
        if (at >= 0 && !text.Contains("://", StringComparison.Ordinal))
        {
            text = text[(at + 1)..];
        }
        var absolute = text.Contains("://", StringComparison.Ordinal) ? text : "https://" + text;
        if (!Uri.TryCreate(absolute, UriKind.Absolute, out var uri)
            || uri.HostNameType is not (UriHostNameType.Dns or UriHostNameType.Basic))
        {
            return null;
        }
        var host = DomainName.AsciiHost(uri.IdnHost);
        if (host is null || DomainName.HostNameError(host) is not null)
        {
            return null;
        }
        if (host.StartsWith("www.", StringComparison.Ordinal) && DomainName.Registrable(host[4..]) is not null)
        {
            host = host[4..];
        }
        return DomainName.Registrable(host) is null ? null : host;
    }

    /// <summary>The host and its parents down to its registrable domain: a.b.example.de … example.de.</summary>
    public static IEnumerable<string> HostAndParents(string host)
    {
        var registrable = DomainName.Registrable(host) ?? host;
        var current = host;
        while (true)
        {
            yield return current;
            if (current.Length <= registrable.Length)
            {
                yield break;
            }
            var dot = current.IndexOf('.', StringComparison.Ordinal);
            if (dot < 0)
            {
                yield break;
            }
            current = current[(dot + 1)..];
        }
    }

    public static string? Email(string? input) => EmailAddresses.Normalize(input).Value;

    /// <summary>
    /// E.164; a number without a country code is read in <paramref name="region"/> (Germany when none is given: the
    /// workspace's home market).
    /// </summary>
    public static string? Phone(string? input, string? region = null)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }
        return ContactPoints.Phone(input, "ZZ").Value ?? ContactPoints.Phone(input, region ?? "DE").Value;
    }

    /// <summary>The keyword as stored: its folded words joined by single spaces; "" when it has none.</summary>
    public static string Keyword(string? input) => string.Join(' ', Words(input));

    /// <summary>The folded words of a text, in order.</summary>
    public static List<string> Words(string? text)
    {
        var words = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return words;
        }
        if (!System.Text.Ascii.IsValid(text))
        {
            text = text.Normalize(NormalizationForm.FormC); // "u" + combining diaeresis is "ü"
        }
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                Fold(c, word);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.NonSpacingMark
                         or UnicodeCategory.SpacingCombiningMark) && word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }
        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }
        return words;
    }

    private static void Fold(char c, StringBuilder into)
    {
        switch (char.ToLowerInvariant(c))
        {
            case 'ä':
                into.Append("ae");
                return;
            case 'ö':
                into.Append("oe");
                return;
            case 'ü':
                into.Append("ue");
                return;
            case 'ß':
                into.Append("ss");
                return;
            case var lower when lower < 128:
                into.Append(lower);
                return;
            case var other:
                // é → e, ø stays ø: the base letter of a decomposable character.
                foreach (var part in other.ToString().Normalize(NormalizationForm.FormD))
                {
                    if (CharUnicodeInfo.GetUnicodeCategory(part) != UnicodeCategory.NonSpacingMark)
                    {
                        into.Append(part);
                    }
                }
                return;
        }
    }
}
