using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Discovery.Review;
using LeadAgent.Web.Features.Qualification.Icp;
using LeadAgent.Web.Features.Qualification.Signals;

namespace LeadAgent.Web.Features.Qualification.Fit;

/// <summary>A discovery candidate's judgement: its segment and fit with the ICP version that made them.</summary>
public sealed record ProspectJudgement(Judgement Judgement, FitResult Fit, int IcpVersion);

/// <summary>
/// Judges a site discovery researched, from its profile and the page texts it kept, the same way companies are
/// judged, so the review queue is ranked by the same fit score.
/// </summary>
public sealed class ProspectQualifier(JudgeSource judges)
{
    /// <summary>
    /// The prospect's judgement (profile and pages saved first); null when there is no such prospect.
    /// </summary>
    public async Task<ProspectJudgement?> JudgeAsync(AppDbContext db, Guid prospectId, CancellationToken ct)
    {
        var signals = await CompanySignalsLoader.ForProspectAsync(db, prospectId, ct);
        if (signals is null)
        {
            return null;
        }
        var icp = await IcpService.CurrentAsync(db, ct);
        var judge = await judges(db, icp, ct);
        var j = judge(signals);
        return new(j, FitScorer.Score(signals, j, icp.Value), icp.Number);
    }

    /// <summary>Keeps the judgement on the prospect, for the queue's order, its columns and the export.</summary>
    public static void Apply(Prospect p, ProspectJudgement judged)
    {
        p.Segment = judged.Judgement.Segment.ToString();
        p.SegmentConfidence = Math.Round(Math.Clamp(judged.Judgement.Confidence, 0, 1), 3);
        p.FitScore = judged.Fit.Score;
    }
}
