using LeadAgent.Web.Data;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Discovery.Campaigns;

/// <summary>
/// Adds to a query's yield. Best effort and outside the run's transaction: two nodes may count the same query at
/// once, and a lost count must not fail a run.
/// </summary>
public static class QueryYield
{
    /// <summary>Drops a query from new plans, or takes it back.</summary>
    public static async Task<QueryStatDto> SetDroppedAsync(IDbContextFactory<AppDbContext> factory, string? query,
        bool dropped, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await db.RequireWriterAsync("drop search queries");
        var key = query?.Trim().ToLowerInvariant() ?? "";
        var s = await db.QueryStats.FirstOrDefaultAsync(x => x.Query == key, ct)
            ?? throw new NotFoundException("Query", key);
        s.Dropped = dropped;
        await db.SaveChangesAsync(ct);
        return new QueryStatDto(s.Query, s.Runs, s.Results, s.NewCompanies, QueryPlanner.Yield(s), s.LastRunAt,
            s.Dropped);
    }

    public static async Task RecordAsync(IDbContextFactory<AppDbContext> factory, string query, int runs,
        int results, int newCompanies, DateTime now, CancellationToken ct)
    {
        var key = query.ToLowerInvariant();
        if (key.Length > QueryStat.QueryMax)
        {
            return;
        }
        for (var attempt = 0; attempt < 2; attempt++)
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            var n = await db.QueryStats.Where(s => s.Query == key).ExecuteUpdateAsync(s => s
                .SetProperty(q => q.Runs, q => q.Runs + runs).SetProperty(q => q.Results, q => q.Results + results)
                .SetProperty(q => q.NewCompanies, q => q.NewCompanies + newCompanies)
                .SetProperty(q => q.LastRunAt, now), ct);
            if (n > 0)
            {
                return;
            }
            db.QueryStats.Add(new QueryStat
            {
                Query = key,
                Runs = runs,
                Results = results,
                NewCompanies = newCompanies,
                LastRunAt = now,
            });
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateException)
            {
                // Another node added it first: update theirs.
            }
        }
    }
}
