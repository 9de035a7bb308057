using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Discovery.Review;
using LeadAgent.Web.Features.Orders;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Qualification.Lookalikes;

/// <summary>
/// What the database looked like when an index was loaded: counts and latest change times of companies and orders,
/// and the latest site research. A different stamp means the index is stale; the times say what changed since.
/// </summary>
public sealed record DataStamp(int Companies, DateTime? CompaniesAt, int Orders, DateTime? OrdersAt,
    DateTime? ResearchAt)
{
    public static async Task<DataStamp> ReadAsync(AppDbContext db, CancellationToken ct)
    {
        var companies = await db.Companies.CountAsync(ct);
        var companiesAt = await db.Companies.MaxAsync(c => (DateTime?)c.UpdatedAt, ct);
        var orders = await db.Orders.CountAsync(ct);
        var ordersAt = await db.Orders.MaxAsync(o => (DateTime?)o.UpdatedAt, ct);
        var researchAt = await db.Set<Prospect>().MaxAsync(p => p.ResearchedAt, ct);
        return new DataStamp(companies, companiesAt, orders, ordersAt, researchAt);
    }

    /// <summary>Something was deleted: which companies it touched cannot be told, so the index is rebuilt.</summary>
    public bool Shrunk(DataStamp now) => now.Companies < Companies || now.Orders < Orders;

    /// <summary>Companies changed since this stamp: edited, ordered (or an order edited), researched.</summary>
    public async Task<List<Guid>> ChangedSinceAsync(AppDbContext db, CancellationToken ct)
    {
        var companiesAt = CompaniesAt ?? DateTime.MinValue;
        var ordersAt = OrdersAt ?? DateTime.MinValue;
        var researchAt = ResearchAt ?? DateTime.MinValue;
        var researched = db.Set<Prospect>().Where(p => p.ResearchedAt > researchAt);
        var ids = await db.Companies.Where(c => c.UpdatedAt > companiesAt).Select(c => c.Id)
            .Concat(db.Orders.Where(o => o.UpdatedAt > ordersAt).Select(o => o.CompanyId))
            .Concat(researched.Where(p => p.CompanyId != null).Select(p => p.CompanyId!.Value))
            .Concat(researched.Join(db.Companies.Where(c => c.Domain != null), p => p.Domain, c => c.Domain!,
                (p, c) => c.Id))
            .ToListAsync(ct);
        return [.. ids.Distinct()];
    }
}
