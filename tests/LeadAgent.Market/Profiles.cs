namespace LeadAgent.Market;

/// <summary>Makes one company: name, legal form, identifiers, what its site publishes, people and profiles.</summary>
internal static class Profiles
{
    /// <summary>A company; media outlets come with their own name, domain and legal form.</summary>
    public static Profile Create(Random r, int id, CompanyKind kind, string country, ISet<string> taken,
        ISet<string> names, (string Name, string Domain, string Form)? given = null)
    {
        var city = Places.Pick(r, country);
        // German-speaking countries write German; a few Swiss companies (Zug, Basel) run English-only sites.
        var german = country is "DE" or "AT" || (country == "CH" && r.Chance(0.8));
        var trade = kind switch
        {
            CompanyKind.CorporateClient => r.Pick(KindTexts.Industries),
            CompanyKind.BrandOwner => r.Pick(KindTexts.Products),
            _ => null,
        };
        var name = given?.Name ?? CompanyNames.Name(r, kind, country, german, city, trade);
        // A few names repeat (as in life: two "Crown Events" in two countries); most are drawn again.
        for (var tries = 0; given is null && !names.Add(name) && tries < 6; tries++)
        {
            name = CompanyNames.Name(r, kind, country, german, city, trade);
        }
        var form = given?.Form ?? CompanyNames.LegalForm(r, kind, country);
        var domain = given?.Domain ?? CompanyNames.Domain(r, name, country, taken);
        taken.Add(domain);
        var publishesVat = r.Chance(country switch
        {
            "DE" or "AT" => 0.85,
            "CH" => 0.6,
            "GB" => 0.55,
            "AE" => 0.45,
            "NL" => 0.5,
            _ => 0,
        });
        var vat = VatIds.Generate(r, country);
        var (register, number, court) = Register(r, country, form, city, vat);
        var p = new Profile
        {
            Id = id,
            Kind = kind,
            Country = country,
            City = city,
            Trade = trade,
            Name = name,
            LegalForm = form,
            German = german,
            Bilingual = german ? r.Chance(0.25) : country == "AE" && r.Chance(0.3),
            Street = Places.Street(r, city),
            Founded = r.Next(1950, 2021),
            Staff = kind == CompanyKind.CorporateClient ? r.Next(250, 12000) : r.Next(3, 60),
            Vat = publishesVat ? vat : null,
            VatVariant = r.Next(3),
            Phone = r.Chance(0.88) ? PhoneNumber.New(r, city) : null,
            PhoneVariant = r.Next(7),
            Fax = r.Chance(0.3),
            Email = r.Chance(0.85) ? Email(r, kind, country, domain, name) : null,
            EmailStyle = r.Next(Emails.Styles),
            Register = register,
            RegisterNumber = number,
            RegisterCourt = court,
            Www = r.Next(100) switch { < 60 => 0, < 92 => 1, _ => 2 },
        };
        p.Domains.Add(domain);
        var directors = form is "AG" or "plc" ? r.Next(2, 4) : form is "e.K." or "e.U." ? 1 : r.Next(1, 3);
        for (var i = 0; i < directors; i++)
        {
            p.Directors.Add(People.FullName(r, country));
        }
        if (r.Chance(0.55))
        {
            Team(r, p, domain);
        }
        Socials(r, p, domain);
        return p;
    }

    private static string Email(Random r, CompanyKind kind, string country, string domain, string name)
    {
        // Small trades often use a free-mail address instead of their domain.
        if (kind is CompanyKind.Bakery or CompanyKind.Craftsman && r.Chance(0.3))
        {
            var host = country == "GB" ? "gmail.com" : r.Pick(["gmx.de", "t-online.de", "web.de", "gmail.com"]);
            return $"{CompanyNames.Slug(name, true, ".")}@{host}";
        }
        var local = (country, kind) switch
        {
            ("AT", _) => r.Pick(["office", "info", "office"]),
            ("DE" or "CH", _) => r.Pick(["info", "kontakt", "hallo", "mail", "info"]),
            (_, CompanyKind.Reseller) => r.Pick(["sales", "info", "enquiries"]),
            (_, CompanyKind.EventAgency) => r.Pick(["hello", "events", "info"]),
            _ => r.Pick(["info", "hello", "enquiries"]),
        };
        return $"{local}@{domain}";
    }

