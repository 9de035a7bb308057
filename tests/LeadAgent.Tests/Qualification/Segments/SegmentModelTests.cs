using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Qualification;
using LeadAgent.Web.Features.Qualification.Icp;
using LeadAgent.Web.Features.Qualification.Segments;
using LeadAgent.Web.Features.Qualification.Signals;

namespace LeadAgent.Tests.Qualification.Segments;

/// <summary>The learned model: only with enough labels, only when it beats the rules, deterministic.</summary>
public sealed class SegmentModelTests
{
    private static readonly IcpSet Icp = IcpDefaults.Create();

    [Fact]
    public void Too_few_labels_train_no_model()
    {
        var few = SegmentFixture.Tune.Where(c => c.Expected != Segment.Unknown).Take(SegmentModel.MinLabels - 1)
            .Select(SegmentFixture.Labelled).ToList();
        var report = SegmentModel.Assess(few, Icp);
        Assert.Null(report.Model);
        Assert.Null(report.ModelAccuracy);
        Assert.Equal(few.Count, report.Labels);
        Assert.Equal(FitMethod.Rules, new SegmentJudge(Icp, SegmentModel.Train(few, Icp))
            .Judge(SegmentFixture.Holdout[0].Signals).Method);
    }

    [Fact]
    public void Labels_the_rules_already_get_right_leave_the_rules_in_charge()
    {
        var labelled = SegmentFixture.Tune.Where(c => c.Expected != Segment.Unknown).Select(SegmentFixture.Labelled)
            .ToList();
        var report = SegmentModel.Assess(labelled, Icp);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"labels {report.Labels}, rules {report.RulesAccuracy:P1}, model {report.ModelAccuracy:P1}: "
            + report.Reason);
        Assert.NotNull(report.ModelAccuracy);
        Assert.True(report.Model is null == report.ModelAccuracy <= report.RulesAccuracy);
        var judge = new SegmentJudge(Icp, report.Model);
        var verdict = judge.Judge(SegmentFixture.Holdout.First(c => c.Expected == Segment.Reseller).Signals);
        Assert.Equal(report.Model is null ? FitMethod.Rules : FitMethod.Model, verdict.Method);
        Assert.Equal(Segment.Reseller, verdict.Segment);
    }

    [Fact]
    public void A_workspace_that_labels_differently_from_the_rules_gets_a_model_that_decides()
    {
        // This workspace sells to the event trade's suppliers too: it labels venues, caterers and AV rental
        // companies event agencies, which the rules call not a fit.
        static bool Supplier(FixtureCompany c) => c.Kind is "venue" or "caterer" or "avrental";
        static CompanySignals Relabel(FixtureCompany c) =>
            c.Signals with { Label = Supplier(c) ? Segment.EventAgency : c.Expected };
        var labelled = SegmentFixture.Tune.Where(c => c.Expected != Segment.Unknown).Select(Relabel).ToList();
        var first = SegmentModel.Assess(labelled, Icp);
        var second = SegmentModel.Assess(labelled, Icp);
        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"labels {first.Labels}, rules {first.RulesAccuracy:P1}, model {first.ModelAccuracy:P1}");

        Assert.NotNull(first.Model);
        Assert.True(first.ModelAccuracy > first.RulesAccuracy);
        Assert.Equal(first.ModelAccuracy, second.ModelAccuracy);
        var judge = new SegmentJudge(Icp, first.Model);
        var venues = SegmentFixture.Holdout.Where(c => Supplier(c) && c.Signals.SiteText.Length > 0).ToList();
        var verdicts = venues.Select(v => judge.Judge(v.Signals)).ToList();
        var rulesRight = venues.Count(v => judge.Rules.Classify(v.Signals).Segment == Segment.EventAgency);
        output?.WriteLine($"held-out suppliers judged event agencies: model {verdicts.Count(v => v.Segment ==
            Segment.EventAgency)}/{venues.Count}, rules {rulesRight}/{venues.Count}");
        Assert.All(verdicts, v => Assert.Equal(FitMethod.Model, v.Method));
        Assert.Equal(verdicts.Select(v => v.Segment),
            venues.Select(v => new SegmentJudge(Icp, second.Model).Judge(v.Signals).Segment));
        Assert.Contains(verdicts[0].Evidence, e => e.Source == "model");
    }
}
