using LeadAgent.Market;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Qualification.Icp;
using LeadAgent.Web.Features.Qualification.Segments;

namespace LeadAgent.Tests.Qualification.Segments;

/// <summary>
/// Generalisation: the rules on a simulated market they were not written from. Fitting kinds must get their
/// segment, other trades and outlets NotAFit; a simple fit proxy (confidence of a segment whose ICP regions hold the
/// company's country) must rank the market's fitting companies above the rest (ROC AUC).
/// </summary>
public sealed class MarketGeneralisationTests
{
    [Theory]
    [InlineData(7)]
    [InlineData(2024)]
    public void Segments_and_fit_ranking_generalise_to_an_unseen_market(int seed)
    {
        var icp = IcpDefaults.Create();
        var classifier = new SegmentClassifier(icp);
        var confusion = new Confusion();
        var ranked = new List<(double Score, bool Fits)>();
        foreach (var (company, signals) in MarketSignals.Of(MarketGenerator.Generate(seed)))
        {
            var verdict = classifier.Classify(signals);
            var expected = company.Segment switch
            {
                MarketSegment.EventAgency => Segment.EventAgency,
                MarketSegment.CorporateClient => Segment.CorporateClient,
                MarketSegment.BrandOwner => Segment.BrandOwner,
                MarketSegment.Reseller => Segment.Reseller,
                _ => Segment.NotAFit,
            };
            confusion.Add(expected, verdict.Segment, $"{company} | " + string.Join(", ",
                verdict.Evidence.Take(5).Select(e => $"{e.Term}:{e.Segment}:{e.Weight}:{e.Source}")));
            var regions = icp.For(verdict.Segment)?.Regions ?? [];
            var inRegion = signals.Country is { } country && (regions.Count == 0 || regions.Contains(country));
            ranked.Add((icp.For(verdict.Segment) is not null && inRegion ? verdict.Confidence : 0, company.Fits));
        }
        var auc = Auc(ranked);
        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"seed {seed}: {confusion}\nfit proxy ROC AUC {auc:F3}");
        foreach (var miss in confusion.Misses)
        {
            output?.WriteLine(miss);
        }
        Assert.True(confusion.Accuracy >= 0.9, $"accuracy {confusion.Accuracy:P1}");
        Assert.True(auc >= 0.9, $"AUC {auc:F3}");
    }

    /// <summary>Mann–Whitney: the chance a fitting company outranks a non-fitting one (ties count half).</summary>
    public static double Auc(IReadOnlyList<(double Score, bool Fits)> ranked)
    {
        var positives = ranked.Where(r => r.Fits).Select(r => r.Score).ToList();
        var negatives = ranked.Where(r => !r.Fits).Select(r => r.Score).ToList();
        double wins = 0;
        foreach (var p in positives)
        {
            foreach (var n in negatives)
            {
                wins += p > n ? 1 : p == n ? 0.5 : 0;
            }
        }
        return positives.Count == 0 || negatives.Count == 0 ? 0 : wins / positives.Count / negatives.Count;
    }
}
