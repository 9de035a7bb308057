using LeadAgent.Web.Data;

namespace LeadAgent.Web.Features.Rules;

/// <summary>
/// An admin-defined rule: when all of its conditions hold for a lead, its actions run once for that lead (until the
/// lead stops matching and matches again, see <see cref="RuleApplication"/>). Conditions and actions are stored as
/// JSON (<see cref="RuleCondition"/>, <see cref="RuleAction"/>). Its changes are signed "Rule: name".
/// </summary>
public sealed class Rule : Entity, IAudited
{
    public const int NameMax = 100, DescriptionMax = 1000, JsonMax = 20_000;

    public required string Name { get; set; }
    public bool Enabled { get; set; }
    public string? Description { get; set; }
    /// <summary>JSON list of <see cref="RuleCondition"/>: all must hold ("any" makes an any-of group).</summary>
    public string Conditions { get; set; } = "[]";
    /// <summary>JSON list of <see cref="RuleAction"/>, run in order.</summary>
    public string Actions { get; set; } = "[]";
    /// <summary>Rules run in ascending order (then by name).</summary>
    public int Order { get; set; }
    public string? CreatedById { get; set; }
    public string? CreatedByName { get; set; }
    public string? UpdatedByName { get; set; }

    // Run state below is written by the engine with set-based updates: it neither bumps Version (an admin editing
    // the rule meanwhile gets no conflict) nor fills the activity log.

    /// <summary>How many owners round-robin assignment has handed out: the next one is users[cursor % count].</summary>
    public long RoundRobinCursor { get; set; }
    public DateTime? LastRunAt { get; set; }
    /// <summary>Leads that matched in the last evaluation that had any.</summary>
    public int LastRunMatched { get; set; }
    /// <summary>Leads the last evaluation acted on (new matching episodes).</summary>
    public int LastRunTouched { get; set; }
    /// <summary>Actions the last evaluation skipped (a blocked lead, no owner to give a task to, …).</summary>
    public int LastRunSkipped { get; set; }
    /// <summary>Leads acted on since the rule was made.</summary>
    public long TotalTouched { get; set; }

    /// <summary>The actor id its activity entries carry, so its log survives a rename.</summary>
    public static string ActorIdOf(Guid ruleId) => "rule:" + ruleId.ToString("N");

    public Actor Actor => new(ActorKind.System, ActorIdOf(Id), "Rule: " + Name);

    string IAudited.AuditType => nameof(Rule);
    Guid IAudited.AuditId => Id;
    string IAudited.AuditLabel => Name;
}

/// <summary>
/// One matching episode of a rule on a lead: present while the lead matches and the rule has acted on it. The
/// engine removes it when the lead no longer matches, so a later match acts again.
/// </summary>
public sealed class RuleApplication
{
    public const int OutcomeMax = 1000;

    public Guid RuleId { get; set; }
    public Guid LeadId { get; set; }
    public DateTime AppliedAt { get; set; }
    /// <summary>What was done and what was skipped, and why (e.g. a blocked company), in words.</summary>
    public string Outcome { get; set; } = "";
}

/// <summary>An in-app notification for one user (a rule's "notify" action); the list UI is issue 16's.</summary>
public sealed class Notification
{
    public const int TextMax = 500, LinkMax = 300;

    public Guid Id { get; set; } = Ids.NewV7();
    public required string UserId { get; set; }
    public required string Text { get; set; }
    /// <summary>An app-relative link (e.g. /leads/{id}); never an outside address.</summary>
    public string? Link { get; set; }
    public bool Read { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid? RuleId { get; set; }
}
