namespace LeadAgent.Market;

/// <summary>
/// A company while the market is built: its truth plus what only the site builder needs (how the phone is printed,
/// which e-mail disguise, the register's parts). <see cref="ToCompany"/> freezes the truth once sites are done.
/// </summary>
internal sealed class Profile
{
    public required int Id { get; init; }
    public required CompanyKind Kind { get; init; }
    public required string Country { get; init; }
    public required City City { get; init; }
    public Trade? Trade { get; init; }
    public required string Name { get; init; }
    public required string LegalForm { get; init; }
    public required bool German { get; init; }
    public bool Bilingual { get; set; }
    public List<string> Domains { get; } = [];
    public required string Street { get; init; }
    public required int Founded { get; init; }
    public required int Staff { get; init; }
    /// <summary>Normalised; null when the site does not print one.</summary>
    public string? Vat { get; init; }
    public int VatVariant { get; init; }
    public PhoneNumber? Phone { get; init; }
    public int PhoneVariant { get; init; }
    public bool Fax { get; init; }
    public string? Email { get; init; }
    public int EmailStyle { get; init; }
    /// <summary>The register as the truth names it, and its two printed parts (number, court or authority).</summary>
    public string? Register { get; init; }
    public string? RegisterNumber { get; init; }
    public string? RegisterCourt { get; init; }
    public List<string> Directors { get; } = [];
    public List<Person> Team { get; } = [];
    public List<string> Socials { get; } = [];
    /// <summary>0: bare domain, www redirects; 1: www, bare redirects; 2: both answer alike.</summary>
    public int Www { get; set; }

    public string LegalName => LegalForm.Length == 0 ? Name : $"{Name} {LegalForm}";

    public string Host => Www == 1 ? "www." + Domains[0] : Domains[0];

    public string Home => $"http://{Host}/";

    public MarketCompany ToCompany() => new()
    {
        Id = Id,
        Name = Name,
        LegalName = LegalName,
        LegalForm = LegalForm,
        Kind = Kind,
        Country = Country,
        City = German ? City.Name : City.EnglishName,
        Street = Street,
        PostalCode = City.PostalCode,
        Language = German ? "de" : "en",
        Domains = [.. Domains],
        VatId = Vat,
        Phone = Phone?.E164,
        Email = Email,
        Register = Register,
        Directors = [.. Directors],
        People = [.. Team],
        Socials = [.. Socials],
    };

    /// <summary>Fills the placeholders of <see cref="KindTexts"/>.</summary>
    public string Fill(string text, bool german) => text
        .Replace("{name}", Name, StringComparison.Ordinal)
        .Replace("{city}", german ? City.Name : City.EnglishName, StringComparison.Ordinal)
        .Replace("{country}", Places.CountryName(Country, german), StringComparison.Ordinal)
        .Replace("{trade}", Trade is null ? "" : german ? Trade.German : Trade.English, StringComparison.Ordinal)
        .Replace("{year}", Founded.ToString(System.Globalization.CultureInfo.InvariantCulture),
            StringComparison.Ordinal)
        .Replace("{staff}", Html.Thousands(Staff, german), StringComparison.Ordinal);
}
