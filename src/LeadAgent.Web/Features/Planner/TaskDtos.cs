namespace LeadAgent.Web.Features.Planner;

/// <summary>
/// A task as the API and pages show it. <see cref="MessagePreview"/> is the waiting message's start: untrusted text,
/// shown as plain text only.
/// </summary>
public sealed record TaskDto(
    Guid Id,
    TaskKind Kind,
    TaskState State,
    bool IsProposal,
    string Title,
    string? Reason,
    Guid? LeadId,
    string? LeadTitle,
    Guid? CompanyId,
    string? CompanyName,
    Guid? ContactId,
    Guid? ConversationId,
    string? MessagePreview,
    string? OwnerId,
    string? OwnerName,
    DateTime DueAt,
    DateTime? ExpiresAt,
    DateTime? SnoozedUntil,
    DateTime? ClosedAt,
    string? ClosedByName,
    string? CloseNote,
    string? CreatedByName,
    DateTime CreatedAt,
    long Version);

/// <summary>A person's own to-do. <see cref="OwnerId"/> defaults to the caller; notes are the task's reason.</summary>
public sealed record TaskInput(string? Title, DateTime? DueAt, string? OwnerId = null, Guid? LeadId = null,
    Guid? CompanyId = null, string? Notes = null);

public enum TaskAction { Done, Snooze, Dismiss, Reopen, Edit }

/// <summary>
/// One change to a task, with the version read (a stale one gets 409). Snooze needs <see cref="Until"/>; dismiss
/// takes an optional <see cref="Reason"/>; edit changes the fields given (title, notes and lead of own to-dos only).
/// </summary>
public sealed record TaskPatch(TaskAction? Action, long? Version, DateTime? Until = null, string? Reason = null,
    string? Title = null, DateTime? DueAt = null, string? OwnerId = null, string? Notes = null, Guid? LeadId = null,
    Guid? CompanyId = null, bool ClearOwner = false);

public sealed record TaskListQuery(string? Owner, string? State, Guid? LeadId, int? Limit, string? Cursor);

/// <summary>The Today page's groups, most urgent first.</summary>
public enum TodayGroupName { Overdue, Now, Today, Upcoming, Unassigned }

/// <summary>
/// One group: how many tasks are in it and the first <see cref="TodayQuery.GroupLimit"/> of them, most urgent first.
/// </summary>
public sealed record TodayGroup(TodayGroupName Name, int Count, IReadOnlyList<TaskDto> Items);

/// <summary>
/// The caller's day: overdue (due before today began in their time zone), now (a channel window is closing:
/// closing first), today, upcoming (the next 7 days), and proposals nobody owns.
/// </summary>
public sealed record TodayDto(DateTime Now, string TimeZone, IReadOnlyList<TodayGroup> Groups);
