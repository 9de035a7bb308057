namespace LeadAgent.Market;

/// <summary>A trade within a kind: the German and English words and the name suffixes built from them.</summary>
internal sealed record Trade(string German, string English, string GermanSuffix, string EnglishSuffix);

/// <summary>
/// What each kind of company says about itself, in German and English, with placeholders ({name}, {city},
/// {country}, {trade}, {year}, {staff}). Noise kinds borrow the segments' words on purpose (a bakery caters
/// corporate events, a software house sells event software) so a keyword search cannot sort them out.
/// </summary>
internal static class KindTexts
{
    public static readonly Trade[] Industries =
    [
        new("Maschinenbau", "engineering", "Maschinenbau", "Engineering"),
        new("Versicherungen", "insurance", "Versicherung", "Insurance"),
        new("Logistik", "logistics", "Logistik", "Logistics"),
        new("Pharma", "pharmaceuticals", "Pharma", "Pharma"),
        new("Energieversorgung", "energy", "Energie", "Energy"),
        new("Automobilzulieferung", "automotive supply", "Automotive", "Automotive"),
        new("Telekommunikation", "telecommunications", "Telekom", "Telecom"),
        new("Hotellerie", "hospitality", "Hotels", "Hospitality"),
    ];

    public static readonly Trade[] Products =
    [
        new("Kaffee", "coffee", "röster", "Roasters"),
        new("Erfrischungsgetränke", "soft drinks", "quell", "Springs"),
        new("Naturkosmetik", "natural cosmetics", "glanz", "Glow"),
        new("Outdoor-Bekleidung", "outdoor clothing", "berg", "Outdoor"),
        new("Schokolade", "chocolate", "schoko", "Chocolate"),
        new("Sportartikel", "sports equipment", "sport", "Sports"),
        new("Gin und Spirituosen", "gin and spirits", "brennerei", "Distillers"),
    ];

    public static string[] Taglines(CompanyKind kind, bool german) => (kind, german) switch
    {
        (CompanyKind.EventAgency, true) =>
        [
            "Eventagentur für Firmenevents und Messen", "Ihre Eventagentur in {city}",
            "Live-Kommunikation, die begeistert", "Events, Incentives und Tagungen aus einer Hand",
        ],
        (CompanyKind.EventAgency, false) =>
        [
            "Event management company in {city}", "Corporate events, conferences and brand activations",
            "Live experiences people remember", "Your event agency in {country}",
        ],
        (CompanyKind.CorporateClient, true) => ["{trade} seit {year}", "Ihr Partner für {trade}"],
        (CompanyKind.CorporateClient, false) => ["{trade} since {year}", "Trusted in {trade} since {year}"],
        (CompanyKind.BrandOwner, true) => ["{trade} aus {city}", "Die Marke für {trade}"],
        (CompanyKind.BrandOwner, false) => ["{trade} from {city}", "The {trade} brand from {country}"],
        (CompanyKind.Reseller, true) =>
        [
            "Werbeartikel und Werbemittel mit Ihrem Logo", "Ihr Werbemittel-Händler in {country}",
            "Give-aways, Streuartikel und Textilveredelung",
        ],
        (CompanyKind.Reseller, false) =>
        [
            "Promotional products with your logo", "Promotional merchandise reseller in {country}",
            "Branded merchandise and corporate gifts",
        ],
        (CompanyKind.Bakery, true) => ["Bäckerei-Handwerk seit {year}", "Frisch gebacken in {city}"],
        (CompanyKind.Bakery, false) => ["Baked fresh in {city} since {year}"],
        (CompanyKind.LawFirm, true) => ["Rechtsanwälte in {city}", "Wirtschaftsrecht mit Erfahrung"],
        (CompanyKind.LawFirm, false) => ["Commercial lawyers in {city}", "Solicitors for business"],
        (CompanyKind.SoftwareHouse, true) => ["Softwareentwicklung aus {city}", "Apps, Shops und Plattformen"],
        (CompanyKind.SoftwareHouse, false) => ["Software development in {city}", "Event management software"],
        (CompanyKind.TaxAdvisor, true) => ["Steuerberatung in {city}"],
        (CompanyKind.TaxAdvisor, false) => ["Chartered accountants in {city}"],
        (CompanyKind.Craftsman, true) => ["Sanitär und Heizung in {city}"],
        (CompanyKind.Craftsman, false) => ["Plumbing and heating in {city}"],
        (CompanyKind.Directory, true) => ["Aussteller, Mitglieder und Anbieter auf einen Blick"],
        (CompanyKind.Directory, false) => ["Exhibitors, members and suppliers at a glance"],
        (CompanyKind.NewsPortal, true) => ["Nachrichten aus der Event- und Werbemittelbranche"],
        (CompanyKind.NewsPortal, false) => ["News for the events and promotional products industry"],
        (_, true) => ["Tipps für Firmenevents und Give-aways"],
        _ => ["Notes on merch, swag and branded goods"],
    };

