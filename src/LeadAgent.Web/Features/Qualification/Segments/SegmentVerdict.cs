using LeadAgent.Web.Features.Companies;

namespace LeadAgent.Web.Features.Qualification.Segments;

/// <summary>
/// One piece of evidence: a term found in a field ("name", "title", "description", "industry", "tags", "site",
/// "size", "extractor", "model") that counted for a segment (NotAFit for not-fit terms) with its weight; negative
/// weights count against the segment (an excluded term).
/// </summary>
public sealed record SegmentEvidence(string Term, Segment Segment, double Weight, string Source);

/// <summary>
/// The classifier's judgement of one company: its segment (NotAFit when it is no customer; Unknown only when there
/// is too little to judge), a confidence from 0 to 1, whether the rules or the trained model decided, and why.
/// </summary>
public sealed record SegmentVerdict(Segment Segment, double Confidence, FitMethod Method,
    IReadOnlyList<SegmentEvidence> Evidence)
{
    public static SegmentVerdict Unknown { get; } = new(Segment.Unknown, 0, FitMethod.Rules, []);
}
