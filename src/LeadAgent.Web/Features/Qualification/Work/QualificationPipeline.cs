using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Contacts;
using LeadAgent.Web.Features.Inbox.Conversations;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Features.Planner;
using LeadAgent.Web.Features.Qualification.Fit;
using LeadAgent.Web.Features.Qualification.Lookalikes;
using LeadAgent.Web.Features.Qualification.Scoring;
using LeadAgent.Web.Features.Rules;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Qualification.Work;

/// <summary>
/// What judging a change means, in order: the companies first (segment, fit, lookalikes and potential), then their
/// leads and the leads named directly (score, rules, next actions). A sweep does it for everything, in chunks.
/// </summary>
public sealed class QualificationPipeline(QualificationMetrics metrics, CompanyQualifier qualifier,
    CompanyLookalikes lookalikes, RuleEngine rules, PlannerService planner)
{
    /// <summary>Records judged per step in a sweep: bounded memory, and the lease is renewed between chunks.</summary>
    public const int SweepChunk = 2000;

    public async Task RunAsync(AppDbContext db, IReadOnlyList<QualificationWork> rows, Func<Task> renew,
        CancellationToken ct)
    {
        if (rows.Any(r => r.Target == WorkTarget.Sweep))
        {
            await SweepAsync(db, renew, ct);
            return;
        }
        Guid[] Ids(WorkTarget t) => [.. rows.Where(r => r.Target == t && r.TargetId != null)
            .Select(r => r.TargetId!.Value).Distinct()];
        var companies = Ids(WorkTarget.Company);
        var contacts = Ids(WorkTarget.Contact).ToList();
        var conversations = Ids(WorkTarget.Conversation);
        foreach (var chunk in conversations.Chunk(500))
        {
            contacts.AddRange(await db.Set<Conversation>().Where(v => chunk.Contains(v.Id) && v.ContactId != null)
                .Select(v => v.ContactId!.Value).ToListAsync(ct));
        }
        // Rules judge a lead again unless its only reason is a rule's own change (which would repeat the rules).
        var forRules = rows.Where(r => r.Target == WorkTarget.Lead && !r.ByRule).Select(r => r.TargetId!.Value)
            .ToHashSet();
        var leads = new HashSet<Guid>(Ids(WorkTarget.Lead));
        foreach (var chunk in companies.Chunk(500))
        {
            var reached = await db.Set<Lead>().Where(l => chunk.Contains(l.CompanyId)).Select(l => l.Id)
                .ToListAsync(ct);
            leads.UnionWith(reached);
            forRules.UnionWith(reached);
        }
        foreach (var chunk in contacts.Distinct().Chunk(500))
        {
            var reached = await db.Set<Lead>().Where(l => l.PrimaryContactId != null
                && chunk.Contains(l.PrimaryContactId.Value)).Select(l => l.Id).ToListAsync(ct);
            leads.UnionWith(reached);
            forRules.UnionWith(reached);
        }
        foreach (var chunk in companies.Chunk(500))
        {
            await CompaniesAsync(db, db.Set<Company>().Where(c => chunk.Contains(c.Id)), ct);
            await renew(); // a batch may take long (a model trained first): keep the claim
        }
        foreach (var chunk in leads.Chunk(500))
        {
            var ruled = chunk.Where(forRules.Contains).ToList();
            await LeadsAsync(db, db.Set<Lead>().Where(l => chunk.Contains(l.Id)),
                db.Set<Lead>().Where(l => ruled.Contains(l.Id)), ct);
            await renew();
        }
    }

    private async Task SweepAsync(AppDbContext db, Func<Task> renew, CancellationToken ct)
    {
        Guid? after = null;
        while (true)
        {
            var ids = await db.Set<Company>().Where(c => after == null || c.Id.CompareTo(after.Value) > 0)
                .OrderBy(c => c.Id).Select(c => c.Id).Take(SweepChunk).ToListAsync(ct);
            if (ids.Count == 0)
            {
                break;
            }
            await CompaniesAsync(db, db.Set<Company>().Where(c => ids.Contains(c.Id)), ct);
            after = ids[^1];
            await renew();
        }
        after = null;
        while (true)
        {
            var ids = await db.Set<Lead>().Where(l => l.ArchivedAt == null
                    && (after == null || l.Id.CompareTo(after.Value) > 0))
                .OrderBy(l => l.Id).Select(l => l.Id).Take(SweepChunk).ToListAsync(ct);
            if (ids.Count == 0)
            {
                break;
            }
            var chunk = db.Set<Lead>().Where(l => ids.Contains(l.Id));
            await LeadsAsync(db, chunk, chunk, ct);
            after = ids[^1];
            await renew();
        }
    }

    private async Task CompaniesAsync(AppDbContext db, IQueryable<Company> companies, CancellationToken ct)
    {
        var judged = await qualifier.RefreshAsync(db, companies, ct);
        await lookalikes.RefreshAsync(db, companies, ct);
        db.ChangeTracker.Clear();
        metrics.Judged("company", judged.Judged + judged.Unchanged);
    }

    private async Task LeadsAsync(AppDbContext db, IQueryable<Lead> leads, IQueryable<Lead> forRules,
        CancellationToken ct)
    {
        var scored = await LeadScoring.RescoreAsync(db, leads, ct);
        // Rules write in contexts of their own (each signed by its rule); their changes queue scores and plans again.
        await rules.EvaluateAsync(db, forRules, ct);
        await planner.PlanAsync(db, leads, ct);
        db.ChangeTracker.Clear();
        metrics.Judged("lead", scored.Scored);
    }
}
