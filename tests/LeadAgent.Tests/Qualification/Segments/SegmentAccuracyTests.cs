using LeadAgent.Web.Features.Qualification.Icp;
using LeadAgent.Web.Features.Qualification.Segments;

namespace LeadAgent.Tests.Qualification.Segments;

/// <summary>The rules' accuracy on the labelled fixture: tuned on one part, reported on the held-out part.</summary>
public sealed class SegmentAccuracyTests
{
    private static readonly SegmentClassifier Classifier = new(IcpDefaults.Create());

    [Fact]
    public void Held_out_part_is_classified_at_least_90_percent_right()
    {
        var confusion = Score(SegmentFixture.Holdout);
        Assert.True(confusion.Accuracy >= HoldoutThreshold, confusion.ToString());
    }

    [Fact]
    public void Whole_fixture_is_classified_at_least_90_percent_right()
    {
        var confusion = Score(SegmentFixture.Companies);
        Assert.True(SegmentFixture.Companies.Count >= 300);
        Assert.True(confusion.Accuracy >= WholeThreshold, confusion.ToString());
    }

    public const double HoldoutThreshold = 0.9, WholeThreshold = 0.9;

    private static Confusion Score(IReadOnlyList<FixtureCompany> companies)
    {
        var confusion = new Confusion();
        foreach (var c in companies)
        {
            var v = Classifier.Classify(c.Signals);
            confusion.Add(c.Expected, v.Segment, $"#{c.Id} {c.Kind} {c.Signals.Name} | {c.Signals.SiteTitle} | "
                + string.Join(", ", v.Evidence.Take(5).Select(e => $"{e.Term}:{e.Segment}:{e.Weight}:{e.Source}")));
        }
        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine(confusion.ToString());
        foreach (var miss in confusion.Misses)
        {
            output?.WriteLine(miss);
        }
        return confusion;
    }
}
