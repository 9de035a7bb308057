using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Features.Lists;
using LeadAgent.Web.Features.Policy;
using LeadAgent.Web.Features.Qualification.Facts;
using LeadAgent.Web.Infrastructure.Api;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Rules;

public sealed record RuleRunResult(Guid RuleId, string Name, int Matched, int Touched, int Skipped, int Ended);

public sealed record SimulatedLead(Guid LeadId, string Title, string Company, IReadOnlyList<string> Changes,
    IReadOnlyList<string> Skipped);

/// <summary>
/// A draft's effect: <see cref="Matching"/> open leads match it, <see cref="WouldTouch"/> of them it would act on
/// (those it already acted on in their current matching episode are left out), the first 20 of those in detail.
/// </summary>
public sealed record RuleSimulation(int Matching, int WouldTouch, IReadOnlyList<SimulatedLead> Sample);

/// <summary>
/// The deterministic rules engine. <see cref="EvaluateAsync"/> applies the enabled rules, in order, to leads (the
/// worker calls it when leads change); <see cref="SimulateAsync"/> tells what a draft would do, writing nothing.
/// Rules act on leads that are not archived.
/// </summary>
public sealed class RuleEngine(IServiceScopeFactory scopes, PolicyCheck policy)
{
    public const int SampleSize = 20, Chunk = 500;

    private readonly RuleWriter _writer = new(scopes);

    /// <summary>
    /// Applies every enabled rule, in order, to those of <paramref name="leads"/> that are not archived, each once per
    /// matching episode: a lead a rule already acted on is left alone until it stops matching (its episode ends
    /// here) and matches again. Later rules see what earlier ones changed. Reads through <paramref name="db"/>; writes
    /// each rule's changes in contexts of its own, signed "Rule: name" (so <paramref name="db"/> must not hold an open
    /// write transaction).
    /// </summary>
    public Task<List<RuleRunResult>> EvaluateAsync(AppDbContext db, IQueryable<Lead> leads, CancellationToken ct) =>
        RunAsync(db, leads, null, ct);

    /// <summary>Applies one rule (enabled or not) to all its matching leads now.</summary>
    public async Task<RuleRunResult> RunRuleAsync(AppDbContext db, Guid ruleId, CancellationToken ct) =>
        (await RunAsync(db, db.Leads, ruleId, ct)).Single();

    private async Task<List<RuleRunResult>> RunAsync(AppDbContext db, IQueryable<Lead> leads, Guid? only,
        CancellationToken ct)
    {
        var rules = await LoadRulesAsync(db, only, ct);
        var results = new List<RuleRunResult>();
        if (rules.Count == 0)
        {
            return results;
        }
        var open = leads.Where(l => l.ArchivedAt == null);
        var facts = (await LeadFactsLoader.LoadAsync(db, open, ct)).ToDictionary(f => f.LeadId);
        var ruleIds = rules.Select(r => r.Rule.Id).ToList();
        var applied = (await db.RuleApplications
                .Where(a => ruleIds.Contains(a.RuleId) && open.Select(l => l.Id).Contains(a.LeadId))
                .Select(a => new { a.RuleId, a.LeadId }).ToListAsync(ct))
            .ToLookup(a => a.RuleId, a => a.LeadId);
        var world = await WorldAsync(db, new HashSet<Guid>(), ct);
        foreach (var rule in rules)
        {
            var id = rule.Rule.Id;
            var done = applied[id].ToHashSet();
            var matching = facts.Values.Where(f => RuleCheck.All(rule.Checks, f, world.Now)).ToList();
            var ended = done.Where(l => facts.TryGetValue(l, out var f) && !RuleCheck.All(rule.Checks, f, world.Now))
                .ToList();
            var fresh = matching.Where(f => !done.Contains(f.LeadId)).ToList();
            if (ended.Count > 0)
            {
                await _writer.EndAsync(id, ended, ct);
            }
            var blocked = rule.Steps.Any(s => s.ContactsLead) && fresh.Count > 0
                ? await policy.BlockedLeadsAsync(db, fresh.Select(f => f.LeadId).ToList(), ct)
                : [];
            var ruleWorld = world with { Blocked = blocked };
            var batchId = Ids.NewV7();
            var total = new RuleWriter.Written(0, 0);
            foreach (var chunk in fresh.Chunk(Chunk))
            {
                // What the rule changed is what later rules see.
                var written = await _writer.WriteAsync(rule, chunk, ruleWorld, batchId,
                    plan => facts[plan.Lead.LeadId] = plan.After, ct);
                total = new RuleWriter.Written(total.Touched + written.Touched, total.Skipped + written.Skipped);
            }
            if (total.Touched > 0 || only is not null)
            {
                await _writer.RecordRunAsync(id, world.Now, matching.Count, total, ct);
            }
            results.Add(new RuleRunResult(id, rule.Rule.Name, matching.Count, total.Touched, total.Skipped,
                ended.Count));
        }
        return results;
    }

