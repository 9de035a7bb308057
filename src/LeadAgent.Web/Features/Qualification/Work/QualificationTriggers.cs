using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Contacts;
using LeadAgent.Web.Features.Discovery.Review;
using LeadAgent.Web.Features.Inbox.Conversations;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Features.Orders;
using LeadAgent.Web.Features.Policy;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Qualification.Work;

/// <summary>
/// Queues judging again, in the same transaction as the change that calls for it: a company's data or site research
/// (its segment and fit), a lead, its contact, a message or an order (scores, rules, next actions), a policy entry
/// (everything). The brain's own writes are set-based and never come through here.
/// </summary>
public sealed class QualificationTriggers : ISaveHook
{
    /// <summary>More targets than this in one save become one sweep.</summary>
    public const int MaxTargets = 500;

    public const string RuleActorPrefix = "Rule: ";

    public async ValueTask BeforeWriteAsync(AppDbContext db, IReadOnlyList<IReadOnlyList<object>> created,
        CancellationToken ct)
    {
        var targets = new HashSet<(WorkTarget, Guid)>();
        var sweep = created.Any(rows => rows.Count > 0 && rows[0] is Company or Lead or Contact or Order);
        foreach (var e in db.ChangeTracker.Entries())
        {
            if (e.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }
            switch (e.Entity)
            {
                case Company c: targets.Add((WorkTarget.Company, c.Id)); break;
                case Lead l: targets.Add((WorkTarget.Lead, l.Id)); break;
                case Contact c:
                    targets.Add((WorkTarget.Contact, c.Id));
                    if (c.CompanyId is { } employer)
                    {
                        targets.Add((WorkTarget.Company, employer));
                    }
                    break;
                case ContactIdentity i: targets.Add((WorkTarget.Contact, i.ContactId)); break;
                case Order o: targets.Add((WorkTarget.Company, o.CompanyId)); break;
                case Message m when m.Direction is MessageDirection.Inbound or MessageDirection.Outbound:
                    targets.Add((WorkTarget.Conversation, m.ConversationId)); break;
                case Conversation v: targets.Add((WorkTarget.Conversation, v.Id)); break;
                case Prospect { CompanyId: { } company }: targets.Add((WorkTarget.Company, company)); break;
                case PolicyEntry: sweep = true; break;
            }
        }
        if (targets.Count == 0 && !sweep)
        {
            return;
        }
        var actor = await db.GetActorAsync();
        var byRule = actor.Kind == ActorKind.System && actor.Name.StartsWith(RuleActorPrefix, StringComparison.Ordinal);
        var now = db.Time.GetUtcNow().UtcDateTime;
        if (sweep || targets.Count > MaxTargets)
        {
            await QueueSweepAsync(db, "bulk change", now, ct);
            return;
        }
        foreach (var (target, id) in targets)
        {
            db.Add(new QualificationWork
            {
                Target = target,
                TargetId = id,
                ByRule = byRule,
                Reason = "changed",
                DueAt = now,
            });
        }
    }

    /// <summary>
    /// Adds a sweep (judge everything again) to the context unless one is waiting already; saved by the caller.
    /// </summary>
    public static async Task QueueSweepAsync(AppDbContext db, string reason, DateTime now, CancellationToken ct)
    {
        var waiting = await db.Set<QualificationWork>().AnyAsync(w => w.Target == WorkTarget.Sweep
            && w.Id != QualificationWork.PeriodicSweepId && w.LeaseOwner == null, ct);
        if (!waiting)
        {
            db.Add(new QualificationWork { Target = WorkTarget.Sweep, Reason = reason, DueAt = now });
        }
    }
}
