using LeadAgent.Web.Features.Companies;

namespace LeadAgent.Web.Features.Qualification.Icp;

/// <summary>
/// The ideal customer profile of one segment: where and how big its companies are, which signals a fitting company
/// must show and which rule it out, and the words (German and English) that say a company belongs to it.
/// </summary>
public sealed record IcpSegment
{
    public required Segment Segment { get; init; }
    public bool Enabled { get; init; } = true;
    /// <summary>ISO 3166 alpha-2 country codes; empty means anywhere.</summary>
    public IReadOnlyList<string> Regions { get; init; } = [];
    /// <summary>Size bands that fit; empty means any size.</summary>
    public IReadOnlyList<SizeBand> SizeBands { get; init; } = [];
    /// <summary>Terms of which a fitting company shows at least one (none listed: no requirement).</summary>
    public IReadOnlyList<string> Required { get; init; } = [];
    /// <summary>Terms that rule a company out of this segment.</summary>
    public IReadOnlyList<string> Excluded { get; init; } = [];
    public IReadOnlyList<string> KeywordsDe { get; init; } = [];
    public IReadOnlyList<string> KeywordsEn { get; init; } = [];
}

/// <summary>
/// The whole ICP: one profile per segment, and the signals of companies that are no customer at all (venues, wedding
/// planners, directories, job boards, news sites, competitors). Versioned with <c>VersionStore</c> (kind Icp).
/// </summary>
public sealed record IcpSet
{
    public required IReadOnlyList<IcpSegment> Segments { get; init; }
    /// <summary>Terms that mark a company as not a fit whatever else it says (German and English).</summary>
    public IReadOnlyList<string> NotFitTerms { get; init; } = [];

    public IcpSegment? For(Segment segment) => Segments.FirstOrDefault(s => s.Segment == segment);
}
