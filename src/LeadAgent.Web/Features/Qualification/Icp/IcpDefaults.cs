using LeadAgent.Web.Features.Companies;

namespace LeadAgent.Web.Features.Qualification.Icp;

/// <summary>The built-in ICP (version 0): a starting point admins refine in the app.</summary>
public static class IcpDefaults
{
    private static readonly string[] Dach = ["DE", "AT", "CH"];
    private static readonly string[] Regions = ["DE", "AT", "CH", "GB", "AE"];

    public static IcpSet Create() => new()
    {
        Segments =
        [
            new IcpSegment
            {
                Segment = Segment.EventAgency, Regions = Regions,
                KeywordsDe = ["eventagentur", "veranstaltungsagentur", "eventmanagement", "eventplanung", "firmenevent",
                    "firmenfeier", "incentive", "messeauftritt", "messebau", "roadshow", "kongress", "tagung",
                    "live-kommunikation", "liveevent", "gala", "mitarbeiterevent", "teamevent"],
                KeywordsEn = ["event agency", "event management", "event planning", "corporate events", "incentive",
                    "conference", "exhibition stand", "trade show", "roadshow", "live communication",
                    "experiential", "brand activation", "award ceremony", "team building", "dmc"],
                Excluded = ["hochzeitsplanung", "wedding planner", "eventlocation", "event venue"],
            },
            new IcpSegment
            {
                Segment = Segment.CorporateClient, Regions = Regions,
                SizeBands = [SizeBand.Medium, SizeBand.Large, SizeBand.Enterprise],
                KeywordsDe = ["konzern", "unternehmensgruppe", "mitarbeitende", "mitarbeiter weltweit", "standorte",
                    "niederlassungen", "karriere", "investor relations", "nachhaltigkeitsbericht", "hauptsitz",
                    "marktführer", "versicherung", "bank", "maschinenbau", "logistik", "pharma", "gruppe", "energie",
                    "telekommunikation", "automobilzulieferer", "chemie", "geschäftsbericht", "geschäftsjahr",
                    "tochtergesellschaften", "vorstand", "aufsichtsrat", "pressemitteilungen", "lieferantenportal",
                    "einkaufsportal", "zentraler einkauf", "aktiengesellschaft"],
                KeywordsEn = ["group", "employees worldwide", "offices in", "headquarters", "careers",
                    "investor relations", "sustainability report", "global leader", "subsidiaries", "insurance",
                    "bank", "engineering", "logistics", "pharmaceutical", "consulting firm", "energy",
                    "telecommunications",
                    "automotive", "chemicals", "aviation", "annual report", "board of directors", "stock exchange",
                    "shareholders", "press releases", "supplier portal", "procurement", "holdings", "plc"],
            },
            new IcpSegment
            {
                Segment = Segment.BrandOwner, Regions = Regions,
                KeywordsDe = ["marke", "unsere marke", "markenhersteller", "produkte", "onlineshop", "kollektion",
                    "sortiment", "hergestellt", "manufaktur", "rösterei", "brauerei", "kosmetik", "getränke",
                    "lebensmittel", "mode", "bekleidung"],
                KeywordsEn = ["brand", "our brand", "our products", "shop now", "collection", "range", "made in",
                    "roastery", "brewery", "distillery", "cosmetics", "beverages", "food", "fashion", "apparel",
                    "consumer goods"],
            },
            new IcpSegment
            {
                Segment = Segment.Reseller, Regions = Regions,
                KeywordsDe = ["werbeartikel", "werbemittel", "streuartikel", "merchandising", "give-aways",
                    "werbeartikelhändler", "promotionartikel", "textilveredelung", "bedrucken", "individuell bedruckt",
                    "mit logo", "firmengeschenke", "händler", "großhandel"],
                KeywordsEn = ["promotional products", "promotional merchandise", "branded merchandise", "giveaways",
                    "corporate gifts", "promo products", "distributor", "reseller", "printed with your logo",
                    "custom printed", "branded clothing", "swag", "wholesale"],
                Excluded = ["hersteller von werbeartikeln", "eigene produktion", "manufacturer of promotional",
                    "trade only supplier"],
            },
        ],
        NotFitTerms =
        [
            "hochzeitsplaner", "hochzeitsplanung", "wedding planner", "wedding planning", "eventlocation",
            "veranstaltungsort", "event venue", "venue hire", "stellenangebote", "jobbörse", "job board",
            "jobs in", "branchenbuch", "firmenverzeichnis", "business directory", "listing", "nachrichten",
            "news", "redaktion", "newsroom", "magazin", "blog", "hersteller von werbeartikeln",
            "manufacturer of promotional products",
            // Venues, weddings, listings, jobs, media: they talk about events and merchandise but never buy for resale.
            "location mieten", "tagungshotel", "venue", "venues", "ballroom", "hochzeiten", "brautpaare", "trauungen",
            "weddings", "elopements", "verzeichnis", "listings", "directory", "anbieter finden", "eintrag",
            "stellenanzeigen", "jobs", "vacancy", "vacancies", "recruitment", "lebenslauf", "mediadaten", "media kit",
            "magazine", "editors", "verlag", "publishing", "kommentare", "werbeartikelhersteller", "trade only",
            "factory", "fabrik", "eigene fertigung",
            // Other trades, which mention corporate events or merchandise only in passing.
            "bäckerei", "backstube", "konditorei", "brötchen", "bakery", "sourdough", "pastries", "rechtsanwalt",
            "rechtsanwälte", "kanzlei", "fachanwälte", "law firm", "lawyers", "solicitors", "litigation",
            "steuerberatung", "steuerberater", "steuerkanzlei", "buchhaltung", "lohnabrechnung", "jahresabschluss",
            "accountants", "bookkeeping", "payroll", "softwareentwicklung", "software development", "custom software",
            "saas", "apps", "schnittstellen", "sanitär", "heizung", "elektriker", "schreinerei", "tischlerei",
            "malerbetrieb", "dachdecker", "notdienst", "plumbing", "heating", "boiler", "electricians", "joinery",
            "partyservice", "caterer", "catering", "veranstaltungstechnik", "verleih", "av hire", "equipment hire",
            "rental", "zahnarzt", "zahnarztpraxis", "zahnmedizin", "dental", "dentist", "patienten", "patients",
            "friseur", "hair salon", "fahrschule", "physiotherapie", "fotograf", "photographer", "immobilienmakler",
            "estate agents",
        ],
    };

    /// <summary>The DACH countries, for rules and defaults that treat them as one region.</summary>
    public static IReadOnlyList<string> DachCountries => Dach;
}
