using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Qualification.Icp;
using LeadAgent.Web.Features.Qualification.Signals;
using LeadAgent.Web.Features.Qualification.Versions;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Qualification.Fit;

/// <summary>
/// The judge of one refresh: the segment classifier with the ICP in force (and the workspace's trained model, when
/// there is one).
/// </summary>
public delegate ValueTask<Func<CompanySignals, Judgement>> JudgeSource(AppDbContext db, Versioned<IcpSet> icp,
    CancellationToken ct);

/// <summary>What a refresh did.</summary>
public sealed record QualifyCounts(int Judged, int Unchanged);

/// <summary>
/// Judges companies and keeps their <see cref="CompanyFit"/> rows: segment, confidence, evidence and fit score with
/// its factors. A person's segment (Company.Segment) is the label and is never written here: the agent's segment lives
/// in the fit row beside it. Companies are processed in chunks, so memory stays bounded however many there are.
/// </summary>
public sealed class CompanyQualifier(JudgeSource judges)
{
    public const int ChunkSize = 500;

    /// <summary>
    /// Judges the companies of the query again where their signals or the ICP changed since the last judgement (the
    /// background worker's entry point).
    /// </summary>
    public Task<QualifyCounts> RefreshAsync(AppDbContext db, IQueryable<Company> companies, CancellationToken ct) =>
        RefreshAsync(db, companies, force: false, ct);

    /// <summary>As above; <paramref name="force"/> judges even companies whose signals did not change.</summary>
    public async Task<QualifyCounts> RefreshAsync(AppDbContext db, IQueryable<Company> companies, bool force,
        CancellationToken ct)
    {
        var icp = await IcpService.CurrentAsync(db, ct);
        Func<CompanySignals, Judgement>? judge = null; // made when first needed: a person's labels need none
        var ids = await companies.Select(c => c.Id).ToListAsync(ct);
        var (judged, unchanged) = (0, 0);
        foreach (var chunk in ids.Chunk(ChunkSize))
        {
            var known = await db.CompanyFits.AsNoTracking().Where(f => chunk.Contains(f.CompanyId))
                .Select(f => new { f.CompanyId, f.SignalsHash, f.IcpVersion })
                .ToDictionaryAsync(f => f.CompanyId, ct);
            var now = db.Time.GetUtcNow().UtcDateTime;
            var fits = new List<CompanyFit>();
            foreach (var s in await CompanySignalsLoader.LoadAsync(db, db.Companies.Where(c => chunk.Contains(c.Id)),
                ct))
            {
                var hash = SignalsHash.Of(s);
                if (!force && known.TryGetValue(s.CompanyId, out var k) && k.SignalsHash == hash
                    && k.IcpVersion == icp.Number)
                {
                    unchanged++;
                    continue;
                }
                judge ??= s.Label is null ? await judges(db, icp, ct) : null;
                fits.Add(Judge(s, judge, icp.Value, icp.Number, hash, now));
            }
            judged += fits.Count;
            await WriteAsync(db, fits, [.. fits.Where(f => known.ContainsKey(f.CompanyId))
                .Select(f => f.CompanyId)], now, ct);
        }
        return new(judged, unchanged);
    }

    /// <summary>One company's judgement and fit (a person's label wins over the classifier).</summary>
    public static CompanyFit Judge(CompanySignals s, Func<CompanySignals, Judgement>? judge, IcpSet icp,
        int icpVersion, string hash, DateTime now)
    {
        var j = s.Label is { } label ? Judgement.ByPerson(label)
            : (judge ?? throw new ArgumentNullException(nameof(judge)))(s);
        var fit = FitScorer.Score(s, j, icp);
        return new CompanyFit
        {
            CompanyId = s.CompanyId,
            Segment = j.Segment,
            Confidence = Math.Clamp(j.Confidence, 0, 1),
            Method = j.Method,
            Evidence = FitJson.Evidence(j.Evidence),
            FitScore = fit.Score,
            FitFactors = FitJson.Factors(fit.Factors),
            IcpVersion = icpVersion,
            SignalsHash = hash,
            ComputedAt = now,
        };
    }

    // New rows are inserted set-based; existing ones are updated in one batch, leaving the columns others keep
    // (order potential) alone.
    private static async Task WriteAsync(AppDbContext db, List<CompanyFit> fits, HashSet<Guid> existing,
        DateTime now, CancellationToken ct)
    {
        if (fits.Count == 0)
        {
            return;
        }
        // A caller's transaction (a worker's) is joined; otherwise each chunk commits on its own.
        await using var tx = db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(ct) : null;
        await BulkInsert.WriteAsync(db, [.. fits.Where(f => !existing.Contains(f.CompanyId))], ct);
        var byId = fits.ToDictionary(f => f.CompanyId);
        var rows = await db.CompanyFits.Where(f => existing.Contains(f.CompanyId)).ToListAsync(ct);
        foreach (var row in rows)
        {
            Copy(byId[row.CompanyId], row);
        }
        await db.SaveChangesAsync(ct);
        foreach (var row in rows)
        {
            db.Entry(row).State = EntityState.Detached;
        }
        if (tx is not null)
        {
            await tx.CommitAsync(ct);
        }
    }

    private static void Copy(CompanyFit from, CompanyFit to)
    {
        (to.Segment, to.Confidence, to.Method, to.Evidence) = (from.Segment, from.Confidence, from.Method,
            from.Evidence);
        (to.FitScore, to.FitFactors, to.IcpVersion, to.SignalsHash, to.ComputedAt) = (from.FitScore,
            from.FitFactors, from.IcpVersion, from.SignalsHash, from.ComputedAt);
    }
}
