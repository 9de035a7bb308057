using System.Globalization;
using System.Text;

namespace LeadAgent.Market;

/// <summary>Invented but plausible company names, their domains and legal forms, by kind and country.</summary>
internal static class CompanyNames
{
    private static readonly string[] GermanSurnames =
    [
        "Krüger", "Hofmann", "Bergmann", "Schäfer", "Wagner", "Becker", "Lehmann", "Brandt", "Vogel", "Hartmann",
        "Zimmermann", "Lorenz", "Fuchs", "Winkler", "Huber", "Gruber", "Steiner", "Moser", "Meier", "Keller",
        "Brunner", "Weiß", "Köhler", "Seidel",
    ];

    private static readonly string[] EnglishSurnames =
    [
        "Smith", "Taylor", "Harris", "Walker", "Wright", "Hughes", "Clarke", "Turner", "Morgan", "Bennett",
        "Cooper", "Foster", "Palmer", "Fletcher", "Ashworth",
    ];

    private static readonly string[] GulfSurnames =
        ["Al Mansouri", "Haddad", "Khan", "Al Falasi", "Nair", "Rahman", "Saleh", "Al Hashimi", "Qureshi"];

    private static readonly Dictionary<string, string[]> OtherSurnames = new()
    {
        ["FR"] = ["Dubois", "Martin", "Lefèvre", "Moreau"],
        ["NL"] = ["de Vries", "Jansen", "Bakker", "Visser"],
        ["IT"] = ["Rossi", "Bianchi", "Ricci"],
        ["ES"] = ["García", "López", "Fernández"],
        ["PL"] = ["Kowalski", "Nowak", "Wiśniewski"],
        ["US"] = ["Miller", "Johnson", "Davis", "Carter"],
    };

    private static readonly string[] GermanPrefixes =
    [
        "Alpen", "Nord", "Rhein", "Isar", "Elb", "Spree", "Donau", "Stern", "Blau", "Gold", "Licht", "Berg",
        "Sonnen", "Main", "Hafen", "Linden", "Falken", "Brücken", "Kristall", "Inn",
    ];

    private static readonly string[] EnglishPrefixes =
    [
        "Bright", "Blue", "Silver", "Northern", "Red", "Crown", "Oak", "Summit", "Harbour", "Pinnacle", "Nova",
        "Lime", "Copper", "Thames", "Pennine", "Granite", "Kestrel",
    ];

    private static readonly string[] GulfPrefixes =
        ["Gulf", "Desert", "Falcon", "Oasis", "Pearl", "Dune", "Marina", "Palm", "Creek", "Arabian", "Saffron"];

    public static string Surname(Random r, string country) => r.Pick(country switch
    {
        "DE" or "AT" or "CH" => GermanSurnames,
        "GB" => EnglishSurnames,
        "AE" => r.Chance(0.6) ? GulfSurnames : EnglishSurnames,
        _ => OtherSurnames[country],
    });

    private static string Prefix(Random r, string country) => r.Pick(country switch
    {
        "DE" or "AT" or "CH" => GermanPrefixes,
        "AE" => r.Chance(0.7) ? GulfPrefixes : EnglishPrefixes,
        _ => EnglishPrefixes,
    });

    /// <summary>The trading name (without legal form).</summary>
    public static string Name(Random r, CompanyKind kind, string country, bool german, City city, Trade? trade)
    {
        var s = Surname(r, country);
        var p = Prefix(r, country);
        var variant = r.Next(4);
        return (kind, german) switch
        {
            (CompanyKind.EventAgency, true) => variant switch
            {
                0 => $"{s} Events",
                1 => $"{p}werk Events",
                2 => $"Eventmanufaktur {city.Name}",
                _ => $"{p}licht Eventagentur",
            },
            (CompanyKind.EventAgency, false) => variant switch
            {
                0 => $"{p}stage",
                1 => $"{p} Events",
                2 => $"{s} Live",
                _ => country == "AE" ? $"{p} Expo" : $"{p} Experiences",
            },
            (CompanyKind.Reseller, true) => variant switch
            {
                0 => $"{p} Werbemittel",
                1 => $"{s} Werbeartikel",
                2 => $"Werbekontor {city.Name}",
                _ => $"Promo{p.ToLowerInvariant()}",
            },
            (CompanyKind.Reseller, false) => variant switch
            {
                0 => $"{p} Promotions",
                1 => $"{p} Merchandise",
                2 => $"{s} Promotional Products",
                _ => $"Brand{r.Pick(["Box", "Crate", "Works", "Hub"])}",
            },
            (CompanyKind.BrandOwner, true) => $"{p}{trade!.GermanSuffix}",
            (CompanyKind.BrandOwner, false) => $"{p} {trade!.EnglishSuffix}",
            (CompanyKind.CorporateClient, true) =>
                variant < 3 ? $"{p} {trade!.GermanSuffix}" : $"{city.Name} {trade!.GermanSuffix}",
            (CompanyKind.CorporateClient, false) =>
                variant < 3 ? $"{p} {trade!.EnglishSuffix}" : $"{city.EnglishName} {trade!.EnglishSuffix} Group",
            (CompanyKind.Bakery, true) => $"Bäckerei {s}",
            (CompanyKind.Bakery, false) => country == "AE" ? $"{p} Bakery" : $"{s}'s Bakery",
            (CompanyKind.LawFirm, true) => $"{s} & {Surname(r, country)} Rechtsanwälte",
            (CompanyKind.LawFirm, false) => $"{s} {Surname(r, country)}",
            (CompanyKind.SoftwareHouse, true) => variant < 2 ? $"{p}code" : $"{p}soft",
            (CompanyKind.SoftwareHouse, false) => variant < 2 ? $"{p}byte" : $"{p} Software",
            (CompanyKind.TaxAdvisor, true) => $"Steuerberatung {s}",
            (CompanyKind.TaxAdvisor, false) => $"{s} & Co Accountants",
            (CompanyKind.Craftsman, true) => $"{s} Haustechnik",
            _ => $"{s} Plumbing & Heating",
        };
    }

