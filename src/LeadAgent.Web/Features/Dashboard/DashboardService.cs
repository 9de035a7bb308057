using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Leads;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Dashboard;

public sealed record CountBy(string Key, int Count);

public sealed record WeekCount(DateOnly WeekStart, int Count);

public sealed record ValueBy(string Key, string Currency, decimal Value);

public sealed record DashboardStats(
    int OpenLeads, int TotalLeads, List<CountBy> ByStatus, List<CountBy> ByClassification, List<CountBy> BySource,
    List<WeekCount> NewPerWeek, List<ValueBy> PipelineByStatus);

/// <summary>Aggregates for the dashboard charts (archived leads excluded).</summary>
public sealed class DashboardService(IDbContextFactory<AppDbContext> dbFactory)
{
    public const int Weeks = 12;

    public async Task<DashboardStats> GetAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var leads = db.Leads.AsNoTracking().Where(l => l.ArchivedAt == null);
        var byStatus = await leads.GroupBy(l => l.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var byClass = await leads.GroupBy(l => l.Classification)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var bySource = await leads.GroupBy(l => l.Source).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);

        var today = DateOnly.FromDateTime(db.Time.GetUtcNow().UtcDateTime);
        var thisWeek = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var since = thisWeek.AddDays(-7 * (Weeks - 1)).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var created = await leads.Where(l => l.CreatedAt >= since).Select(l => l.CreatedAt).ToListAsync(ct);
        var perWeek = Enumerable.Range(0, Weeks).Select(i => thisWeek.AddDays(-7 * (Weeks - 1 - i)))
            .Select(w => new WeekCount(w,
                created.Count(c => DateOnly.FromDateTime(c) >= w && DateOnly.FromDateTime(c) < w.AddDays(7))))
            .ToList();

        // decimal sums are done here: SQLite has no exact decimal aggregate.
        var values = await leads.Where(l => l.ExpectedValue != null)
            .Select(l => new { l.Status, l.Currency, l.ExpectedValue })
            .ToListAsync(ct);
        var pipeline = values.GroupBy(v => (v.Status, v.Currency))
            .OrderBy(g => g.Key.Status).ThenBy(g => g.Key.Currency)
            .Select(g => new ValueBy(g.Key.Status.ToString(), g.Key.Currency, g.Sum(v => v.ExpectedValue!.Value)))
            .ToList();

        var statusCounts = Enum.GetValues<LeadStatus>()
            .Select(s => new CountBy(s.ToString(), byStatus.FirstOrDefault(x => x.Key == s)?.Count ?? 0))
            .ToList();
        var classCounts = Enum.GetValues<Classification>().Reverse()
            .Select(c => new CountBy(c.ToString(), byClass.FirstOrDefault(x => x.Key == c)?.Count ?? 0))
            .Append(new CountBy("Unscored", byClass.FirstOrDefault(x => x.Key == null)?.Count ?? 0)).ToList();
        var sourceCounts = Enum.GetValues<LeadSource>()
            .Select(s => new CountBy(s.ToString(), bySource.FirstOrDefault(x => x.Key == s)?.Count ?? 0))
            .ToList();
        var total = statusCounts.Sum(s => s.Count);
        var open = statusCounts
            .Where(s => s.Key is not (nameof(LeadStatus.Won) or nameof(LeadStatus.Lost)
                or nameof(LeadStatus.Disqualified)))
            .Sum(s => s.Count);
        return new DashboardStats(open, total, statusCounts, classCounts, sourceCounts, perWeek, pipeline);
    }
}
