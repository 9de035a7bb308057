namespace LeadAgent.Market;

/// <summary>
/// A city: its names, a postcode, the dialling area, the register court where one is named, and its weight (big
/// cities hold more companies, as Munich holds more event agencies than Hanover).
/// </summary>
internal sealed record City(string Country, string Name, string EnglishName, string PostalCode, string Area,
    string? Court, double Weight);

/// <summary>Where the market's companies sit, and how their countries are named and dialled.</summary>
internal static class Places
{
    public static readonly City[] All =
    [
        new("DE", "Berlin", "Berlin", "10115", "30", "Amtsgericht Charlottenburg", 3),
        new("DE", "München", "Munich", "80331", "89", "Amtsgericht München", 3),
        new("DE", "Hamburg", "Hamburg", "20095", "40", "Amtsgericht Hamburg", 2.5),
        new("DE", "Köln", "Cologne", "50667", "221", "Amtsgericht Köln", 1.5),
        new("DE", "Frankfurt am Main", "Frankfurt", "60311", "69", "Amtsgericht Frankfurt am Main", 2),
        new("DE", "Stuttgart", "Stuttgart", "70173", "711", "Amtsgericht Stuttgart", 1),
        new("DE", "Düsseldorf", "Düsseldorf", "40213", "211", "Amtsgericht Düsseldorf", 1.5),
        new("DE", "Leipzig", "Leipzig", "04109", "341", "Amtsgericht Leipzig", 1),
        new("DE", "Nürnberg", "Nuremberg", "90402", "911", "Amtsgericht Nürnberg", 1),
        new("DE", "Hannover", "Hanover", "30159", "511", "Amtsgericht Hannover", 1),
        new("AT", "Wien", "Vienna", "1010", "1", "Handelsgericht Wien", 4),
        new("AT", "Graz", "Graz", "8010", "316", "Landesgericht für ZRS Graz", 1.5),
        new("AT", "Linz", "Linz", "4020", "732", "Landesgericht Linz", 1),
        new("AT", "Salzburg", "Salzburg", "5020", "662", "Landesgericht Salzburg", 1),
        new("AT", "Innsbruck", "Innsbruck", "6020", "512", "Landesgericht Innsbruck", 1),
        new("CH", "Zürich", "Zurich", "8001", "44", "Handelsregisteramt des Kantons Zürich", 4),
        new("CH", "Basel", "Basel", "4051", "61", "Handelsregisteramt Basel-Stadt", 1.5),
        new("CH", "Bern", "Bern", "3011", "31", "Handelsregisteramt des Kantons Bern", 1),
        new("CH", "Luzern", "Lucerne", "6003", "41", "Handelsregisteramt des Kantons Luzern", 1),
        new("CH", "Zug", "Zug", "6300", "41", "Handelsregisteramt des Kantons Zug", 1),
        new("GB", "London", "London", "EC1V 2NX", "20", null, 5),
        new("GB", "Manchester", "Manchester", "M1 4BT", "161", null, 2),
        new("GB", "Birmingham", "Birmingham", "B3 2PP", "121", null, 1.5),
        new("GB", "Leeds", "Leeds", "LS1 4AP", "113", null, 1),
        new("GB", "Edinburgh", "Edinburgh", "EH2 2ER", "131", null, 1),
        new("GB", "Bristol", "Bristol", "BS1 4DJ", "117", null, 1),
        new("AE", "Dubai", "Dubai", "", "4", "Department of Economy and Tourism, Dubai", 5),
        new("AE", "Abu Dhabi", "Abu Dhabi", "", "2", "Abu Dhabi Department of Economic Development", 2),
        new("AE", "Sharjah", "Sharjah", "", "6", "Sharjah Economic Development Department", 1),
        new("FR", "Paris", "Paris", "75008", "1", null, 2),
        new("FR", "Lyon", "Lyon", "69002", "4", null, 1),
        new("NL", "Amsterdam", "Amsterdam", "1012 AB", "20", null, 2),
        new("NL", "Rotterdam", "Rotterdam", "3011 AD", "10", null, 1),
        new("IT", "Milano", "Milan", "20121", "02", null, 1),
        new("ES", "Madrid", "Madrid", "28001", "91", null, 1),
        new("PL", "Warszawa", "Warsaw", "00-001", "22", null, 1),
        new("US", "New York", "New York", "NY 10001", "212", null, 2),
        new("US", "Chicago", "Chicago", "IL 60601", "312", null, 1),
    ];

