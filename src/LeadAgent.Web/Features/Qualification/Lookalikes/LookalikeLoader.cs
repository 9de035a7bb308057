using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Qualification.Signals;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Qualification.Lookalikes;

/// <summary>
/// Reads companies from the database as <see cref="CompanyDoc"/>s: their signals (CRM fields and researched site
/// text), their own segment and, for clients, their order history. Archived companies are none of the index's.
/// </summary>
public static class LookalikeLoader
{
    /// <summary>Companies read at a time, so the site texts of a large CRM never sit in memory at once.</summary>
    public const int Chunk = 2_000;

    public static IQueryable<Company> Indexed(AppDbContext db) => db.Companies.Where(c => c.ArchivedAt == null);

    public static async Task<List<CompanyDoc>> LoadAsync(AppDbContext db, IReadOnlyCollection<Guid> ids,
        string currency, DateOnly today, CancellationToken ct)
    {
        var docs = new List<CompanyDoc>(ids.Count);
        foreach (var chunk in ids.Chunk(Chunk))
        {
            var companies = Indexed(db).Where(c => chunk.Contains(c.Id));
            var signals = await CompanySignalsLoader.LoadAsync(db, companies, ct);
            var segments = await companies.Select(c => new { c.Id, c.Segment }).ToDictionaryAsync(c => c.Id, ct);
            var clients = await ClientHistory.LoadAsync(db, companies, currency, today, ct);
            docs.AddRange(signals.Select(s =>
                CompanyDoc.From(s, segments[s.CompanyId].Segment, clients.GetValueOrDefault(s.CompanyId))));
        }
        return docs;
    }
}
