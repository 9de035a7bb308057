using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Qualification.Signals;

namespace LeadAgent.Web.Features.Qualification.Segments;

public sealed partial class SegmentClassifier
{
    /// <summary>How many evidence items a verdict keeps (the strongest).</summary>
    public const int EvidenceMax = 10;

    // Size is the corporate client's clearest mark: hundreds of employees, or a large band in the CRM.
    private static void Firmographics(CompanySignals s, double[] scores, List<SegmentEvidence> evidence)
    {
        var corporate = Index(Segment.CorporateClient);
        var (points, term) = s.Employees switch
        {
            >= 1000 => (2.5, $"{s.Employees} employees"),
            >= 250 => (1.5, $"{s.Employees} employees"),
            _ => s.Size switch
            {
                SizeBand.Enterprise or SizeBand.Large => (2.0, $"size {s.Size}"),
                SizeBand.Medium => (0.5, $"size {s.Size}"),
                _ => (0.0, ""),
            },
        };
        if (points > 0)
        {
            scores[corporate] += points;
            evidence.Add(new SegmentEvidence(term, Segment.CorporateClient, points, "size"));
        }
        else if (s.Employees is < 50 || s.Size is SizeBand.Micro or SizeBand.Small)
        {
            // A handful of people is never a corporate client, whatever words its site uses.
            scores[corporate] *= 0.5;
        }
        foreach (var hit in s.SegmentHits)
        {
            if (Enum.TryParse<Segment>(hit, ignoreCase: true, out var seg) && Index(seg) is >= 0 and var i
                && seg != Segment.NotAFit)
            {
                scores[i] += 0.4;
                evidence.Add(new SegmentEvidence(hit, seg, 0.4, "extractor"));
            }
        }
    }

    private static SegmentVerdict Decide(CompanySignals s, double[] scores, List<SegmentEvidence> evidence)
    {
        var total = scores.Sum();
        var best = 0;
        for (var i = 1; i < scores.Length; i++)
        {
            if (scores[i] > scores[best])
            {
                best = i;
            }
        }
        var kept = evidence.OrderByDescending(e => Math.Abs(e.Weight)).ThenBy(e => e.Term, StringComparer.Ordinal)
            .Take(EvidenceMax).ToList();
        if (total < Enough)
        {
            // A researched site that says nothing of our segments is no customer; a bare name is too little.
            var words = s.SiteText.AsSpan().Count(' ') + (s.SiteTitle is null ? 0 : 3)
                + (s.SiteDescription is null ? 0 : 8);
            return words >= 25
                ? new SegmentVerdict(Segment.NotAFit, 0.35, FitMethod.Rules,
                    [.. kept, new SegmentEvidence("no segment terms", Segment.NotAFit, 0, "site")])
                : new SegmentVerdict(Segment.Unknown, 0, FitMethod.Rules, kept);
        }
        var confidence = Math.Clamp(scores[best] / (total + Prior), 0, 1);
        return new SegmentVerdict(Scores[best], Math.Round(confidence, 3), FitMethod.Rules, kept);
    }
}