    public static readonly string[] Outside = ["FR", "NL", "IT", "ES", "PL", "US"];

    public static City[] In(string country) => [.. All.Where(c => c.Country == country)];

    /// <summary>A city of the country, big ones more often.</summary>
    public static City Pick(Random r, string country)
    {
        var cities = In(country);
        var x = r.NextDouble() * cities.Sum(c => c.Weight);
        foreach (var city in cities)
        {
            if ((x -= city.Weight) < 0)
            {
                return city;
            }
        }
        return cities[^1];
    }

    public static string CountryName(string country, bool german) => (country, german) switch
    {
        ("DE", true) => "Deutschland",
        ("DE", false) => "Germany",
        ("AT", true) => "Österreich",
        ("AT", false) => "Austria",
        ("CH", true) => "Schweiz",
        ("CH", false) => "Switzerland",
        ("GB", true) => "Großbritannien",
        ("GB", false) => "the UK",
        ("AE", true) => "den Vereinigten Arabischen Emiraten",
        ("AE", false) => "the UAE",
        ("FR", _) => german ? "Frankreich" : "France",
        ("NL", _) => german ? "den Niederlanden" : "the Netherlands",
        ("IT", _) => german ? "Italien" : "Italy",
        ("ES", _) => german ? "Spanien" : "Spain",
        ("PL", _) => german ? "Polen" : "Poland",
        _ => german ? "den USA" : "the USA",
    };

    /// <summary>The country line of a postal address.</summary>
    public static string AddressCountry(string country, bool german) => (country, german) switch
    {
        ("GB", false) => "United Kingdom",
        ("AE", false) => "United Arab Emirates",
        ("AE", true) => "Vereinigte Arabische Emirate",
        ("US", false) => "United States",
        ("NL", true) => "Niederlande",
        ("NL", false) => "Netherlands",
        _ => CountryName(country, german),
    };

    public static string CallingCode(string country) => country switch
    {
        "DE" => "49",
        "AT" => "43",
        "CH" => "41",
        "GB" => "44",
        "AE" => "971",
        "FR" => "33",
        "NL" => "31",
        "IT" => "39",
        "ES" => "34",
        "PL" => "48",
        _ => "1",
    };

    private static readonly string[] GermanStreets =
    [
        "Hauptstraße", "Bahnhofstraße", "Industriestraße", "Schillerstraße", "Lindenallee", "Am Hafen",
        "Gewerbepark", "Marktplatz", "Goethestraße", "Mühlweg", "Seestrasse", "Ringstraße",
    ];

    private static readonly string[] EnglishStreets =
    [
        "High Street", "Station Road", "King Street", "Church Lane", "Victoria Road", "Park Row", "Mill Lane",
    ];

    private static readonly Dictionary<string, string[]> GulfStreets = new()
    {
        ["Dubai"] = ["Sheikh Zayed Road", "Al Wasl Road", "Dubai Media City, Building 7", "Business Bay, Bay Square 4",
            "Dubai Airport Free Zone, Building 6W"],
        ["Abu Dhabi"] = ["Corniche Road", "Al Maryah Island, ADGM Square", "Khalifa Street"],
        ["Sharjah"] = ["Al Khan Street", "Sharjah Media City (Shams)", "King Faisal Street"],
    };

    public static string Street(Random r, City city) => city.Country switch
    {
        "DE" or "AT" or "CH" => $"{r.Pick(GermanStreets)} {r.Next(1, 120)}",
        "AE" => $"Office {r.Next(101, 2400)}, {r.Pick(GulfStreets[city.Name])}",
        "FR" => $"{r.Next(1, 80)} rue de la République",
        "IT" => $"Via Roma {r.Next(1, 80)}",
        "ES" => $"Calle Mayor {r.Next(1, 80)}",
        "NL" => $"Keizersgracht {r.Next(1, 400)}",
        "PL" => $"ul. Marszałkowska {r.Next(1, 120)}",
        _ => $"{r.Next(1, 300)} {r.Pick(EnglishStreets)}",
    };
}
