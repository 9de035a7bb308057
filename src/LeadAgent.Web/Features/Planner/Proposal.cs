namespace LeadAgent.Web.Features.Planner;

/// <summary>How the planner judges (section <c>Planner</c> in the configuration).</summary>
public sealed class PlannerOptions
{
    /// <summary>Days without an answer to our last message before a follow-up is proposed.</summary>
    public int FollowUpAfterDays { get; set; } = 3;

    /// <summary>How many days before a client's usual re-order date the reminder is proposed.</summary>
    public int ReorderAheadDays { get; set; } = 7;
}

/// <summary>
/// One next best action for a lead. <see cref="PlanKey"/> names the kind and the fact it answers (a message's time,
/// a last order), so the same proposal is stored once and a dismissed one is not made again for the same fact.
/// </summary>
public sealed record Proposal(
    TaskKind Kind,
    string PlanKey,
    string Title,
    string Reason,
    DateTime DueAt,
    DateTime? ExpiresAt,
    Guid LeadId,
    Guid CompanyId,
    Guid? ContactId,
    Guid? ConversationId,
    string? OwnerId);

/// <summary>The planner's answer for one lead: its proposals, and why others were not made (blocked, closed).</summary>
public sealed record LeadPlan(Guid LeadId, IReadOnlyList<Proposal> Proposals, IReadOnlyList<string> Withheld);
