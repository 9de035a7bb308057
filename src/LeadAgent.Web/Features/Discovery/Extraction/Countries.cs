using System.Collections.Frozen;

namespace LeadAgent.Web.Features.Discovery.Extraction;

/// <summary>Country names and codes as company sites write them → ISO 3166-1 alpha-2; ccTLD → phone region.</summary>
internal static class Countries
{
    private static readonly (string Code, string[] Names)[] Table =
    [
        ("DE", ["deutschland", "germany", "bundesrepublik deutschland", "brd"]),
        ("AT", ["österreich", "oesterreich", "austria"]),
        ("CH", ["schweiz", "switzerland", "suisse", "svizzera"]),
        ("GB", ["united kingdom", "uk", "u.k.", "great britain", "england", "scotland", "wales",
            "vereinigtes königreich", "großbritannien"]),
        ("AE", ["united arab emirates", "uae", "u.a.e.", "vae", "vereinigte arabische emirate"]),
        ("LI", ["liechtenstein"]), ("LU", ["luxemburg", "luxembourg"]),
        ("NL", ["niederlande", "netherlands", "the netherlands"]), ("BE", ["belgien", "belgium"]),
        ("FR", ["frankreich", "france"]), ("IT", ["italien", "italy"]), ("ES", ["spanien", "spain"]),
        ("PL", ["polen", "poland"]), ("DK", ["dänemark", "denmark"]), ("IE", ["ireland", "irland"]),
        ("US", ["usa", "united states", "united states of america"]),
    ];

    private static readonly FrozenDictionary<string, string> Names = Table
        .SelectMany(row => row.Names.Select(name => KeyValuePair.Create(name, row.Code)))
        .ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    // Country-code TLDs that are marketed as generic and say nothing about where a company sits.
    private static readonly FrozenSet<string> VanityTlds = FrozenSet.ToFrozenSet(
        ["io", "co", "me", "tv", "ai", "cc", "fm", "ly", "to", "ws", "gg", "sh", "ac", "eu", "app", "so", "vc",
            "la", "am", "gl", "is"], StringComparer.Ordinal);

    /// <summary>ISO alpha-2 for a name or code ("Deutschland", "Germany", "DE", "D"), else null.</summary>
    public static string? Code(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var t = text.Trim().TrimEnd('.', ',');
        if (Names.TryGetValue(t, out var code))
        {
            return code;
        }
        if (t.Length == 2 && char.IsAsciiLetter(t[0]) && char.IsAsciiLetter(t[1]))
        {
            var upper = t.ToUpperInvariant();
            return upper == "UK" ? "GB" : upper;
        }
        return t is "D" ? "DE" : t is "A" ? "AT" : null;
    }

    /// <summary>The phone region a host's country-code TLD suggests ("shop.example.co.uk" → GB), else null.</summary>
    public static string? RegionOfHost(string host)
    {
        var dot = host.LastIndexOf('.');
        var tld = host[(dot + 1)..].ToLowerInvariant();
        if (tld.Length != 2 || VanityTlds.Contains(tld) || !char.IsAsciiLetter(tld[0]) || !char.IsAsciiLetter(tld[1]))
        {
            return null;
        }
        return tld == "uk" ? "GB" : tld.ToUpperInvariant();
    }

    /// <summary>The region of a language tag with one ("de-AT" → AT), else null.</summary>
    public static string? RegionOfLanguage(string? tag)
    {
        if (tag is null)
        {
            return null;
        }
        var parts = tag.Split('-', '_');
        return parts.Length >= 2 && parts[^1].Length == 2 && char.IsAsciiLetter(parts[^1][0])
            ? parts[^1].ToUpperInvariant() : null;
    }
}
