using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Features.Qualification.Facts;

namespace LeadAgent.Web.Features.Rules;

/// <summary>What the workspace looks like to a rule run: who may own leads, names, lists, blocked leads.</summary>
public sealed record RuleWorld(
    IReadOnlySet<string> Owners, IReadOnlyDictionary<string, string> UserNames,
    IReadOnlyDictionary<Guid, string> ListNames, IReadOnlySet<Guid> Blocked, DateTime Now);

public sealed record PlannedTask(string Title, string? OwnerId, DateTime DueAt, bool Playbook);

/// <summary>What one rule does to one lead: the changes, and what it skipped and why.</summary>
public sealed class LeadPlan(LeadFacts lead)
{
    public LeadFacts Lead { get; } = lead;
    public string? OwnerId { get; set; } = lead.OwnerId;
    public LeadStatus Status { get; set; } = lead.Status;
    public List<string> Tags { get; } = [.. lead.Tags];
    public List<Guid> Lists { get; } = [];
    public List<PlannedTask> Tasks { get; } = [];
    public List<(string UserId, string Text)> Notifications { get; } = [];
    /// <summary>The changes in words, for the simulation's sample and the application's outcome.</summary>
    public List<string> Changes { get; } = [];
    public List<string> Skipped { get; } = [];

    /// <summary>The facts as they are after the plan, so later rules in the same run see them.</summary>
    public LeadFacts After => Lead with { OwnerId = OwnerId, Status = Status, Tags = Tags };
}

/// <summary>
/// Turns a rule's steps into plans for the leads it newly matches, in memory (so simulation and the real run
/// agree). Round-robin hands owners out in turn from the rule's cursor; the new cursor is returned.
/// </summary>
public static class RulePlanner
{
    public const string BlockedReason = "the lead's company or contact is on the block list";

    public static LeadPlan Plan(IReadOnlyList<RuleStep> steps, LeadFacts lead, RuleWorld world, ref long cursor)
    {
        var plan = new LeadPlan(lead);
        foreach (var step in steps)
        {
            if (step.ContactsLead && world.Blocked.Contains(lead.LeadId))
            {
                plan.Skipped.Add($"{Describe(step)}: {BlockedReason}");
                continue;
            }
            switch (step.Kind)
            {
                case RuleActionKind.AssignRoundRobin:
                    var pool = step.Users.Where(world.Owners.Contains).ToList();
                    if (pool.Count == 0)
                    {
                        plan.Skipped.Add("assign owner: none of the round-robin users may own leads");
                        break;
                    }
                    SetOwner(plan, pool[(int)(cursor % pool.Count)], world);
                    cursor++;
                    break;
                case RuleActionKind.AssignByRegion:
                    var country = lead.Company.Country?.ToUpperInvariant();
                    var user = (country is null ? null : step.Regions.GetValueOrDefault(country)) ?? step.Fallback;
                    if (user is null || !world.Owners.Contains(user))
                    {
                        plan.Skipped.Add(user is null ? $"assign owner: no owner for country {country ?? "(none)"}"
                            : "assign owner: the mapped user may not own leads");
                        break;
                    }
                    SetOwner(plan, user, world);
                    break;
                case RuleActionKind.SetStatus when step.Status != plan.Status:
                    plan.Changes.Add($"status: {plan.Status} → {step.Status}");
                    plan.Status = step.Status!.Value;
                    break;
                case RuleActionKind.AddTag when !plan.Tags.Contains(step.Tag!):
                    plan.Tags.Add(step.Tag!);
                    plan.Changes.Add($"tag + {step.Tag}");
                    break;
                case RuleActionKind.AddToList:
                    if (world.ListNames.TryGetValue(step.ListId!.Value, out var list))
                    {
                        plan.Lists.Add(step.ListId.Value);
                        plan.Changes.Add($"list + {list}");
                    }
                    else
                    {
                        plan.Skipped.Add("add to list: the list no longer exists");
                    }
                    break;
                case RuleActionKind.CreateTask or RuleActionKind.ProposePlaybook:
                    var owner = step.OwnerId ?? plan.OwnerId;
                    if (owner is not null && !world.Owners.Contains(owner))
                    {
                        plan.Skipped.Add($"{Describe(step)}: its owner may not own leads");
                        break;
                    }
                    var playbook = step.Kind == RuleActionKind.ProposePlaybook;
                    var title = playbook ? RuleActions.PlaybookPrefix + step.Playbook : step.Title!;
                    var due = world.Now.AddDays(step.DueInDays);
                    plan.Tasks.Add(new PlannedTask(title, owner, due, playbook));
                    plan.Changes.Add($"task \"{title}\" for {Name(owner, world)}, due {due:yyyy-MM-dd}");
                    break;
                case RuleActionKind.Notify:
                    var recipients = step.Users.Count > 0 ? step.Users.Where(world.UserNames.ContainsKey).ToList()
                        : plan.OwnerId is { } o ? [o] : [];
                    if (recipients.Count == 0)
                    {
                        plan.Skipped.Add("notify: no one to notify (the lead has no owner)");
                        break;
                    }
                    foreach (var r in recipients)
                    {
                        plan.Notifications.Add((r, step.Text!));
                    }
                    plan.Changes.Add("notify " + string.Join(", ", recipients.Select(r => Name(r, world))));
                    break;
            }
        }
        return plan;
    }

    private static void SetOwner(LeadPlan plan, string user, RuleWorld world)
    {
        if (plan.OwnerId != user)
        {
            plan.Changes.Add($"owner: {Name(plan.OwnerId, world)} → {Name(user, world)}");
            plan.OwnerId = user;
        }
    }

    private static string Name(string? userId, RuleWorld world) =>
        userId is null ? "nobody" : world.UserNames.GetValueOrDefault(userId, userId);

    private static string Describe(RuleStep step) => step.Kind switch
    {
        RuleActionKind.ProposePlaybook => "propose playbook",
        RuleActionKind.CreateTask => "create task",
        _ => step.Kind.ToString(),
    };
}
