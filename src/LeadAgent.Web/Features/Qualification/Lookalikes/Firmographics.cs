using LeadAgent.Web.Features.Companies;

namespace LeadAgent.Web.Features.Qualification.Lookalikes;

public enum RegionMatch { None, SameRegion, SameCountry }

/// <summary>
/// How the parts of a similarity add up (the weights sum to 1, so a similarity is 0–1):
/// <list type="bullet">
/// <item>text 0.55: cosine of the TF-IDF vectors of what the two companies do (name, industry, tags, site);</item>
/// <item>segment 0.20: both have the same known segment (the one-hot segment vectors' dot product);</item>
/// <item>size 0.15: the same size band (1), a neighbouring band (0.5), else or unknown 0;</item>
/// <item>region 0.10: the same country (1), the same region such as DACH or Benelux (0.5), else 0.</item>
/// </list>
/// Text weighs most because it says what a company does; the firmographics break ties between similar texts.
/// </summary>
public static class Firmographics
{
    public const double TextWeight = 0.55, SegmentWeight = 0.20, SizeWeight = 0.15, RegionWeight = 0.10;

    /// <summary>The most a pair without a shared term can reach: same segment, size and country.</summary>
    public const double NoTextBound = SegmentWeight + SizeWeight + RegionWeight;

    private static readonly (string Region, string[] Countries)[] Groups =
    [
        ("DACH", ["DE", "AT", "CH", "LI"]),
        ("Benelux", ["BE", "NL", "LU"]),
        ("Nordics", ["DK", "SE", "NO", "FI", "IS"]),
        ("British Isles", ["GB", "IE"]),
        ("Gulf", ["AE", "SA", "QA", "KW", "BH", "OM"]),
        ("North America", ["US", "CA"]),
        ("Southern Europe", ["ES", "IT", "PT", "GR"]),
        ("Central Europe", ["PL", "CZ", "SK", "HU"]),
    ];

    private static readonly Dictionary<string, string> Regions = Groups
        .SelectMany(g => g.Countries.Select(c => (Country: c, g.Region)))
        .ToDictionary(x => x.Country, x => x.Region, StringComparer.Ordinal);

    /// <summary>The region of a country code (the code itself when it belongs to no listed region).</summary>
    public static string? RegionOf(string? country) =>
        country is null ? null : Regions.GetValueOrDefault(country, country);

    public static bool KnownSegment(Segment s) => s is not (Segment.Unknown or Segment.NotAFit);

    public static bool SameSegment(Segment a, Segment b) => KnownSegment(a) && a == b;

    public static double SizeScore(SizeBand a, SizeBand b) =>
        a == SizeBand.Unknown || b == SizeBand.Unknown ? 0 : Math.Abs((int)a - (int)b) switch
        {
            0 => 1,
            1 => 0.5,
            _ => 0,
        };

    public static RegionMatch Region(string? countryA, string? countryB) =>
        countryA is null || countryB is null ? RegionMatch.None
        : countryA == countryB ? RegionMatch.SameCountry
        : RegionOf(countryA) == RegionOf(countryB) ? RegionMatch.SameRegion
        : RegionMatch.None;

    public static double RegionScore(RegionMatch m) => m switch
    {
        RegionMatch.SameCountry => 1,
        RegionMatch.SameRegion => 0.5,
        _ => 0,
    };

    /// <summary>The part of the similarity that is not text.</summary>
    public static double Score(Segment segA, SizeBand sizeA, string? countryA, Segment segB, SizeBand sizeB,
        string? countryB) =>
        (SameSegment(segA, segB) ? SegmentWeight : 0) + SizeWeight * SizeScore(sizeA, sizeB)
        + RegionWeight * RegionScore(Region(countryA, countryB));
}
