using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Planner;

/// <summary>
/// The Today list of one user, read from stored tasks (the plan is made when leads change, never per request): one
/// range read of the owner's open and snoozed tasks due before the horizon on the (owner, state, due) index, grouped
/// and counted in memory, then the shown rows' details by primary key.
/// </summary>
public static class TodayQuery
{
    /// <summary>Tasks shown per group (the counts are exact).</summary>
    public const int GroupLimit = 50;

    /// <summary>How far ahead "upcoming" reaches, from the end of today.</summary>
    public static readonly TimeSpan Ahead = TimeSpan.FromDays(7);

    private sealed record Slim(Guid Id, DateTime DueAt, DateTime? ExpiresAt, DateTime? SnoozedUntil);

    public static async Task<TodayDto> LoadAsync(AppDbContext db, string? userId, TimeZoneInfo zone, DateTime now,
        CancellationToken ct)
    {
        var (startOfToday, endOfToday) = Day(now, zone);
        var horizon = endOfToday + Ahead;
        var mine = await Active(db, horizon).Where(t => t.OwnerId == userId)
            .Select(t => new Slim(t.Id, t.DueAt, t.ExpiresAt, t.SnoozedUntil)).ToListAsync(ct);

        var groups = new Dictionary<TodayGroupName, List<Slim>>
        {
            [TodayGroupName.Overdue] = [],
            [TodayGroupName.Now] = [],
            [TodayGroupName.Today] = [],
            [TodayGroupName.Upcoming] = [],
        };
        foreach (var t in mine.Where(t => t.SnoozedUntil is null || t.SnoozedUntil <= now))
        {
            var group = t.ExpiresAt > now && t.DueAt <= now ? TodayGroupName.Now
                : t.DueAt < startOfToday ? TodayGroupName.Overdue
                : t.DueAt < endOfToday ? TodayGroupName.Today
                : TodayGroupName.Upcoming;
            groups[group].Add(t);
        }
        var shown = groups.ToDictionary(g => g.Key, g => (g.Key == TodayGroupName.Now
            ? g.Value.OrderBy(t => t.ExpiresAt).ThenBy(t => t.DueAt)
            : g.Value.OrderBy(t => t.DueAt).ThenBy(t => t.Id)).Take(GroupLimit).Select(t => t.Id).ToList());

        var unassigned = Active(db, horizon).Where(t => t.OwnerId == null
            && (t.SnoozedUntil == null || t.SnoozedUntil <= now));
        var unassignedCount = await unassigned.CountAsync(ct);
        shown[TodayGroupName.Unassigned] = await unassigned.OrderBy(t => t.DueAt).Select(t => t.Id)
            .Take(GroupLimit).ToListAsync(ct);

        var ids = shown.Values.SelectMany(v => v).ToList();
        var rows = await db.SalesTasks.AsNoTracking().Where(t => ids.Contains(t.Id)).ToListAsync(ct);
        var dtos = (await TaskRows.ToDtosAsync(db, rows, ct)).ToDictionary(t => t.Id);
        var result = shown.Select(g => new TodayGroup(g.Key,
                g.Key == TodayGroupName.Unassigned ? unassignedCount : groups[g.Key].Count,
                g.Value.Where(dtos.ContainsKey).Select(id => dtos[id]).ToList()))
            .OrderBy(g => g.Name).ToList();
        return new TodayDto(now, zone.Id, result);
    }

    /// <summary>When the user's today began and ends, in UTC.</summary>
    public static (DateTime Start, DateTime End) Day(DateTime now, TimeZoneInfo zone)
    {
        var local = UserTime.Local(now, zone).Date;
        return (SnoozeTimes.ToUtc(local, zone), SnoozeTimes.ToUtc(local.AddDays(1), zone));
    }

    private static IQueryable<SalesTask> Active(AppDbContext db, DateTime horizon) =>
        db.SalesTasks.AsNoTracking().Where(t => (t.State == TaskState.Open || t.State == TaskState.Snoozed)
            && t.DueAt < horizon);
}
