using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Qualification;
using LeadAgent.Web.Features.Qualification.Fit;
using LeadAgent.Web.Features.Qualification.Icp;
using LeadAgent.Web.Features.Qualification.Signals;

namespace LeadAgent.Tests.Qualification.Fit;

/// <summary>The fit score's factors at their edges: region, size, required and excluded terms, confidence.</summary>
public sealed class FitScorerTests
{
    // An ICP of its own, so the defaults can change without changing what these edges test.
    private static readonly string[] Regions = ["DE", "AT", "CH", "GB", "AE"];

    private static readonly IcpSet Icp = new()
    {
        Segments =
        [
            new IcpSegment
            {
                Segment = Segment.EventAgency, Regions = Regions, KeywordsDe = ["eventagentur"],
                KeywordsEn = ["event agency"], Excluded = ["eventlocation", "wedding planner"],
            },
            new IcpSegment
            {
                Segment = Segment.CorporateClient, Regions = Regions, KeywordsDe = ["konzern"], KeywordsEn = ["group"],
                SizeBands = [SizeBand.Medium, SizeBand.Large, SizeBand.Enterprise],
            },
            new IcpSegment
            {
                Segment = Segment.BrandOwner, Regions = Regions, KeywordsDe = ["marke"], KeywordsEn = ["brand"],
            },
            new IcpSegment
            {
                Segment = Segment.Reseller, Regions = Regions, KeywordsDe = ["werbeartikel"],
                KeywordsEn = ["promotional products"], Required = ["werbeartikel", "promotional products"],
            },
        ],
        NotFitTerms = ["jobbörse"],
    };

    internal static CompanySignals Signals(string text = "", string? country = "DE",
        SizeBand size = SizeBand.Unknown, Segment? label = null) =>
        new(Guid.NewGuid(), "Acme", "acme.test", country, "Berlin", null, size, [], text, null, null, "de", [], null,
            label, 0, 0, null);

    private static Judgement Rules(Segment s, double confidence, params string[] evidence) =>
        new(s, confidence, FitMethod.Rules, evidence);

    private static FitFactor Factor(FitResult r, string name) => Assert.Single(r.Factors, f => f.Name == name);

