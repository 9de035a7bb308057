using System.Text.Json;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Features.Qualification.Facts;
using LeadAgent.Web.Features.Qualification.Versions;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Qualification.Scoring;

/// <summary>What a rescore did: leads scored, leads whose score or band changed, the weights version used.</summary>
public sealed record RescoreResult(int Scored, int Changed, int WeightsVersion);

/// <summary>
/// Recomputes lead scores with the weights in force and writes back only those that changed, with a history row each
/// (<see cref="ScoreWriter"/>). The background worker calls <see cref="RescoreAsync(AppDbContext, IQueryable{Lead},
/// CancellationToken)"/> for leads marked stale, and <see cref="RescoreAllAsync"/> after a weights change.
/// </summary>
public static class LeadScoring
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Task<Versioned<ScoreWeights>> WeightsAsync(AppDbContext db, CancellationToken ct) =>
        VersionStore.CurrentAsync(db, VersionKind.Weights, () => ScoreWeights.Default, ct);

    /// <summary>Every lead not archived.</summary>
    public static Task<RescoreResult> RescoreAllAsync(AppDbContext db, CancellationToken ct) =>
        RescoreAsync(db, db.Leads.Where(l => l.ArchivedAt == null), ct);

    public static Task<RescoreResult> RescoreAsync(AppDbContext db, IReadOnlyCollection<Guid> leadIds,
        CancellationToken ct) => RescoreAsync(db, db.Leads.Where(l => leadIds.Contains(l.Id)), ct);

    public static async Task<RescoreResult> RescoreAsync(AppDbContext db, IQueryable<Lead> leads,
        CancellationToken ct)
    {
        var weights = await WeightsAsync(db, ct);
        var facts = await LeadFactsLoader.LoadAsync(db, leads, ct);
        var now = db.Time.GetUtcNow().UtcDateTime;
        var changes = new List<ScoreChange>();
        var history = new List<LeadScoreEntry>();
        foreach (var lead in facts)
        {
            var score = LeadScorer.Score(lead, weights.Value, now);
            if (score.Score == lead.Score && score.Band == lead.Band)
            {
                continue;
            }
            changes.Add(new(lead.LeadId, score.Score, score.Band));
            history.Add(new LeadScoreEntry
            {
                LeadId = lead.LeadId,
                At = now,
                Score = score.Score,
                Band = score.Band,
                Factors = JsonSerializer.Serialize(score.Factors, Json),
                WeightsVersion = weights.Number,
                IcpVersion = lead.Company.IcpVersion,
            });
        }
        await ScoreWriter.WriteAsync(db, changes, history, ct);
        return new(facts.Count, changes.Count, weights.Number);
    }
}
