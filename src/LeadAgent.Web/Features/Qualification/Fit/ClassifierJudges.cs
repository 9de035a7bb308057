using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Qualification.Icp;
using LeadAgent.Web.Features.Qualification.Segments;
using LeadAgent.Web.Features.Qualification.Signals;
using LeadAgent.Web.Features.Qualification.Versions;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Qualification.Fit;

/// <summary>
/// The app's judge: the segment classifier (<see cref="SegmentJudge"/>) for the ICP in force, trained on the
/// workspace's labelled companies (a person's segment). Kept while the ICP version and the labels stay the same, so a
/// discovery run or a bulk refresh does not compile or train it again for every company.
/// </summary>
public sealed class ClassifierJudges
{
    private sealed record Kept(int IcpVersion, int Labels, DateTime? Latest, SegmentJudge Judge);

    private Kept? _kept;

    public async ValueTask<Func<CompanySignals, Judgement>> ForAsync(AppDbContext db, Versioned<IcpSet> icp,
        CancellationToken ct)
    {
        var labelled = db.Companies.Where(c => c.Segment != Segment.Unknown
            && c.ArchivedAt == null);
        var count = await labelled.CountAsync(ct);
        var latest = count == 0 ? null : await labelled.MaxAsync(c => (DateTime?)c.UpdatedAt, ct);
        var kept = _kept;
        if (kept is null || kept.IcpVersion != icp.Number || kept.Labels != count || kept.Latest != latest)
        {
            var judge = count < SegmentModel.MinLabels ? new SegmentJudge(icp.Value)
                : SegmentJudge.Train(icp.Value, await CompanySignalsLoader.LoadAsync(db,
                    labelled.OrderByDescending(c => c.UpdatedAt).Take(SegmentModel.MaxLabels), ct));
            _kept = kept = new Kept(icp.Number, count, latest, judge);
        }
        var chosen = kept.Judge;
        return s => From(chosen.Judge(s));
    }

    /// <summary>The classifier's verdict as the fit takes it: its evidence for the chosen segment, in words.</summary>
    public static Judgement From(SegmentVerdict v) => new(v.Segment, v.Confidence, v.Method,
        [.. v.Evidence.Where(e => e.Segment == v.Segment && e.Weight > 0)
            .Concat(v.Evidence.Where(e => e.Segment != v.Segment || e.Weight <= 0))
            .Select(e => e.Source is "model" or "size" ? e.Term
                : e.Weight > 0 && e.Segment == v.Segment ? $"{e.Term} ({e.Source})"
                : $"{e.Term} ({e.Source}, against {e.Segment})")]);
}