    [Fact]
    public void A_sure_segment_in_its_region_with_no_limits_scores_full_marks()
    {
        var r = FitScorer.Score(Signals("Wir sind eine Eventagentur"), Rules(Segment.EventAgency, 1), Icp);
        Assert.Equal(100, r.Score);
        Assert.Equal(100, r.Factors.Sum(f => f.Max));
        Assert.Equal(r.Score, r.Factors.Sum(f => f.Points));
        Assert.Contains("DE is a target region", Factor(r, "Region").Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Confidence_gives_its_share_of_the_segment_points()
    {
        var sure = FitScorer.Score(Signals(), Rules(Segment.BrandOwner, 1), Icp);
        var half = FitScorer.Score(Signals(), Rules(Segment.BrandOwner, 0.5), Icp);
        Assert.Equal(FitScorer.SegmentMax, Factor(sure, "Segment").Points);
        Assert.Equal(FitScorer.SegmentMax / 2, Factor(half, "Segment").Points);
        Assert.Equal(sure.Score - FitScorer.SegmentMax / 2, half.Score);
    }

    [Fact]
    public void Region_outside_unknown_and_inside_give_none_some_and_all()
    {
        int Points(string? country) =>
            Factor(FitScorer.Score(Signals(country: country), Rules(Segment.EventAgency, 1), Icp), "Region").Points;
        Assert.Equal(FitScorer.RegionMax, Points("AT"));
        Assert.Equal(0, Points("FR"));
        Assert.InRange(Points(null), 1, FitScorer.RegionMax - 1);
    }

    [Fact]
    public void Size_counts_only_where_the_segment_names_its_bands()
    {
        int Points(SizeBand size, Segment s) =>
            Factor(FitScorer.Score(Signals(size: size), Rules(s, 1), Icp), "Size").Points;
        Assert.Equal(FitScorer.SizeMax, Points(SizeBand.Large, Segment.CorporateClient));
        Assert.Equal(0, Points(SizeBand.Micro, Segment.CorporateClient));
        Assert.InRange(Points(SizeBand.Unknown, Segment.CorporateClient), 1, FitScorer.SizeMax - 1);
        Assert.Equal(FitScorer.SizeMax, Points(SizeBand.Micro, Segment.EventAgency));
    }

    [Fact]
    public void Required_terms_must_show_at_the_start_of_a_word()
    {
        var shows = FitScorer.Score(Signals("Ihr Partner für Werbeartikel mit Logo"), Rules(Segment.Reseller, 1),
            Icp);
        var inside = FitScorer.Score(Signals("Kaffeewerbeartikelfreie Zone"), Rules(Segment.Reseller, 1), Icp);
        Assert.Equal(FitScorer.RequiredMax, Factor(shows, "Required signals").Points);
        Assert.Contains("\"werbeartikel\"", Factor(shows, "Required signals").Detail, StringComparison.Ordinal);
        Assert.Equal(0, Factor(inside, "Required signals").Points);
    }

    [Fact]
    public void An_excluded_term_takes_its_points_and_caps_the_score()
    {
        var r = FitScorer.Score(Signals("Eventagentur und Eventlocation für Hochzeiten"),
            Rules(Segment.EventAgency, 1), Icp);
        Assert.Equal(0, Factor(r, "Excluded signals").Points);
        Assert.Contains("eventlocation", Factor(r, "Excluded signals").Detail, StringComparison.Ordinal);
        Assert.Equal(FitScorer.ExcludedCap, r.Score);
    }

    [Fact]
    public void Not_a_fit_scores_at_most_ten_with_its_reason()
    {
        var sure = FitScorer.Score(Signals("Jobbörse"), Rules(Segment.NotAFit, 1, "job board"), Icp);
        var unsure = FitScorer.Score(Signals(), Rules(Segment.NotAFit, 0), Icp);
        Assert.Equal(0, sure.Score);
        Assert.Contains("job board", Assert.Single(sure.Factors).Detail, StringComparison.Ordinal);
        Assert.Equal(FitScorer.NotAFitMax, unsure.Score);
    }

    [Fact]
    public void Unknown_scores_low_and_says_there_are_not_enough_signals()
    {
        var r = FitScorer.Score(Signals(size: SizeBand.Large), Rules(Segment.Unknown, 0), Icp);
        Assert.InRange(r.Score, 1, FitScorer.UnknownMax);
        Assert.Contains("Not enough signals", Factor(r, "Segment").Detail, StringComparison.Ordinal);
        Assert.Equal(0, FitScorer.Score(Signals(country: "FR"), Rules(Segment.Unknown, 0), Icp)
            .Factors.Single(f => f.Name == "Region").Points);
    }

    [Fact]
    public void A_segment_the_icp_no_longer_targets_scores_low()
    {
        var icp = Icp with
        {
            Segments = [.. Icp.Segments.Select(s => s.Segment == Segment.BrandOwner ? s with { Enabled = false } : s)],
        };
        var r = FitScorer.Score(Signals(), Rules(Segment.BrandOwner, 1), icp);
        Assert.InRange(r.Score, 0, FitScorer.DisabledCap);
        Assert.Contains("does not target", Factor(r, "Segment").Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_persons_label_is_certain_and_said_so()
    {
        var r = FitScorer.Score(Signals(), Judgement.ByPerson(Segment.Reseller), Icp);
        Assert.Contains("by a person", Factor(r, "Segment").Detail, StringComparison.Ordinal);
        Assert.Equal(FitScorer.SegmentMax, Factor(r, "Segment").Points);
    }

    [Fact]
    public void Factors_survive_their_json_column()
    {
        var r = FitScorer.Score(Signals("Werbeartikel"), Rules(Segment.Reseller, 0.8), Icp);
        var json = FitJson.Factors(r.Factors);
        Assert.True(json.Length <= CompanyFit.FactorsMax);
        Assert.Equal(r.Factors, FitJson.ReadFactors(json));
        Assert.Equal(["a", "b"], FitJson.ReadEvidence(FitJson.Evidence(["a", "b"])));
        Assert.True(FitJson.Evidence([.. Enumerable.Repeat(new string('x', 300), 100)]).Length
            <= CompanyFit.EvidenceMax);
    }
}
