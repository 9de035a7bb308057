using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Qualification.Icp;

namespace LeadAgent.Web.Features.Qualification.Pages;

/// <summary>One segment of the ICP as the page edits it: terms as comma-separated text.</summary>
public sealed class IcpSegmentForm
{
    public Segment Segment { get; init; }
    public bool Enabled { get; set; }
    public string Regions { get; set; } = "";
    public HashSet<SizeBand> SizeBands { get; set; } = [];
    public string Required { get; set; } = "";
    public string Excluded { get; set; } = "";
    public string KeywordsDe { get; set; } = "";
    public string KeywordsEn { get; set; } = "";

    public static IcpSegmentForm Of(IcpSegment s) => new()
    {
        Segment = s.Segment,
        Enabled = s.Enabled,
        Regions = Join(s.Regions),
        SizeBands = [.. s.SizeBands],
        Required = Join(s.Required),
        Excluded = Join(s.Excluded),
        KeywordsDe = Join(s.KeywordsDe),
        KeywordsEn = Join(s.KeywordsEn),
    };

    public IcpSegment ToSegment() => new()
    {
        Segment = Segment,
        Enabled = Enabled,
        Regions = IcpValidation.Split(Regions),
        SizeBands = [.. SizeBands.Order()],
        Required = IcpValidation.Split(Required),
        Excluded = IcpValidation.Split(Excluded),
        KeywordsDe = IcpValidation.Split(KeywordsDe),
        KeywordsEn = IcpValidation.Split(KeywordsEn),
    };

    public static string Join(IEnumerable<string> terms) => string.Join(", ", terms);
}

/// <summary>The whole ICP as the page edits it.</summary>
public sealed class IcpForm
{
    public List<IcpSegmentForm> Segments { get; init; } = [];
    public string NotFitTerms { get; set; } = "";
    public string? Note { get; set; }

    public static IcpForm Of(IcpSet icp) => new()
    {
        Segments = [.. icp.Segments.Select(IcpSegmentForm.Of)],
        NotFitTerms = IcpSegmentForm.Join(icp.NotFitTerms),
    };

    public IcpSaveInput ToInput() => new(new IcpSet
    {
        Segments = [.. Segments.Select(s => s.ToSegment())],
        NotFitTerms = IcpValidation.Split(NotFitTerms),
    }, Note);
}
