namespace LeadAgent.Market;

/// <summary>Managing directors and team members: names by region, roles by kind and language.</summary>
internal static class People
{
    private static readonly string[] GermanFirst =
    [
        "Anna", "Jonas", "Lena", "Lukas", "Sophie", "Felix", "Katharina", "Markus", "Julia", "Tobias", "Sabine",
        "Stefan", "Miriam", "Florian", "Claudia", "Matthias",
    ];

    private static readonly string[] EnglishFirst =
        ["Oliver", "Emily", "James", "Charlotte", "Harry", "Amelia", "Jack", "Olivia", "George", "Isla", "Priya"];

    private static readonly string[] GulfFirst =
        ["Ahmed", "Fatima", "Omar", "Mariam", "Khalid", "Layla", "Rajesh", "Priya", "Yusuf", "Noor", "Sarah"];

    private static readonly string[] OtherFirst =
        ["Camille", "Lucas", "Daan", "Sanne", "Giulia", "Marco", "Lucía", "Piotr", "Emma", "Michael"];

    public static string FullName(Random r, string country) => r.Pick(country switch
    {
        "DE" or "AT" or "CH" => GermanFirst,
        "GB" => EnglishFirst,
        "AE" => GulfFirst,
        _ => OtherFirst,
    }) + " " + CompanyNames.Surname(r, country);

    /// <summary>The title the imprint gives the directors (Geschäftsführer, Vorstand, Inhaber, Directors).</summary>
    public static string DirectorTitle(string legalForm, bool german, string country) => (legalForm, german) switch
    {
        (_, true) when country == "CH" => "Geschäftsleitung",
        ("AG" or "e.V.", true) => "Vorstand",
        ("", true) => "Verantwortlich",
        ("", false) => "Editor",
        ("e.K." or "e.U.", true) => "Inhaber",
        ("PartG mbB", true) => "Partner",
        (_, true) => "Geschäftsführer",
        ("LLP", false) => "Designated members",
        ("plc" or "Ltd", false) => "Directors",
        _ => "Managing Director",
    };

    public static string[] Roles(CompanyKind kind, bool german) => (kind, german) switch
    {
        (CompanyKind.EventAgency, true) =>
            ["Projektleitung Events", "Kreativdirektion", "Eventmanagement", "Produktion & Technik"],
        (CompanyKind.EventAgency, false) =>
            ["Account Director", "Senior Event Manager", "Creative Director", "Production Manager"],
        (CompanyKind.CorporateClient, true) =>
            ["Leitung Einkauf", "Strategischer Einkauf", "Marketing & Kommunikation", "Personal"],
        (CompanyKind.CorporateClient, false) =>
            ["Head of Procurement", "Purchasing Manager", "Marketing Manager", "HR Business Partner"],
        (CompanyKind.BrandOwner, true) => ["Markenführung", "Marketing", "Vertrieb Handel", "E-Commerce"],
        (CompanyKind.BrandOwner, false) => ["Brand Manager", "Marketing Director", "Trade Sales", "E-commerce Lead"],
        (CompanyKind.Reseller, true) => ["Kundenberatung", "Vertrieb", "Einkauf", "Grafik & Veredelung"],
        (CompanyKind.Reseller, false) => ["Account Manager", "Sales Executive", "Buyer", "Studio & Print"],
        (_, true) => ["Büro", "Verwaltung", "Mitarbeit"],
        _ => ["Office Manager", "Associate", "Assistant"],
    };

    /// <summary>"anna.krueger@…" style personal addresses, or an initial and surname.</summary>
    public static string Email(string name, string domain, int style)
    {
        var parts = name.Split(' ', 2);
        var first = CompanyNames.Slug(parts[0], true, "");
        var last = CompanyNames.Slug(parts[1], true, "");
        return style % 2 == 0 ? $"{first}.{last}@{domain}" : $"{first[0]}.{last}@{domain}";
    }
}
