using System.Text.Json.Nodes;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Activity;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Features.Lists;
using LeadAgent.Web.Features.Planner;
using LeadAgent.Web.Features.Qualification.Facts;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Rules;

/// <summary>A rule with its conditions and actions ready to run.</summary>
public sealed record CompiledRule(Rule Rule, IReadOnlyList<RuleCheck> Checks, IReadOnlyList<RuleStep> Steps);

/// <summary>
/// Writes what a rule does to a chunk of leads, in one transaction of a context whose actor is the rule ("Rule:
/// name"), so the activity log shows it: lead changes through change tracking (the activity hook logs them), list
/// members, tasks, notifications and skips with entries of their own, the leads' applications and the advanced
/// round-robin cursor. Plans are made inside the transaction from the current cursor and applications; a clash with
/// another node (the same lead, the cursor moved, a concurrent edit of the lead) rolls back and plans again.
/// </summary>
internal sealed class RuleWriter(IServiceScopeFactory scopes)
{
    private const int Attempts = 4;

    public sealed record Written(int Touched, int Skipped);

    public async Task<Written> WriteAsync(CompiledRule rule, IReadOnlyList<LeadFacts> matches, RuleWorld world,
        Guid batchId, Action<LeadPlan> planned, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var plans = new List<LeadPlan>();
            try
            {
                var written = await TryAsync(rule, matches, world, batchId, plans, ct);
                plans.ForEach(planned);
                return written;
            }
            catch (Exception e) when (attempt < Attempts && e is DbUpdateException or CursorMoved)
            {
                // Another node acted first: read again and plan again.
            }
        }
    }

    private sealed class CursorMoved : Exception;

    private async Task<Written> TryAsync(CompiledRule rule, IReadOnlyList<LeadFacts> matches, RuleWorld world,
        Guid batchId, List<LeadPlan> plans, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var actor = rule.Rule.Actor;
        scope.ServiceProvider.GetRequiredService<HttpActorSource>().Set(actor);
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>()
            .CreateDbContextAsync(ct);
        db.BatchId = batchId;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var ruleId = rule.Rule.Id;
        var ids = matches.Select(m => m.LeadId).ToList();
        var applied = (await db.RuleApplications.Where(a => a.RuleId == ruleId && ids.Contains(a.LeadId))
            .Select(a => a.LeadId).ToListAsync(ct)).ToHashSet();
        var leads = await db.Leads.Where(l => ids.Contains(l.Id) && l.ArchivedAt == null)
            .ToDictionaryAsync(l => l.Id, ct);
        var before = await db.Rules.Where(r => r.Id == ruleId).Select(r => (long?)r.RoundRobinCursor)
            .FirstOrDefaultAsync(ct);
        if (before is not { } cursor)
        {
            return new Written(0, 0); // deleted meanwhile
        }
        var start = cursor;
        foreach (var facts in matches.Where(m => !applied.Contains(m.LeadId) && leads.ContainsKey(m.LeadId)))
        {
            plans.Add(RulePlanner.Plan(rule.Steps, facts, world, ref cursor));
        }
        var listIds = plans.SelectMany(p => p.Lists).Distinct().ToList();
        var members = listIds.Count == 0 ? [] : (await db.LeadListMembers
                .Where(m => listIds.Contains(m.ListId) && ids.Contains(m.LeadId))
                .Select(m => new { m.ListId, m.LeadId }).ToListAsync(ct))
            .Select(m => (m.ListId, m.LeadId)).ToHashSet();
        var now = world.Now;
        var skipped = 0;
        foreach (var plan in plans)
        {
            // Only what the rule's actions changed goes onto the lead as it is now: a person's edit made since the
            // facts were read stays.
            var lead = leads[plan.Lead.LeadId];
            if (plan.OwnerId != plan.Lead.OwnerId)
            {
                lead.OwnerId = plan.OwnerId;
            }
            if (plan.Status != plan.Lead.Status)
            {
                lead.SetStatus(plan.Status, now);
            }
            var added = plan.Tags.Where(t => !plan.Lead.Tags.Contains(t) && !lead.Tags.Contains(t)).ToList();
            if (added.Count > 0)
            {
                lead.Tags = [.. lead.Tags, .. added];
            }
            foreach (var listId in plan.Lists.Where(l => !members.Contains((l, lead.Id))))
            {
                db.LeadListMembers.Add(new LeadListMember { ListId = listId, LeadId = lead.Id, AddedAt = now });
                Log(db, actor, now, batchId, lead, "list-member-added", "list", world.ListNames[listId]);
            }
            foreach (var task in plan.Tasks)
            {
                db.SalesTasks.Add(new SalesTask
                {
                    Kind = TaskKind.Rule,
                    State = TaskState.Open,
                    Title = task.Title,
                    Reason = rule.Rule.Name,
                    LeadId = lead.Id,
                    CompanyId = lead.CompanyId,
                    ContactId = lead.PrimaryContactId,
                    OwnerId = task.OwnerId,
                    DueAt = task.DueAt,
                    CreatedByName = actor.Name,
                });
                Log(db, actor, now, batchId, lead, "task-added", "task", task.Title);
            }
            foreach (var (userId, text) in plan.Notifications)
            {
                db.Notifications.Add(new Notification
                {
                    UserId = userId,
                    Text = Fit($"{text} — {lead.Title}", Notification.TextMax),
                    Link = $"/leads/{lead.Id}",
                    CreatedAt = now,
                    RuleId = ruleId,
                });
                Log(db, actor, now, batchId, lead, "notified", "notified", world.UserNames[userId]);
            }
            foreach (var reason in plan.Skipped)
            {
                Log(db, actor, now, batchId, lead, "rule-skipped", "skipped", reason);
            }
            skipped += plan.Skipped.Count;
            db.RuleApplications.Add(new RuleApplication
            {
                RuleId = ruleId,
                LeadId = lead.Id,
                AppliedAt = now,
                Outcome = Fit(string.Join("; ", plan.Changes.Concat(plan.Skipped.Select(s => "skipped " + s))),
                    RuleApplication.OutcomeMax),
            });
        }
        if (cursor != start && await db.Rules.Where(r => r.Id == ruleId && r.RoundRobinCursor == start)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.RoundRobinCursor, cursor), ct) == 0)
        {
            throw new CursorMoved();
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new Written(plans.Count, skipped);
    }

    /// <summary>Ends the episodes of leads that no longer match, so a later match acts again.</summary>
    public async Task EndAsync(Guid ruleId, IReadOnlyList<Guid> leadIds, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>()
            .CreateDbContextAsync(ct);
        foreach (var chunk in leadIds.Chunk(1000))
        {
            await db.RuleApplications.Where(a => a.RuleId == ruleId && chunk.Contains(a.LeadId))
                .ExecuteDeleteAsync(ct);
        }
    }

    /// <summary>The last run's figures; the total grows by what it touched.</summary>
    public async Task RecordRunAsync(Guid ruleId, DateTime now, int matched, Written written, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>()
            .CreateDbContextAsync(ct);
        await db.Rules.Where(r => r.Id == ruleId).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.LastRunAt, now)
            .SetProperty(r => r.LastRunMatched, matched)
            .SetProperty(r => r.LastRunTouched, written.Touched)
            .SetProperty(r => r.LastRunSkipped, written.Skipped)
            .SetProperty(r => r.TotalTouched, r => r.TotalTouched + written.Touched), ct);
    }

    private static void Log(AppDbContext db, Actor actor, DateTime now, Guid batchId, Lead lead, string action,
        string field, string to) =>
        db.Activity.Add(ActivityEntry.By(actor, now, action, nameof(Lead), lead.Id,
            ActivityCapture.Truncate(lead.Title, 200),
            new JsonObject { [field] = new JsonObject { ["from"] = null, ["to"] = to } }.ToJsonString(), batchId));

    private static string Fit(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
