using System.Collections.Frozen;
using LeadAgent.Web.Features.Crm.Normalization;

namespace LeadAgent.Web.Features.Discovery.Extraction;

/// <summary>One company as its site describes it, merged from the extracts of several of its pages.</summary>
public sealed record SiteProfile(string? Name, string? LegalName, string? LegalForm, string? VatId, string? Register,
    string? Street, string? Postcode, string? City, string? Country, string? Phone, string? Email,
    IReadOnlyList<string> Emails, IReadOnlyList<string> Phones, IReadOnlyList<string> Socials,
    IReadOnlyList<string> Directors, IReadOnlyList<string> People, string? Description, string? Language,
    IReadOnlyList<string> SegmentsFound, IReadOnlyList<Fact> Facts)
{
    private static readonly FrozenSet<string> RoleMailboxes = FrozenSet.ToFrozenSet(
        ["info", "kontakt", "contact", "office", "hello", "hallo", "mail", "post", "sales", "vertrieb", "service",
            "team", "anfrage", "anfragen", "buero", "enquiries", "inquiries", "welcome", "events"],
        StringComparer.Ordinal);

    /// <summary>A size hint (number of employees) when a page gave one; JSON-LD first.</summary>
    public string? Employees { get; init; }

    /// <summary>
    /// Merges several pages' facts into one company: the imprint wins for legal name, VAT, register and address,
    /// then JSON-LD, then other pages; the main e-mail and phone prefer the site's own domain and the imprint or
    /// contact page; <see cref="Facts"/> keeps every fact, with its source, once.
    /// </summary>
    public static SiteProfile From(IReadOnlyList<PageExtract> pages, string siteDomain)
    {
        var site = SiteOf(siteDomain);
        var kinds = new Dictionary<string, PageKind>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            kinds.TryAdd(page.Url.AbsoluteUri, page.Kind);
        }
        var facts = pages.SelectMany(p => p.Facts).Distinct().ToList();
        PageKind KindOf(Fact f) => kinds.GetValueOrDefault(f.SourceUrl, PageKind.Other);
        int Legal(Fact f) => KindOf(f) == PageKind.Imprint ? 0 : f.Method == "json-ld" ? 1
            : f.Method == "microdata" ? 2 : KindOf(f) is PageKind.Contact or PageKind.Home ? 3 : 4;
        Fact? Best(string field, Func<Fact, int> rank) =>
            facts.Where(f => f.Field == field).OrderBy(rank).FirstOrDefault();

        var legal = Best(FactFields.LegalName, Legal);
        var form = legal is null ? Best(FactFields.LegalForm, Legal)
            : facts.FirstOrDefault(f => f.Field == FactFields.LegalForm && SameSource(f, legal))
              ?? Best(FactFields.LegalForm, Legal);
        // Street, postcode and city come from one source, so two half addresses never mix.
        var city = Best(FactFields.City, Legal);
        string? FromCity(string field) => city is null ? null
            : facts.FirstOrDefault(f => f.Field == field && SameSource(f, city))?.Value;
        var country = FromCity(FactFields.Country) ?? Best(FactFields.Country, Legal)?.Value;

        var name = Best(FactFields.Name, f => (f.Method == "json-ld" ? 0 : f.Method == "meta" ? 2 : 4)
            + (KindOf(f) == PageKind.Home ? 0 : 1))?.Value ?? legal?.Value;

        var emails = Ranked(facts, FactFields.Email, f => EmailScore(f, KindOf(f), site));
        var phones = Ranked(facts, FactFields.Phone, f => (KindOf(f) is PageKind.Imprint or PageKind.Contact ? 4 : 0)
            + (f.Method is "tel-link" or "json-ld" ? 2 : 0)
            + (country is not null && PhoneFinder.RegionOf(f.Value) == country ? 1 : 0));
        var description = Best(FactFields.Description, f => (KindOf(f) == PageKind.Home ? 0 : 2)
            + (f.Method == "meta" ? 0 : 1))?.Value;
        var language = facts.Where(f => f.Field == FactFields.Language)
            .GroupBy(f => f.Value).OrderByDescending(g => g.Any(f => KindOf(f) == PageKind.Home))
            .ThenByDescending(g => g.Count()).FirstOrDefault()?.Key;

        return new SiteProfile(name, legal?.Value, form?.Value, Best(FactFields.VatId, Legal)?.Value,
            Best(FactFields.Register, Legal)?.Value, FromCity(FactFields.Street), FromCity(FactFields.Postcode),
            city?.Value, country, phones.FirstOrDefault(), emails.FirstOrDefault(), emails, phones,
            Distinct(facts, FactFields.Social, f => f.Method == "json-ld" ? 0 : 1),
            Distinct(facts, FactFields.Director, Legal), Distinct(facts, FactFields.Person, _ => 0), description,
            language, Distinct(facts, FactFields.Segment, _ => 0), facts)
        {
            Employees = Best(FactFields.Employees, f => f.Method == "json-ld" ? 0 : 1)?.Value,
        };
    }

    private static string SiteOf(string siteDomain)
    {
        var text = siteDomain.Trim();
        var host = Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Host.Length > 0 ? uri.Host : text;
        return DomainName.Registrable(host) ?? host.ToLowerInvariant();
    }

    private static bool SameSource(Fact a, Fact b) => a.SourceUrl == b.SourceUrl && a.Method == b.Method;

    private static int EmailScore(Fact f, PageKind kind, string site)
    {
        var at = f.Value.LastIndexOf('@');
        if (at < 0)
        {
            return 0;
        }
        var domain = f.Value[(at + 1)..];
        var own = domain == site || domain.EndsWith("." + site, StringComparison.Ordinal);
        return (own ? 8 : 0) + (kind is PageKind.Imprint or PageKind.Contact ? 4 : 0)
            + (RoleMailboxes.Contains(f.Value[..at]) ? 2 : 0) + (f.Method == "text" ? 0 : 1);
    }

    /// <summary>Distinct values, best score first; equal scores keep the order found, more sightings first.</summary>
    private static List<string> Ranked(List<Fact> facts, string field, Func<Fact, int> score) =>
        facts.Where(f => f.Field == field).GroupBy(f => f.Value)
            .Select((g, i) => (g.Key, Score: g.Max(score) + Math.Min(g.Select(f => f.SourceUrl).Distinct().Count(), 3),
                Index: i))
            .OrderByDescending(x => x.Score).ThenBy(x => x.Index).Select(x => x.Key).ToList();

    private static List<string> Distinct(List<Fact> facts, string field, Func<Fact, int> rank) =>
        facts.Where(f => f.Field == field).OrderBy(rank).Select(f => f.Value).Distinct().ToList();
}