    public static string[] Intro(CompanyKind kind, bool german) => (kind, german) switch
    {
        (CompanyKind.EventAgency, true) =>
        [
            "{name} ist eine inhabergeführte Eventagentur aus {city}. Wir planen Firmenevents, Messeauftritte, "
            + "Incentive-Reisen und Tagungen für Kunden in ganz {country}.",
            "Von der Idee bis zur Umsetzung: Als Full-Service-Eventagentur kümmern wir uns um Konzept, Location, "
            + "Technik, Catering und Give-aways für Ihre Gäste.",
        ],
        (CompanyKind.EventAgency, false) =>
        [
            "{name} is an independent event agency based in {city}, {country}. We plan and deliver corporate "
            + "events, conferences, exhibitions and brand activations.",
            "As an event management company we handle concept, venues, staging, catering, guest management and "
            + "branded giveaways from a single team.",
        ],
        (CompanyKind.CorporateClient, true) =>
        [
            "Die {name} ist ein Unternehmen der Branche {trade} mit Sitz in {city} und rund {staff} "
            + "Mitarbeiterinnen und Mitarbeitern an Standorten in {country} und Europa.",
            "Unser zentraler Einkauf betreut Lieferanten für Material, Dienstleistungen, Werbemittel und "
            + "Mitarbeitergeschenke. Neue Lieferanten registrieren sich über unser Lieferantenportal.",
        ],
        (CompanyKind.CorporateClient, false) =>
        [
            "{name} is a {trade} group headquartered in {city} with around {staff} employees in {country} "
            + "and abroad.",
            "Our central procurement team buys materials, services, corporate gifts and branded merchandise. "
            + "New suppliers register through our supplier portal.",
        ],
        (CompanyKind.BrandOwner, true) =>
        [
            "Die Marke {name} steht seit {year} für {trade} aus {city}.",
            "Unsere Produkte gibt es im Handel in ganz {country} und in unserem Onlineshop – "
            + "dazu Merchandise für Fans der Marke.",
        ],
        (CompanyKind.BrandOwner, false) =>
        [
            "{name} has made {trade} in {city} since {year}, a brand loved across {country}.",
            "Find our products in stores and online, plus branded merchandise for fans of the brand.",
        ],
        (CompanyKind.Reseller, true) =>
        [
            "{name} ist Ihr Händler für Werbeartikel und Werbemittel in {city} und ganz {country}. Wir liefern "
            + "bedruckte Kugelschreiber, Tassen, Taschen, Textilien und Give-aways für Messen und Events.",
            "Als Werbemittel-Händler beraten wir Unternehmen, Agenturen und Vereine – vom Streuartikel bis zum "
            + "hochwertigen Kundengeschenk.",
        ],
        (CompanyKind.Reseller, false) =>
        [
            "{name} is a promotional products reseller in {city}, supplying branded merchandise, printed pens, "
            + "mugs, bags, apparel and corporate gifts across {country}.",
            "As a promotional merchandise distributor we help businesses, agencies and charities choose "
            + "giveaways for events and trade shows.",
        ],
        (CompanyKind.Bakery, true) =>
        [
            "Frisches Brot, Brötchen und Kuchen aus unserer Backstube in {city}.",
            "Wir liefern auch Catering für Firmenevents und Frühstück fürs Büro.",
        ],
        (CompanyKind.Bakery, false) =>
        ["Fresh bread, pastries and cakes baked daily in {city}.", "We also cater for office breakfasts and events."],
        (CompanyKind.LawFirm, true) =>
        [
            "Die Kanzlei {name} berät Unternehmen in {city} im Handels- und Gesellschaftsrecht, Arbeitsrecht und "
            + "Markenrecht.", "Regelmäßig laden wir Mandanten zu Seminaren und Events ein.",
        ],
        (CompanyKind.LawFirm, false) =>
        [
            "{name} is a law firm in {city} advising businesses on commercial law, employment and brand "
            + "protection.", "We host regular client events and seminars.",
        ],
        (CompanyKind.SoftwareHouse, true) =>
        [
            "Wir entwickeln Web-Apps, Onlineshops und eine Event-Management-Software für Eventagenturen.",
            "Unser Team in {city} arbeitet agil für Kunden in ganz {country}.",
        ],
        (CompanyKind.SoftwareHouse, false) =>
        [
            "We build web apps, e-commerce and an event management platform used by event agencies.",
            "Our team in {city} works with clients across {country}.",
        ],
        (CompanyKind.TaxAdvisor, true) =>
        [
            "Steuerberatung, Lohnbuchhaltung und Jahresabschluss für Händler, Agenturen und Handwerk in {city}.",
        ],
        (CompanyKind.TaxAdvisor, false) =>
        ["Accounts, payroll and tax for resellers, agencies and small businesses in {city}."],
        (CompanyKind.Craftsman, true) => ["Bäder, Heizung und Sanitär – Ihr Meisterbetrieb in {city}."],
        (CompanyKind.Craftsman, false) => ["Bathrooms, boilers and heating – your local engineers in {city}."],
        (CompanyKind.Directory, true) => ["{name} listet Aussteller, Mitglieder und Anbieter mit Kontaktdaten."],
        (CompanyKind.Directory, false) => ["{name} lists exhibitors, members and suppliers with their websites."],
        (CompanyKind.NewsPortal, true) =>
            ["{name} berichtet über Eventagenturen, Messen, Werbeartikel und Marken in {country}."],
        (CompanyKind.NewsPortal, false) =>
            ["{name} covers event agencies, exhibitions, promotional merchandise and brands across {country}."],
        (_, true) => ["Ich plane Firmenevents in {city} und schreibe über Locations, Agenturen und Werbegeschenke."],
        _ => ["A blog about promotional merchandise, swag and the people who sell it."],
    };