    /// <summary>
    /// What the draft would do to the open leads, without writing anything: how many match, how many it would act
    /// on (with <paramref name="ruleId"/>, those the saved rule already acted on are left out) and a sample of the
    /// changes. Invalid drafts are field errors (400).
    /// </summary>
    public async Task<RuleSimulation> SimulateAsync(AppDbContext db, RuleInput draft, Guid? ruleId,
        CancellationToken ct)
    {
        var errors = new Errors();
        var checks = RuleConditions.Compile(draft.Conditions, errors);
        var steps = RuleActions.Compile(draft.Actions, errors);
        errors.ThrowIfAny();
        var open = db.Leads.Where(l => l.ArchivedAt == null);
        var world = await WorldAsync(db, new HashSet<Guid>(), ct);
        var matching = (await LeadFactsLoader.LoadAsync(db, open, ct))
            .Where(f => RuleCheck.All(checks, f, world.Now)).OrderBy(f => f.Title).ThenBy(f => f.LeadId).ToList();
        var applied = ruleId is { } id
            ? (await db.RuleApplications.Where(a => a.RuleId == id).Select(a => a.LeadId).ToListAsync(ct))
                .ToHashSet()
            : [];
        var touch = matching.Where(f => !applied.Contains(f.LeadId)).ToList();
        var sample = touch.Take(SampleSize).ToList();
        var blocked = await policy.BlockedLeadsAsync(db, sample.Select(f => f.LeadId).ToList(), ct);
        world = world with { Blocked = blocked };
        var cursor = ruleId is { } rid
            ? await db.Rules.Where(r => r.Id == rid).Select(r => r.RoundRobinCursor).FirstOrDefaultAsync(ct)
            : 0;
        var rows = sample.Select(f => RulePlanner.Plan(steps, f, world, ref cursor))
            .Select(p => new SimulatedLead(p.Lead.LeadId, p.Lead.Title, p.Lead.Company.Name, p.Changes, p.Skipped))
            .ToList();
        return new RuleSimulation(matching.Count, touch.Count, rows);
    }

    private static async Task<List<CompiledRule>> LoadRulesAsync(AppDbContext db, Guid? only, CancellationToken ct)
    {
        var query = db.Rules.AsNoTracking();
        query = only is { } id ? query.Where(r => r.Id == id) : query.Where(r => r.Enabled);
        var rules = await query.OrderBy(r => r.Order).ThenBy(r => r.Name).ToListAsync(ct);
        if (only is not null && rules.Count == 0)
        {
            throw new NotFoundException("Rule", only.Value);
        }
        var compiled = new List<CompiledRule>();
        foreach (var rule in rules)
        {
            var errors = new Errors();
            var checks = RuleConditions.Compile(RuleJson.Read<RuleCondition>(rule.Conditions), errors);
            var steps = RuleActions.Compile(RuleJson.Read<RuleAction>(rule.Actions), errors);
            // Saved rules were checked when saved; one that no longer reads (a field since removed) is left out.
            if (!errors.Any)
            {
                compiled.Add(new CompiledRule(rule, checks, steps));
            }
        }
        return compiled;
    }

    internal static async Task<RuleWorld> WorldAsync(AppDbContext db, IReadOnlySet<Guid> blocked,
        CancellationToken ct)
    {
        var owners = (await LeadOwners.Ids(db).ToListAsync(ct)).ToHashSet();
        var users = await db.Users.Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(ct);
        var lists = await db.LeadLists.Select(l => new { l.Id, l.Name }).ToDictionaryAsync(l => l.Id, l => l.Name, ct);
        return new RuleWorld(owners,
            users.ToDictionary(u => u.Id, u => string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email ?? u.Id
                : u.DisplayName),
            lists, blocked, db.Time.GetUtcNow().UtcDateTime);
    }
}
