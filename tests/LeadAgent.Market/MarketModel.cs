namespace LeadAgent.Market;

/// <summary>The supplier's four customer segments (named apart from the app's own <c>Segment</c> on purpose).</summary>
public enum MarketSegment { EventAgency, CorporateClient, BrandOwner, Reseller }

/// <summary>What an organisation in the market does; the first four are the segments, the rest are noise.</summary>
public enum CompanyKind
{
    EventAgency, CorporateClient, BrandOwner, Reseller,
    Bakery, LawFirm, SoftwareHouse, TaxAdvisor, Craftsman,
    Blog, NewsPortal, Directory,
}

/// <summary>What a host in the market is.</summary>
public enum SiteKind { Company, Alias, Parked, Directory, News, Blog }

/// <summary>Someone named on a team page or in the imprint.</summary>
public sealed record Person(string Name, string Role, string? Email);

/// <summary>
/// One organisation's ground truth: what a perfect crawler would extract from its website. Values are normalised:
/// <see cref="VatId"/> without spaces (DE123456789, ATU12345678, GB123456789, CHE123456789; a UAE TRN as its 15
/// digits), <see cref="Phone"/> in E.164, <see cref="Country"/> as ISO 3166 alpha-2 (GB for the UK). A value the
/// site does not publish is null.
/// </summary>
public sealed class MarketCompany
{
    public static readonly IReadOnlySet<string> Regions = new HashSet<string> { "DE", "AT", "CH", "GB", "AE" };

    public required int Id { get; init; }
    public required string Name { get; init; }
    public required string LegalName { get; init; }
    public required string LegalForm { get; init; }
    public required CompanyKind Kind { get; init; }
    public required string Country { get; init; }
    public required string City { get; init; }
    public required string Street { get; init; }
    public required string PostalCode { get; init; }
    /// <summary>"de" or "en": the language of the main site.</summary>
    public required string Language { get; init; }
    /// <summary>Registrable domains, the main one first; two when the company runs two sites.</summary>
    public required IReadOnlyList<string> Domains { get; init; }
    public string? VatId { get; init; }
    public string? Phone { get; init; }
    public string? Email { get; init; }
    /// <summary>"HRB 123456 Amtsgericht München", "FN 123456a", "Companies House 01234567", ...</summary>
    public string? Register { get; init; }
    public required IReadOnlyList<string> Directors { get; init; }
    public required IReadOnlyList<Person> People { get; init; }
    /// <summary>Canonical profile URLs: linkedin.com/company/…, instagram.com/…, facebook.com/…,
    /// xing.com/pages/….</summary>
    public required IReadOnlyList<string> Socials { get; init; }

    public MarketSegment? Segment => Kind switch
    {
        CompanyKind.EventAgency => MarketSegment.EventAgency,
        CompanyKind.CorporateClient => MarketSegment.CorporateClient,
        CompanyKind.BrandOwner => MarketSegment.BrandOwner,
        CompanyKind.Reseller => MarketSegment.Reseller,
        _ => null,
    };

    /// <summary>A lead for the supplier: one of the four segments, in DE, AT, CH, GB or AE.</summary>
    public bool Fits => Segment is not null && Regions.Contains(Country);

    /// <summary>The address a search engine lists for the company (its main site's home page).</summary>
    public string Website => $"http://{Domains[0]}/";

    public override string ToString() => $"{LegalName} ({Domains[0]}, {Country}, {Kind})";
}

/// <summary>One answer a host gives for a path and query.</summary>
public sealed record MarketPage(int Status, string ContentType, byte[] Body, string? Location = null,
    TimeSpan? Delay = null, int Repeat = 1)
{
    public const string Html = "text/html; charset=utf-8";

    public static MarketPage Of(string html, string type = Html) =>
        new(200, type, System.Text.Encoding.UTF8.GetBytes(html));

    public static MarketPage Redirect(string location, int status = 301) => new(status, Html, [], location);

    public static MarketPage Error(int status) =>
        new(status, Html, System.Text.Encoding.UTF8.GetBytes($"<html><body><h1>Error {status}</h1></body></html>"));

    /// <summary>The body as text (the whole answer is <see cref="Body"/> written <see cref="Repeat"/> times).</summary>
    public string Text => System.Text.Encoding.UTF8.GetString(Body);
}

/// <summary>A host and everything it answers; <see cref="Traps"/> says what is odd about it.</summary>
public sealed class Site
{
    private readonly Dictionary<string, MarketPage> _pages = new(StringComparer.Ordinal);

    public required string Host { get; init; }
    public required SiteKind Kind { get; init; }
    /// <summary>The organisation behind the site; null for parked domains.</summary>
    public int? CompanyId { get; init; }
    public required string Language { get; init; }
    public List<string> Traps { get; } = [];

    /// <summary>Every path answers 301 to this prefix plus the path (www and bare domains, http to https).</summary>
    public string? RedirectAll { get; internal set; }

    /// <summary>Every path, robots.txt too, answers with this status (a site that is down).</summary>
    public int? StatusAll { get; internal set; }

    /// <summary>Answers by path and query (<c>/</c>, <c>/impressum</c>, <c>/aussteller?page=2</c>).</summary>
    public IReadOnlyDictionary<string, MarketPage> Pages => _pages;

    internal void Set(string pathAndQuery, MarketPage page) => _pages[pathAndQuery] = page;

    public override string ToString() => $"{Host} ({Kind}, {_pages.Count} pages)";
}

/// <summary>A page a search engine knows: what it lists and the words it matches on.</summary>
public sealed record SearchDocument(string Url, string Title, string Snippet, string Text, string Language,
    string Country);

/// <summary>One hit: the document and its score for the query.</summary>
public sealed record SearchResult(string Url, string Title, string Snippet, string Language, double Score);
