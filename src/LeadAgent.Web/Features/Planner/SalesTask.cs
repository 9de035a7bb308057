using LeadAgent.Web.Data;

namespace LeadAgent.Web.Features.Planner;

/// <summary>
/// Why a task exists: a person's own to-do, a rule's action, or one of the planner's proposals (each kind a reason the
/// planner knows).
/// </summary>
public enum TaskKind { ToDo, Rule, AnswerInbound, FollowUp, CallHotLead, Reorder, ResearchContact, SendTemplate }

/// <summary>
/// Where a task stands. <see cref="Obsolete"/> is the planner's own closing of a proposal whose fact went away (the
/// message got answered), kept apart from a person's <see cref="Dismissed"/> so the learning phase reads only people.
/// </summary>
public enum TaskState { Open, Done, Snoozed, Dismissed, Obsolete }

/// <summary>
/// Something a salesperson should do, with a due time and an owner: their own to-dos and the planner's proposals
/// (next best actions). Done, snooze and dismiss are kept as feedback for the learning phase.
/// </summary>
public sealed class SalesTask : Entity
{
    public const int TitleMax = 200, ReasonMax = 1000, KeyMax = 100, CloseNoteMax = 500;

    public TaskKind Kind { get; set; }
    public TaskState State { get; set; }
    public required string Title { get; set; }
    /// <summary>Why it is proposed, in words (the planner's reason, the rule's name, or the person's notes).</summary>
    public string? Reason { get; set; }
    public Guid? LeadId { get; set; }
    public Guid? CompanyId { get; set; }
    public Guid? ContactId { get; set; }
    public Guid? ConversationId { get; set; }
    public string? OwnerId { get; set; }
    /// <summary>A person chose the owner: the planner no longer hands the proposal to the lead's owner.</summary>
    public bool OwnerChosen { get; set; }
    public DateTime DueAt { get; set; }
    /// <summary>For a proposal: when acting stops being possible or useful (a channel's window closing).</summary>
    public DateTime? ExpiresAt { get; set; }
    public DateTime? SnoozedUntil { get; set; }
    /// <summary>
    /// The planner's identity of a proposal (kind and the fact it answers), so a proposal is made once and a
    /// dismissed one is not made again for the same fact.
    /// </summary>
    public string? PlanKey { get; set; }
    public DateTime? ClosedAt { get; set; }
    public string? ClosedByName { get; set; }
    /// <summary>Why a person dismissed it (optional), for the learning phase.</summary>
    public string? CloseNote { get; set; }
    public string? CreatedByName { get; set; }
}
