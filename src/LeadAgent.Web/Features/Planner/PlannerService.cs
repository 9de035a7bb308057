using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Features.Policy;
using LeadAgent.Web.Features.Qualification.Facts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LeadAgent.Web.Features.Planner;

/// <summary>What one planning pass did.</summary>
public sealed record PlanSummary(int Leads, int Created, int Updated, int Reopened, int Obsoleted);

/// <summary>
/// Turns the planner's proposals into stored tasks (<see cref="SalesTask"/> rows keyed by their PlanKey): new ones are
/// added, open ones follow their lead (owner, reason, window), ones a person closed stay closed, and open proposals
/// whose fact went away (the message got answered, an owner was found) are closed as obsolete.
/// </summary>
public sealed class PlannerService(PolicyCheck policy, IOptions<PlannerOptions> options)
{
    /// <summary>Leads planned per read and write (keeps memory and each transaction small).</summary>
    public const int ChunkSize = 2000;

    /// <summary>The name closed proposals carry when the planner closed them.</summary>
    public const string PlannerName = "planner";

    /// <summary>
    /// Plans every lead of <paramref name="leads"/> (archived ones are skipped and lose their open proposals) and
    /// saves the result. Run it again at any time: the same facts give the same tasks.
    /// </summary>
    public async Task<PlanSummary> PlanAsync(AppDbContext db, IQueryable<Lead> leads, CancellationToken ct)
    {
        var total = new PlanSummary(0, 0, 0, 0, 0);
        Guid? after = null;
        while (true)
        {
            var chunk = leads.OrderBy(l => l.Id).AsQueryable();
            if (after is { } a)
            {
                chunk = chunk.Where(l => l.Id.CompareTo(a) > 0);
            }
            var ids = await chunk.Select(l => l.Id).Take(ChunkSize).ToListAsync(ct);
            if (ids.Count == 0)
            {
                return total;
            }
            var last = ids[^1];
            var first = ids[0];
            var slice = db.Set<Lead>().Where(l => l.Id.CompareTo(first) >= 0 && l.Id.CompareTo(last) <= 0)
                .Where(l => ids.Contains(l.Id));
            var s = await PlanChunkAsync(db, slice, ids, ct);
            total = new PlanSummary(total.Leads + s.Leads, total.Created + s.Created, total.Updated + s.Updated,
                total.Reopened + s.Reopened, total.Obsoleted + s.Obsoleted);
            after = last;
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>The plan of one lead as it stands now, with why proposals were withheld (for the lead page).</summary>
    public async Task<LeadPlan?> PreviewAsync(AppDbContext db, Guid leadId, CancellationToken ct)
    {
        var facts = await LeadFactsLoader.LoadAsync(db, db.Set<Lead>().Where(l => l.Id == leadId), ct);
        if (facts.Count == 0)
        {
            return null;
        }
        var f = facts[0];
        var verdict = await policy.CheckAsync(db, new PolicySubject(f.Company.Domain, f.Company.Id, f.Contact?.Id,
            f.Contact?.Email, f.Contact?.Phone), ct);
        var blocked = verdict.Blocked ? verdict.Why
            : (await policy.BlockedLeadsAsync(db, [leadId], ct)).Contains(leadId) ? "the lead is on the block list"
            : null;
        return ActionPlanner.Plan(f, db.Time.GetUtcNow().UtcDateTime, options.Value, blocked);
    }

    private async Task<PlanSummary> PlanChunkAsync(AppDbContext db, IQueryable<Lead> slice, List<Guid> ids,
        CancellationToken ct)
    {
        var now = db.Time.GetUtcNow().UtcDateTime;
        var live = slice.Where(l => l.ArchivedAt == null);
        var facts = await LeadFactsLoader.LoadAsync(db, live, ct);
        var blocked = await policy.BlockedLeadsAsync(db, facts.Select(f => f.LeadId).ToList(), ct);
        // One proposal per key; a company's proposal (re-order, research) comes from each of its leads.
        var proposals = new Dictionary<string, List<Proposal>>(StringComparer.Ordinal);
        foreach (var f in facts)
        {
            var plan = ActionPlanner.Plan(f, now, options.Value,
                blocked.Contains(f.LeadId) ? "the lead is on the block list" : null);
            foreach (var p in plan.Proposals)
            {
                if (!proposals.TryGetValue(p.PlanKey, out var same))
                {
                    proposals[p.PlanKey] = same = [];
                }
                same.Add(p);
            }
        }

        // The planner's rows of these leads (to close what is no longer proposed), and the rows of the proposed keys
        // (a re-order or research proposal is one per company, kept on whichever lead made it first): both reads
        // use an index (lead, plan key).
        var keys = proposals.Keys.ToList();
        var existing = await db.Set<SalesTask>().Where(t => t.PlanKey != null && t.LeadId != null
            && ids.Contains(t.LeadId.Value)).ToListAsync(ct);
        var found = existing.Select(t => t.Id).ToHashSet();
        existing.AddRange((await db.Set<SalesTask>().Where(t => keys.Contains(t.PlanKey!)).ToListAsync(ct))
            .Where(t => !found.Contains(t.Id)));
        var byKey = existing.ToDictionary(t => t.PlanKey!, StringComparer.Ordinal);

        int created = 0, updated = 0, reopened = 0, obsoleted = 0;
        var added = new List<object>();
        foreach (var same in proposals.Values)
        {
            var p = same[0];
            if (!byKey.TryGetValue(p.PlanKey, out var task))
            {
                added.Add(New(p));
                created++;
                continue;
            }
            if (task.State == TaskState.Obsolete)
            {
                // The fact is back (an answer was withdrawn, the owner removed): the same proposal opens again.
                // It moves to the lead proposing it now (a company's proposal whose first lead was closed).
                task.State = TaskState.Open;
                task.ClosedAt = null;
                task.ClosedByName = null;
                task.LeadId = p.LeadId;
                reopened++;
                Follow(task, p);
            }
            // Only the task's own lead updates it: the leads of one company would otherwise take turns.
            else if (task.State is TaskState.Open or TaskState.Snoozed
                && same.FirstOrDefault(o => o.LeadId == task.LeadId) is { } own && Follow(task, own))
            {
                updated++;
            }
        }
        var planned = ids.ToHashSet();
        foreach (var task in existing.Where(t => t.State is TaskState.Open or TaskState.Snoozed
            && t.LeadId is { } lead && planned.Contains(lead) && !proposals.ContainsKey(t.PlanKey!)))
        {
            task.State = TaskState.Obsolete;
            task.ClosedAt = now;
            task.ClosedByName = PlannerName;
            obsoleted++;
        }

        if (added.Count > 0 || db.ChangeTracker.HasChanges())
        {
            await using var tx = db.Database.CurrentTransaction is null
                ? await db.Database.BeginTransactionAsync(ct) : null;
            await db.SaveChangesBulkAsync([added], ct);
            if (tx is not null)
            {
                await tx.CommitAsync(ct);
            }
        }
        return new PlanSummary(facts.Count, created, updated, reopened, obsoleted);
    }

    private static SalesTask New(Proposal p) => new()
    {
        Kind = p.Kind,
        State = TaskState.Open,
        Title = p.Title,
        Reason = p.Reason,
        LeadId = p.LeadId,
        CompanyId = p.CompanyId,
        ContactId = p.ContactId,
        ConversationId = p.ConversationId,
        OwnerId = p.OwnerId,
        DueAt = p.DueAt,
        ExpiresAt = p.ExpiresAt,
        PlanKey = p.PlanKey,
        CreatedByName = PlannerName,
    };

    // An open proposal follows its lead: owner (unless a person chose one), wording and window; its due time stays
    // as first proposed.
    private static bool Follow(SalesTask task, Proposal p)
    {
        var owner = task.OwnerChosen ? task.OwnerId : p.OwnerId;
        if (task.OwnerId == owner && task.Title == p.Title && task.Reason == p.Reason
            && task.ExpiresAt == p.ExpiresAt && task.ContactId == p.ContactId
            && task.ConversationId == p.ConversationId)
        {
            return false;
        }
        task.OwnerId = owner;
        task.Title = p.Title;
        task.Reason = p.Reason;
        task.ExpiresAt = p.ExpiresAt;
        task.ContactId = p.ContactId;
        task.ConversationId = p.ConversationId;
        return true;
    }
}
