using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Qualification.Icp;
using LeadAgent.Web.Features.Qualification.Signals;

namespace LeadAgent.Web.Features.Qualification.Segments;

/// <summary>
/// The one entry point for a company's segment: the rules of the ICP, and the workspace's trained model when one
/// beat the rules (see <see cref="SegmentModel"/>). The verdict says which decided. Thread-safe.
/// </summary>
public sealed class SegmentJudge(IcpSet icp, TrainedSegmentModel? model = null)
{
    public SegmentClassifier Rules { get; } = SegmentClassifier.For(icp);

    public TrainedSegmentModel? Model { get; } = model;

    /// <summary>A judge for the ICP that trains on the labelled companies (uses the model only when it wins).</summary>
    public static SegmentJudge Train(IcpSet icp, IReadOnlyList<CompanySignals> labelled) =>
        new(icp, SegmentModel.Train(labelled, icp));

    public SegmentVerdict Judge(CompanySignals s)
    {
        var rules = Rules.Classify(s);
        if (Model is null || rules.Segment == Segment.Unknown)
        {
            return rules;
        }
        var (segment, probability) = Model.Predict(s, rules);
        // The model's own weights are over thousands of n-grams; the rules' evidence for its segment explains it.
        var evidence = new List<SegmentEvidence>
        {
            new($"model ({Model.Labels} labels, accuracy {Model.Accuracy:P0})", segment, probability, "model"),
        };
        evidence.AddRange(rules.Evidence.Where(e => e.Segment == segment));
        evidence.AddRange(rules.Evidence.Where(e => e.Segment != segment));
        return new SegmentVerdict(segment, probability, FitMethod.Model,
            [.. evidence.Take(SegmentClassifier.EvidenceMax)]);
    }
}
