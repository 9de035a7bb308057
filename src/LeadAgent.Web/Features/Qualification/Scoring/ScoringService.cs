using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Features.Qualification.Facts;
using LeadAgent.Web.Features.Qualification.Versions;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Qualification.Scoring;

/// <summary>The score weights (read, versions, preview, save) and a lead's explained score; for API and UI.</summary>
public sealed class ScoringService(IDbContextFactory<AppDbContext> dbFactory)
{
    public const int HistoryMax = 200;
    internal static readonly Classification[] Bands = [Classification.Hot, Classification.Warm, Classification.Cold];

    public async Task<WeightsDto> CurrentAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return WeightsDto.From(await LeadScoring.WeightsAsync(db, ct));
    }

    public async Task<List<VersionInfo>> VersionsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await VersionStore.ListAsync(db, VersionKind.Weights, ct);
    }

    public async Task<WeightsDto> VersionAsync(int number, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var v = await VersionStore.GetAsync(db, VersionKind.Weights, number, () => ScoreWeights.Default, ct);
        return v is null ? throw new NotFoundException("Weights version", number) : WeightsDto.From(v);
    }

    /// <summary>
    /// Saves the weights as the next version (admins only). Saving queues a sweep in the same transaction, so the
    /// background worker rescores every lead with them, however long that takes and on whichever node.
    /// </summary>
    public async Task<WeightsSaved> SaveAsync(WeightsInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.RequireAdminAsync();
        var weights = Required(input.Weights, "weights");
        weights.Validate("weights.");
        var errors = new Errors();
        var note = errors.Optional("note", input.Note, QualificationVersion.NoteMax);
        errors.ThrowIfAny();
        var version = await VersionStore.SaveAsync(db, VersionKind.Weights, weights, note, ct);
        return new(version, await db.Leads.CountAsync(l => l.ArchivedAt == null, ct));
    }

    /// <summary>
    /// What <paramref name="proposed"/> would do to the open leads compared with the weights in force, both computed
    /// now in memory from the same facts (admins only; nothing is saved).
    /// </summary>
    public async Task<WeightsPreview> PreviewAsync(ScoreWeights? proposed, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.RequireAdminAsync();
        var weights = Required(proposed, "");
        weights.Validate();
        var current = (await LeadScoring.WeightsAsync(db, ct)).Value;
        var open = db.Leads.Where(l => l.ArchivedAt == null && l.Status != LeadStatus.Won
            && l.Status != LeadStatus.Lost && l.Status != LeadStatus.Disqualified);
        var facts = await LeadFactsLoader.LoadAsync(db, open, ct);
        var now = db.Time.GetUtcNow().UtcDateTime;
        return Compare(facts, current, weights, now);
    }

    internal static WeightsPreview Compare(IReadOnlyList<LeadFacts> facts, ScoreWeights current,
        ScoreWeights proposed, DateTime now)
    {
        var matrix = Bands.Select(_ => new int[Bands.Length]).ToArray();
        var before = new int[10];
        var after = new int[10];
        int changedBand = 0, changedScore = 0;
        foreach (var lead in facts)
        {
            var a = LeadScorer.Score(lead, current, now);
            var b = LeadScorer.Score(lead, proposed, now);
            matrix[Array.IndexOf(Bands, a.Band)][Array.IndexOf(Bands, b.Band)]++;
            before[Math.Min(9, a.Score / 10)]++;
            after[Math.Min(9, b.Score / 10)]++;
            changedBand += a.Band != b.Band ? 1 : 0;
            changedScore += a.Score != b.Score ? 1 : 0;
        }
        return new(facts.Count, changedBand, changedScore, Bands, matrix, before, after);
    }

    /// <summary>A lead's stored score, its factors under the current weights, and its history (newest 200).</summary>
    public async Task<LeadScoreView> LeadScoreAsync(Guid leadId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var facts = await LeadFactsLoader.LoadAsync(db, db.Leads.Where(l => l.Id == leadId), ct);
        var lead = facts.Count == 1 ? facts[0] : throw new NotFoundException("Lead", leadId);
        var weights = await LeadScoring.WeightsAsync(db, ct);
        var current = LeadScorer.Score(lead, weights.Value, db.Time.GetUtcNow().UtcDateTime);
        var history = await db.LeadScoreEntries.AsNoTracking().Where(e => e.LeadId == leadId)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(HistoryMax)
            .Select(e => new ScorePoint(e.At, e.Score, e.Band, e.WeightsVersion, e.IcpVersion)).ToListAsync(ct);
        history.Reverse();
        var made = history.Count > 0 && history[^1] is var last && last.Score == lead.Score && last.Band == lead.Band
            ? new ScoreMadeBy(last.At, last.WeightsVersion, last.IcpVersion) : null;
        return new(leadId, lead.Score, lead.Band, current, weights.Number, made, history);
    }

    private static ScoreWeights Required(ScoreWeights? weights, string field) => weights
        ?? throw new ValidationFailedException(new Dictionary<string, string[]> { [field] = ["Required."] });
}