    private static (string?, string?, string?) Register(Random r, string country, string form, City city,
        string? vat)
    {
        var digits = Html.N(r.Next(1000, 260000));
        switch (country)
        {
            case "DE" when form == "e.V.":
                var vr = $"VR {digits}";
                return ($"{vr} {city.Court}", vr, city.Court);
            case "DE" when form.Length == 0:
                return (null, null, null);
            case "DE":
                var kind = form switch { "e.K." or "GmbH & Co. KG" => "HRA", "PartG mbB" => "PR", _ => "HRB" };
                var number = $"{kind} {digits}";
                return ($"{number} {city.Court}", number, city.Court);
            case "AT":
                var fn = $"FN {digits}{(char)('a' + r.Next(26))}";
                return (fn, fn, city.Court);
            case "CH":
                // The UID is both the register number and, with MWST, the VAT number.
                var uid = vat ?? VatIds.Generate(r, "CH")!;
                var shown = $"CHE-{uid[3..6]}.{uid[6..9]}.{uid[9..]}";
                return (shown, shown, city.Court);
            case "GB":
                var crn = form == "LLP" ? "OC" + VatIds.Digits(r, 6)
                    : city.Name == "Edinburgh" ? "SC" + VatIds.Digits(r, 6) : "0" + VatIds.Digits(r, 7);
                var where = crn.StartsWith("SC", StringComparison.Ordinal) ? "Scotland" : "England and Wales";
                return ($"Companies House {crn}", crn, "Registered in " + where);
            case "AE":
                var licence = Html.N(r.Next(100000, 999999));
                var authority = form switch
                {
                    "FZE" => "Dubai Airport Freezone Authority",
                    "FZ-LLC" => r.Pick(["Dubai Development Authority", "RAK Economic Zone"]),
                    _ => city.Court,
                };
                return ($"Trade Licence {licence}", licence, authority);
            case "NL":
                var kvk = VatIds.Digits(r, 8);
                return ($"KvK {kvk}", kvk, "Kamer van Koophandel");
            default:
                return (null, null, null);
        }
    }

    private static void Team(Random r, Profile p, string domain)
    {
        var roles = People.Roles(p.Kind, p.German);
        var showEmails = r.Chance(0.5);
        var title = p.German ? "Geschäftsführung" : "Managing Director";
        foreach (var director in p.Directors)
        {
            p.Team.Add(new Person(director, title, showEmails ? People.Email(director, domain, p.Id) : null));
        }
        for (var i = r.Next(1, 5); i > 0; i--)
        {
            var name = People.FullName(r, p.Country);
            if (p.Team.All(t => t.Name != name))
            {
                p.Team.Add(new Person(name, r.Pick(roles), showEmails ? People.Email(name, domain, p.Id) : null));
            }
        }
    }

    private static void Socials(Random r, Profile p, string domain)
    {
        var slug = domain[..domain.IndexOf('.', StringComparison.Ordinal)];
        var visual = p.Kind is CompanyKind.EventAgency or CompanyKind.BrandOwner or CompanyKind.Bakery;
        if (r.Chance(p.Kind == CompanyKind.Bakery ? 0.1 : 0.6))
        {
            p.Socials.Add($"https://www.linkedin.com/company/{slug}");
        }
        if (r.Chance(visual ? 0.6 : 0.25))
        {
            p.Socials.Add($"https://www.instagram.com/{slug.Replace("-", "_", StringComparison.Ordinal)}");
        }
        if (r.Chance(0.3))
        {
            p.Socials.Add($"https://www.facebook.com/{slug.Replace("-", "", StringComparison.Ordinal)}");
        }
        if (p.German && r.Chance(0.3))
        {
            p.Socials.Add($"https://www.xing.com/pages/{slug}");
        }
    }
}
