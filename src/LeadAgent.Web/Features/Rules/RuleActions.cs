using LeadAgent.Web.Features.Crm;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Features.Planner;
using LeadAgent.Web.Infrastructure.Api;

namespace LeadAgent.Web.Features.Rules;

/// <summary>A validated action. <see cref="Regions"/> maps country codes (regions expanded) to users.</summary>
public sealed record RuleStep(RuleActionKind Kind)
{
    public IReadOnlyList<string> Users { get; init; } = [];
    public IReadOnlyDictionary<string, string> Regions { get; init; } = new Dictionary<string, string>();
    /// <summary>By region: the owner of leads in countries not listed ("*"); none leaves them as they are.</summary>
    public string? Fallback { get; init; }
    public LeadStatus? Status { get; init; }
    public Guid? ListId { get; init; }
    public string? Tag { get; init; }
    public string? Title { get; init; }
    public int DueInDays { get; init; }
    public string? OwnerId { get; init; }
    /// <summary>Whether the task means contacting the lead (skipped when its company or contact is blocked).</summary>
    public bool Contact { get; init; }
    public string? Text { get; init; }
    public string? Playbook { get; init; }

    /// <summary>Reaches out to the lead, so a blocked lead is skipped.</summary>
    public bool ContactsLead =>
        Kind == RuleActionKind.ProposePlaybook || (Kind == RuleActionKind.CreateTask && Contact);

    /// <summary>The users it names: owners to assign, a task's owner, people to notify.</summary>
    public IEnumerable<string> NamedUsers => Users.Concat(Regions.Values)
        .Concat(Fallback is null ? [] : [Fallback]).Concat(OwnerId is null ? [] : [OwnerId]);
}

/// <summary>Checks actions as sent and makes <see cref="RuleStep"/>s (field errors like actions[0].tag).</summary>
public static class RuleActions
{
    public const int MaxActions = 10, MaxUsers = 50, DueMax = 365;
    public const string PlaybookPrefix = "Propose playbook: ";

    public static List<RuleStep> Compile(IReadOnlyList<RuleAction>? actions, Errors errors)
    {
        var steps = new List<RuleStep>();
        if (actions is null || actions.Count == 0 || actions.Count > MaxActions)
        {
            errors.Add("actions", $"Give between 1 and {MaxActions} actions.");
            return steps;
        }
        for (var i = 0; i < actions.Count; i++)
        {
            // Each action checked on its own, so "required" messages do not depend on the other actions' errors.
            var own = new Errors();
            var step = One(actions[i], $"actions[{i}]", own);
            try
            {
                own.ThrowIfAny();
                steps.Add(step!);
            }
            catch (ValidationFailedException e)
            {
                foreach (var (field, messages) in e.Errors)
                {
                    foreach (var message in messages)
                    {
                        errors.Add(field, message);
                    }
                }
            }
        }
        return steps;
    }

    private static RuleStep? One(RuleAction? a, string path, Errors errors)
    {
        if (a is null)
        {
            errors.Add(path, "Required.");
            return null;
        }
        if (!Enum.TryParse<RuleActionKind>(a.Kind?.Trim(), true, out var kind) || !Enum.IsDefined(kind))
        {
            errors.Add(path + ".kind", "Must be one of: " + string.Join(", ",
                Enum.GetNames<RuleActionKind>().Select(n => char.ToLowerInvariant(n[0]) + n[1..])) + ".");
            return null;
        }
        var step = new RuleStep(kind);
        switch (kind)
        {
            case RuleActionKind.AssignRoundRobin:
                var users = (a.Users ?? []).Select(u => u?.Trim()).Where(u => !string.IsNullOrEmpty(u)).Distinct()
                    .Select(u => u!).ToList();
                if (users.Count is 0 or > MaxUsers)
                {
                    errors.Add(path + ".users", $"Give between 1 and {MaxUsers} users.");
                }
                step = step with { Users = users };
                break;
            case RuleActionKind.AssignByRegion:
                var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                string? fallback = null;
                foreach (var (key, user) in a.Regions ?? [])
                {
                    var k = key.Trim();
                    var u = user?.Trim();
                    if (string.IsNullOrEmpty(u))
                    {
                        errors.Add($"{path}.regions.{k}", "Name a user.");
                    }
                    else if (k == "*")
                    {
                        fallback = u;
                    }
                    else if (RuleFields.Regions.TryGetValue(k, out var codes))
                    {
                        foreach (var code in codes)
                        {
                            map.TryAdd(code, u);
                        }
                    }
                    else if (k.Length == 2 && k.All(char.IsAsciiLetter))
                    {
                        map[k.ToUpperInvariant()] = u;
                    }
                    else
                    {
                        errors.Add($"{path}.regions", $"'{k}' is neither a two-letter country code, a region "
                            + $"({string.Join(", ", RuleFields.Regions.Keys)}) nor '*'.");
                    }
                }
                if (map.Count == 0 && fallback is null && !errors.Any)
                {
                    errors.Add(path + ".regions", "Map at least one country or region to a user.");
                }
                step = step with { Regions = map, Fallback = fallback };
                break;
            case RuleActionKind.SetStatus:
                if (!Enum.TryParse<LeadStatus>(a.Status?.Trim(), true, out var status) || !Enum.IsDefined(status))
                {
                    errors.Add(path + ".status", $"Must be one of: {string.Join(", ", Enum.GetNames<LeadStatus>())}.");
                }
                step = step with { Status = status };
                break;
            case RuleActionKind.AddToList:
                if (a.ListId is null)
                {
                    errors.Add(path + ".listId", "Required.");
                }
                step = step with { ListId = a.ListId };
                break;
            case RuleActionKind.AddTag:
                var tag = Tags.Normalize([a.Tag ?? ""], errors, path + ".tag").FirstOrDefault();
                if (tag is null && !errors.Any)
                {
                    errors.Add(path + ".tag", "Required.");
                }
                step = step with { Tag = tag };
                break;
            case RuleActionKind.CreateTask:
                var title = errors.Required(path + ".title", a.Title, SalesTask.TitleMax);
                step = step with { Title = title, OwnerId = Trim(a.OwnerId), Contact = a.Contact ?? true };
                step = Due(step, a, path, errors);
                break;
            case RuleActionKind.Notify:
                var text = errors.Required(path + ".text", a.Text, Notification.TextMax - 210);
                var notify = (a.Users ?? []).Select(Trim).Where(u => u is not null).Distinct().Select(u => u!).ToList();
                if (notify.Count > MaxUsers)
                {
                    errors.Add(path + ".users", $"At most {MaxUsers} users (none: the lead's owner).");
                }
                step = step with { Text = text, Users = notify };
                break;
            case RuleActionKind.ProposePlaybook:
                var playbook = errors.Required(path + ".playbook", a.Playbook,
                    SalesTask.TitleMax - PlaybookPrefix.Length);
                step = step with { Playbook = playbook, OwnerId = Trim(a.OwnerId), Contact = true };
                step = Due(step, a, path, errors);
                break;
        }
        return step;
    }

    private static RuleStep Due(RuleStep step, RuleAction a, string path, Errors errors)
    {
        if (a.DueInDays is < 0 or > DueMax)
        {
            errors.Add(path + ".dueInDays", $"Must be between 0 and {DueMax}.");
        }
        return step with { DueInDays = a.DueInDays ?? 0 };
    }

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
