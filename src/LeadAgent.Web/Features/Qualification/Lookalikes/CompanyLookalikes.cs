using System.Text.Json;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Qualification.Potential;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Qualification.Lookalikes;

/// <summary>
/// Stores each company's similarity to the best clients and its order potential on its CompanyFit row, so lists can
/// filter and sort by them. The recompute worker calls <see cref="RefreshAsync"/> after a company (or its orders or
/// research) changed; a refresh over all companies catches up the rest after clients' orders changed.
/// </summary>
public sealed class CompanyLookalikes(LookalikeIndex index, TimeProvider time)
{
    public const int Chunk = 500;
    /// <summary>Up to this many companies are reloaded into the index first; more rely on its stamp check.</summary>
    public const int ReloadMax = 5_000;

    /// <summary>Recomputes ClientSimilarity and the potential of these companies; returns how many.</summary>
    public async Task<int> RefreshAsync(AppDbContext db, IQueryable<Company> companies, CancellationToken ct)
    {
        var ids = await companies.Select(c => c.Id).ToListAsync(ct);
        if (ids.Count <= ReloadMax)
        {
            await index.RefreshAsync(db, ids, ct);
        }
        else
        {
            await index.EnsureFreshAsync(ct);
        }
        var written = 0;
        foreach (var chunk in ids.Chunk(Chunk))
        {
            written += await WriteAsync(db, chunk, ct);
        }
        return written;
    }

    private async Task<int> WriteAsync(AppDbContext db, Guid[] chunk, CancellationToken ct)
    {
        var rows = await db.Companies.AsNoTracking().Where(c => chunk.Contains(c.Id))
            .Select(c => new { c.Id, c.Segment, c.SizeBand, c.ArchivedAt }).ToListAsync(ct);
        var computed = await index.ReadAsync(i => rows.ToDictionary(r => r.Id, r => (
            Similarity: i.ClientSimilarity(r.Id),
            Potential: OrderPotential.Estimate(r.SizeBand,
                i.Nearest(r.Id, OrderPotential.ClientsUsed, ClientKind.Valued), index.Currency, i.ClientCount))), ct);
        var fits = await db.CompanyFits.Where(f => chunk.Contains(f.CompanyId)).ToDictionaryAsync(f => f.CompanyId, ct);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var row in rows)
        {
            if (!fits.TryGetValue(row.Id, out var fit))
            {
                // Not classified yet: the row carries the company's segment and an empty signals hash, so the
                // classifier still sees it as to do.
                fit = new CompanyFit { CompanyId = row.Id, Segment = row.Segment, ComputedAt = now };
                db.CompanyFits.Add(fit);
            }
            var (similarity, potential) = row.ArchivedAt is null ? computed[row.Id] : (null, null);
            fit.ClientSimilarity = similarity;
            fit.PotentialExpected = potential?.Expected;
            fit.PotentialLow = potential?.Low;
            fit.PotentialHigh = potential?.High;
            fit.PotentialCurrency = potential?.Known == true ? potential.Currency : null;
            fit.PotentialBasis = Basis(potential);
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return rows.Count;
    }

    /// <summary>JSON of the clients a potential came from, each with its annual value and size factor.</summary>
    public static string Basis(PotentialEstimate? potential) =>
        potential is not { Known: true } ? "[]"
        : JsonSerializer.Serialize(potential.Basis.Select(b => new
        {
            b.CompanyId,
            Name = b.Name.Length > 80 ? b.Name[..80] : b.Name,
            b.Similarity,
            Size = b.Size.ToString(),
            b.AnnualValue,
            b.SizeFactor,
            b.Scaled,
        }), JsonSerializerOptions.Web);
}
