namespace LeadAgent.Web.Features.Discovery.Extraction;

/// <summary>What a page of a company site is for; decides which extractors trust it most.</summary>
public enum PageKind { Home, About, Imprint, Contact, Team, Other }

/// <summary>
/// One extracted value: field name, value, the page it came from, and how (e.g. "json-ld", "impressum", "mailto",
/// "text", "meta", "tel-link", "cloudflare").
/// </summary>
public sealed record Fact(string Field, string Value, string SourceUrl, string Method);

/// <summary>
/// Segment keyword lists the run looks for (segment name → keywords, any language); region default for phones.
/// </summary>
public sealed record ExtractionContext(
    IReadOnlyDictionary<string, IReadOnlyList<string>> SegmentKeywords, string? DefaultRegion = null)
{
    /// <summary>No segments, no default region.</summary>
    public static ExtractionContext Empty { get; } = new(new Dictionary<string, IReadOnlyList<string>>());
}

/// <summary>A same-site link found on a page, with what its address or text says it leads to.</summary>
public sealed record PageLink(Uri Url, PageKind Kind, string Text);

/// <summary>Everything one page yielded. <see cref="Text"/> is the visible text, space-collapsed and capped.</summary>
public sealed record PageExtract(Uri Url, PageKind Kind, string? Title, string? Description, string? Language,
    string Text, IReadOnlyList<Fact> Facts, IReadOnlyList<PageLink> Links, bool NoIndex, bool NoFollow);

/// <summary>The names used in <see cref="Fact.Field"/>.</summary>
public static class FactFields
{
    public const string Name = "name", LegalName = "legalName", LegalForm = "legalForm", Street = "street",
        Postcode = "postcode", City = "city", Country = "country", VatId = "vatId", Register = "register",
        Director = "director", Email = "email", Phone = "phone", Social = "social", Person = "person",
        Employees = "employees", Description = "description", Segment = "segment", Language = "language";
}