    /// <summary>The legal form, as printed after the name.</summary>
    public static string LegalForm(Random r, CompanyKind kind, string country)
    {
        var x = r.NextDouble();
        var big = kind == CompanyKind.CorporateClient;
        return country switch
        {
            "DE" when kind == CompanyKind.LawFirm => x < 0.6 ? "PartG mbB" : "GmbH",
            "DE" when big => x < 0.5 ? "AG" : x < 0.8 ? "GmbH" : "GmbH & Co. KG",
            "DE" => x < 0.45 ? "GmbH" : x < 0.6 ? "UG (haftungsbeschränkt)" : x < 0.8 ? "GmbH & Co. KG" : "e.K.",
            "AT" => big && x < 0.5 ? "AG" : x < 0.65 ? "GmbH" : x < 0.85 ? "GmbH & Co KG" : "e.U.",
            "CH" => x < 0.5 ? "AG" : "GmbH",
            "GB" when kind is CompanyKind.LawFirm or CompanyKind.TaxAdvisor => "LLP",
            "GB" => big && x < 0.4 ? "plc" : x < 0.95 ? "Ltd" : "LLP",
            "AE" => x < 0.4 ? "LLC" : x < 0.7 ? "FZE" : "FZ-LLC",
            "FR" => x < 0.5 ? "SAS" : "SARL",
            "NL" => "B.V.",
            "IT" => "S.r.l.",
            "ES" => "S.L.",
            "PL" => "Sp. z o.o.",
            _ => x < 0.5 ? "Inc." : "LLC",
        };
    }

    /// <summary>A registrable domain for the name; <paramref name="taken"/> keeps every domain unique.</summary>
    public static string Domain(Random r, string name, string country, ISet<string> taken)
    {
        var umlauts = r.Chance(0.5);
        var joiner = r.Chance(0.6) ? "-" : "";
        var slug = Slug(name, umlauts, joiner);
        var tld = country switch
        {
            "DE" => r.Chance(0.9) ? ".de" : ".com",
            "AT" => r.Chance(0.85) ? ".at" : ".com",
            "CH" => r.Chance(0.85) ? ".ch" : ".com",
            "GB" => r.Chance(0.6) ? ".co.uk" : r.Chance(0.5) ? ".com" : ".uk",
            "AE" => r.Chance(0.6) ? ".ae" : ".com",
            "US" => ".com",
            _ => "." + country.ToLowerInvariant(),
        };
        var domain = slug + tld;
        for (var i = 2; !taken.Add(domain); i++)
        {
            domain = $"{slug}{joiner}{(i == 2 ? "online" : i.ToString(CultureInfo.InvariantCulture))}{tld}";
        }
        return domain;
    }

    /// <summary>"Krüger Events" → "krueger-events" (or "kruger-events"); "&amp;" and apostrophes dropped.</summary>
    public static string Slug(string name, bool umlautsAsE, string joiner)
    {
        var folded = new StringBuilder();
        foreach (var c in name.ToLowerInvariant())
        {
            folded.Append(c switch
            {
                'ä' => umlautsAsE ? "ae" : "a",
                'ö' => umlautsAsE ? "oe" : "o",
                'ü' => umlautsAsE ? "ue" : "u",
                'ß' => "ss",
                _ when char.IsAsciiLetterOrDigit(c) => c.ToString(),
                _ when char.IsLetter(c) => RemoveAccent(c),
                _ => " ",
            });
        }
        return string.Join(joiner, folded.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static string RemoveAccent(char c) =>
        new([.. c.ToString().Normalize(NormalizationForm.FormD).Where(ch =>
            CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark)]);
}