    public static string[] Services(CompanyKind kind, bool german) => (kind, german) switch
    {
        (CompanyKind.EventAgency, true) =>
            ["Firmenevents", "Messeauftritte", "Incentive-Reisen", "Tagungen & Kongresse", "Mitarbeiterfeste"],
        (CompanyKind.EventAgency, false) =>
            ["Corporate events", "Conferences", "Exhibition stands", "Product launches", "Gala dinners"],
        (CompanyKind.CorporateClient, true) => ["Karriere", "Lieferanten", "Nachhaltigkeit", "Standorte", "Presse"],
        (CompanyKind.CorporateClient, false) => ["Careers", "Suppliers", "Sustainability", "Locations", "Press"],
        (CompanyKind.BrandOwner, true) => ["Produkte", "Onlineshop", "Händler finden", "Merchandise"],
        (CompanyKind.BrandOwner, false) => ["Products", "Shop", "Stockists", "Merchandise"],
        (CompanyKind.Reseller, true) =>
            ["Werbeartikel", "Textilveredelung", "Streuartikel", "Kundengeschenke", "Messe-Give-aways"],
        (CompanyKind.Reseller, false) =>
            ["Promotional products", "Branded apparel", "Corporate gifts", "Exhibition giveaways", "Print"],
        (_, true) => ["Leistungen", "Aktuelles", "Anfahrt"],
        _ => ["Services", "News", "Find us"],
    };
}
