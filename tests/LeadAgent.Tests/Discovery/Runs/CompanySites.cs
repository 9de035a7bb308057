namespace LeadAgent.Tests.Discovery.Runs;

/// <summary>One invented company with what its site publishes.</summary>
public sealed record SiteCompany(string Host, string Name, string LegalName, string Vat, string Phone, string Email,
    string Street, string Postcode, string City, string Director, string Trade);

/// <summary>
/// Realistic company sites on <see cref="FakeSites"/>: a German home page linking to Impressum and Kontakt, an
/// Impressum with legal name, address, VAT id and register, and a contact page with an obfuscated e-mail.
/// </summary>
public static class CompanySites
{
    /// <summary>A German VAT id with a valid ISO 7064 MOD 11,10 check digit, from eight digits.</summary>
    public static string GermanVat(string eightDigits)
    {
        var product = 10;
        foreach (var c in eightDigits)
        {
            var sum = (c - '0' + product) % 10;
            product = 2 * (sum == 0 ? 10 : sum) % 11;
        }
        return "DE" + eightDigits + (11 - product) % 10;
    }

    public static SiteCompany Agency(string host, string name, string city = "München") => new(host, name,
        $"{name} GmbH", GermanVat($"{Math.Abs(host.GetHashCode(StringComparison.Ordinal)) % 100_000_000:D8}"),
        "+49 89 1234567", $"info@{host}", "Leopoldstraße 12", "80802", city, "Anna Berger",
        "Eventagentur für Firmenevents, Messebau und Incentives");

    public static FakeSites AddCompany(this FakeSites sites, SiteCompany c, string? robots = null)
    {
        var root = $"http://{c.Host}";
        sites.Add($"{root}/robots.txt",
            new FakeSites.Page(Type: "text/plain", Body: robots ?? "User-agent: *\nAllow: /\n"));
        sites.Add($"{root}/", new FakeSites.Page(Body: $"""
            <!doctype html><html lang="de"><head><title>{c.Name} – {c.Trade}</title>
            <meta name="description" content="{c.Name}: {c.Trade} in {c.City}.">
            <script type="application/ld+json">{"{"}"@context":"http://schema.org","@type":"Organization",
            "name":"{c.Name}","url":"{root}/"{"}"}</script></head>
            <body><nav><a href="/ueber-uns">Über uns</a> <a href="/kontakt">Kontakt</a>
            <a href="/impressum">Impressum</a></nav>
            <h1>{c.Name}</h1><p>Wir sind Ihre {c.Trade} in {c.City}. Über 40 Mitarbeiter planen Events.</p>
            <a href="http://www.linkedin.com/company/{c.Host.Split('.')[0]}">LinkedIn</a></body></html>
            """));
        sites.Add($"{root}/impressum", new FakeSites.Page(Body: $"""
            <html><head><title>Impressum</title></head><body><h1>Impressum</h1>
            <p>Angaben gemäß § 5 DDG</p><p>{c.LegalName}<br>{c.Street}<br>{c.Postcode} {c.City}</p>
            <p>Geschäftsführer: {c.Director}</p><p>Telefon: {c.Phone}<br>E-Mail: {c.Email}</p>
            <p>Registergericht: Amtsgericht München<br>Registernummer: HRB 123456</p>
            <p>Umsatzsteuer-Identifikationsnummer gemäß § 27 a UStG: {c.Vat}</p></body></html>
            """));
        sites.Add($"{root}/kontakt", new FakeSites.Page(Body: $"""
            <html><head><title>Kontakt</title></head><body><h1>Kontakt</h1>
            <p>Schreiben Sie uns: {c.Email.Replace("@", " [at] ", StringComparison.Ordinal)}</p>
            <p>Tel. <a href="tel:{c.Phone.Replace(" ", "", StringComparison.Ordinal)}">{c.Phone}</a></p></body></html>
            """));
        sites.Add($"{root}/ueber-uns", new FakeSites.Page(Body: $"""
            <html><head><title>Über uns</title></head><body><h1>Über uns</h1>
            <p>Seit 2005 {c.Trade}. Messebau, Roadshows und Mitarbeiterevents für Unternehmen.</p></body></html>
            """));
        return sites;
    }

    /// <summary>A business that is not in any of the supplier's segments.</summary>
    public static FakeSites AddBakery(this FakeSites sites, string host) => sites
        .Add($"http://{host}/robots.txt", new FakeSites.Page(Status: 404))
        .Add($"http://{host}/", new FakeSites.Page(Body: $"""
            <html lang="de"><head><title>Bäckerei Sonnenschein</title></head><body><h1>Frische Brötchen</h1>
            <p>Ihre Bäckerei in Augsburg seit 1920.</p><a href="/impressum">Impressum</a></body></html>
            """))
        .Add($"http://{host}/impressum", new FakeSites.Page(Body: $"""
            <html><body><h1>Impressum</h1><p>Bäckerei Sonnenschein e.K.<br>Hauptstraße 1<br>86150 Augsburg</p>
            <p>Telefon: 0821 123456</p></body></html>
            """));
}
