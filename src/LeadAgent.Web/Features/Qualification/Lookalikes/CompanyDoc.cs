using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Qualification.Signals;

namespace LeadAgent.Web.Features.Qualification.Lookalikes;

/// <summary>
/// A client's order history as the lookalikes see it. <see cref="AnnualValue"/> is in the workspace currency only
/// (see <see cref="ClientHistory"/>); <see cref="Categories"/> are its most ordered product categories.
/// </summary>
public sealed record ClientFacts(decimal AnnualValue, int Orders, IReadOnlyList<string> Categories);

/// <summary>One company as the similarity index takes it in: what it does (texts) and its firmographics.</summary>
public sealed record CompanyDoc(Guid Id, string Name, Segment Segment, string? Country, SizeBand Size)
{
    public string? Industry { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public string? SiteTitle { get; init; }
    public string? SiteDescription { get; init; }
    public string SiteText { get; init; } = "";
    /// <summary>Set for a client (a company with orders).</summary>
    public ClientFacts? Client { get; init; }

    // Short fields say most about what a company does, so they count more than a word in the site's body text.
    public const float NameWeight = 2, IndustryWeight = 3, TagWeight = 3, TitleWeight = 2, DescriptionWeight = 2;

    /// <summary>A doc from loaded signals; the segment is the company's own (a person's or the brain's).</summary>
    public static CompanyDoc From(CompanySignals s, Segment segment, ClientFacts? client) =>
        new(s.CompanyId, s.Name, segment, s.Country, s.Size)
        {
            Industry = s.Industry,
            Tags = s.Tags,
            SiteTitle = s.SiteTitle,
            SiteDescription = s.SiteDescription,
            SiteText = s.SiteText,
            Client = client,
        };

    /// <summary>The weighted term counts of all the texts.</summary>
    public Dictionary<string, float> TermCounts(Dictionary<string, string>? surface = null)
    {
        var counts = new Dictionary<string, float>(StringComparer.Ordinal);
        TermText.Count(Name, NameWeight, counts, surface);
        TermText.Count(Industry, IndustryWeight, counts, surface);
        foreach (var tag in Tags)
        {
            TermText.Count(tag, TagWeight, counts, surface);
        }
        TermText.Count(SiteTitle, TitleWeight, counts, surface);
        TermText.Count(SiteDescription, DescriptionWeight, counts, surface);
        TermText.Count(SiteText, 1, counts, surface);
        return counts;
    }
}
