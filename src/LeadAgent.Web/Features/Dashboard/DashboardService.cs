using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Accounts;
using LeadAgent.Web.Features.Crm;
using LeadAgent.Web.Features.Inbox.Conversations;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Features.Money;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LeadAgent.Web.Features.Dashboard;

public sealed record CountBy(string Key, int Count);

public sealed record WeekCount(DateOnly WeekStart, int Count);

/// <summary>A value in <see cref="Currency"/>, the workspace currency.</summary>
public sealed record ValueBy(string Key, string Currency, decimal Value);

public sealed record DashboardItem(Guid Id, string Title, string? Detail, DateOnly? On);

/// <summary>The signed-in user's own work: counts and the first few of each.</summary>
public sealed record MyWork(
    int OpenLeads, List<DashboardItem> TopOpenLeads, int NextActionsDue, List<DashboardItem> TopNextActionsDue,
    int UnansweredConversations, List<DashboardItem> TopUnanswered);

/// <summary>
/// Dashboard figures. <see cref="PipelineByStatus"/> is in the workspace currency; amounts whose currency has no rate
/// are left out and counted in <see cref="PipelineUnconverted"/> with their currencies.
/// </summary>
public sealed record DashboardStats(
    int OpenLeads, int TotalLeads, List<CountBy> ByStatus, List<CountBy> ByClassification, List<CountBy> BySource,
    List<WeekCount> NewPerWeek, List<ValueBy> PipelineByStatus, string Currency, int PipelineUnconverted,
    List<string> PipelineMissingRates, MyWork? Mine);

/// <summary>Aggregates for the dashboard charts (archived leads excluded).</summary>
public sealed class DashboardService(IDbContextFactory<AppDbContext> dbFactory, IOptions<CrmOptions> options)
{
    public const int Weeks = 12, TopItems = 5;

    /// <summary>The statuses that count as open (the rest are closed: won, lost, disqualified).</summary>
    public static readonly LeadStatus[] Open =
        [LeadStatus.New, LeadStatus.Contacted, LeadStatus.Qualified, LeadStatus.Proposal];

    public async Task<DashboardStats> GetAsync(string? userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var leads = db.Leads.AsNoTracking().Where(l => l.ArchivedAt == null);
        var byStatus = await leads.GroupBy(l => l.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var byClass = await leads.GroupBy(l => l.Classification)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var bySource = await leads.GroupBy(l => l.Source).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);

        // Days and weeks are the caller's own: "due" means due by the end of their day, and a week starts at their
        // Monday midnight (Dubai's Monday 02:00 is still Sunday in UTC).
        var now = db.Time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var zone = await UserTime.ZoneAsync(db, userId, ct);
        var myToday = DateOnly.FromDateTime(UserTime.Local(now, zone));
        var perWeek = await NewPerWeekAsync(leads, zone, myToday, ct);

        // Decimal sums are done here: SQLite has no exact decimal aggregate.
        var values = await leads.Where(l => l.ExpectedValue != null)
            .Select(l => new { l.Status, l.Currency, l.ExpectedValue })
            .ToListAsync(ct);
        var converter = await CurrencyConverter.LoadAsync(db, options.Value, ct);
        var totals = Enum.GetValues<LeadStatus>().Select(s => (Status: s, Total: converter.Sum(
            values.Where(v => v.Status == s).Select(v => (v.ExpectedValue!.Value, v.Currency)), today))).ToList();
        var pipeline = totals.Select(t => new ValueBy(t.Status.ToString(), converter.Workspace, t.Total.Value))
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
        var open = statusCounts.Where(s => Open.Any(o => o.ToString() == s.Key)).Sum(s => s.Count);
        var mine = userId is null ? null : await MineAsync(db, userId, myToday, ct);
        return new DashboardStats(open, total, statusCounts, classCounts, sourceCounts, perWeek, pipeline,
            converter.Workspace, totals.Sum(t => t.Total.Unconverted),
            totals.SelectMany(t => t.Total.MissingRates).Distinct().Order(StringComparer.Ordinal).ToList(), mine);
    }

    // The last Weeks weeks, Monday to Sunday in the zone. A day more is loaded (no zone is over 14 hours from UTC)
    // and each lead placed by its local date.
    private static async Task<List<WeekCount>> NewPerWeekAsync(IQueryable<Lead> leads, TimeZoneInfo zone,
        DateOnly today, CancellationToken ct)
    {
        var first = today.AddDays(-(((int)today.DayOfWeek + 6) % 7) - 7 * (Weeks - 1));
        var since = first.AddDays(-1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var counts = new int[Weeks];
        foreach (var created in await leads.Where(l => l.CreatedAt >= since).Select(l => l.CreatedAt).ToListAsync(ct))
        {
            var day = DateOnly.FromDateTime(UserTime.Local(created, zone));
            if (day >= first && (day.DayNumber - first.DayNumber) / 7 is var week && week < Weeks)
            {
                counts[week]++;
            }
        }
        return [.. counts.Select((n, i) => new WeekCount(first.AddDays(7 * i), n))];
    }

    private static async Task<MyWork> MineAsync(AppDbContext db, string userId, DateOnly today, CancellationToken ct)
    {
        var open = db.Leads.AsNoTracking()
            .Where(l => l.ArchivedAt == null && l.OwnerId == userId && Open.Contains(l.Status));
        var due = open.Where(l => l.NextActionOn <= today);
        // Waiting for us: the last message in an open conversation came from the customer.
        var unanswered = db.Conversations.AsNoTracking().Where(c => c.AssigneeId == userId
            && c.Status == ConversationStatus.Open && c.LastInboundAt != null && c.LastInboundAt >= c.LastMessageAt);
        return new MyWork(
            await open.CountAsync(ct),
            await Top(open.OrderBy(l => l.NextActionOn == null).ThenBy(l => l.NextActionOn)
                .ThenByDescending(l => l.UpdatedAt)).ToListAsync(ct),
            await due.CountAsync(ct),
            await Top(due.OrderBy(l => l.NextActionOn).ThenBy(l => l.Id)).ToListAsync(ct),
            await unanswered.CountAsync(ct),
            await unanswered.OrderBy(c => c.LastInboundAt).Take(TopItems)
                .Select(c => new DashboardItem(c.Id, c.DisplayName, c.LastMessagePreview, null)).ToListAsync(ct));
    }

    private static IQueryable<DashboardItem> Top(IQueryable<Lead> leads) => leads.Take(TopItems)
        .Select(l => new DashboardItem(l.Id, l.Title, l.Company!.Name, l.NextActionOn));
}
