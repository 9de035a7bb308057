using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Infrastructure.Api;

namespace LeadAgent.Web.Features.Planner;

/// <summary>
/// What done, snooze, dismiss, reopen and edit do to a task. Closing records who and when (and a dismissal's reason):
/// that is the feedback the learning phase reads.
/// </summary>
internal static class TaskChanges
{
    /// <summary>The longest snooze: beyond it the task is better dismissed or given a new due date.</summary>
    public static readonly TimeSpan MaxSnooze = TimeSpan.FromDays(366);

    public static async Task ApplyAsync(AppDbContext db, SalesTask task, TaskAction action, TaskPatch patch,
        Actor actor, DateTime now, CancellationToken ct)
    {
        var errors = new Errors();
        switch (action)
        {
            case TaskAction.Done:
                RequireActive(task, "done");
                Close(task, TaskState.Done, actor, now, null);
                break;
            case TaskAction.Dismiss:
                RequireActive(task, "dismissed");
                var note = errors.Optional("reason", patch.Reason, SalesTask.CloseNoteMax);
                errors.ThrowIfAny();
                Close(task, TaskState.Dismissed, actor, now, note);
                break;
            case TaskAction.Snooze:
                RequireActive(task, "snoozed");
                if (patch.Until is not { } until)
                {
                    errors.Add("until", "Required: when the task comes back.");
                }
                else if (until.ToUniversalTime() <= now)
                {
                    errors.Add("until", "Must be in the future.");
                }
                else if (until.ToUniversalTime() > now + MaxSnooze)
                {
                    errors.Add("until", "Must be within a year; set a new due date instead.");
                }
                errors.ThrowIfAny();
                var back = DateTime.SpecifyKind(patch.Until!.Value.ToUniversalTime(), DateTimeKind.Utc);
                task.State = TaskState.Snoozed;
                task.SnoozedUntil = back;
                // It comes back as due then: the Today list reads the due time alone (one index).
                task.DueAt = task.DueAt > back ? task.DueAt : back;
                break;
            case TaskAction.Reopen:
                if (task.State == TaskState.Open)
                {
                    throw new ConflictException("This task is open already.");
                }
                task.State = TaskState.Open;
                task.SnoozedUntil = null;
                task.ClosedAt = null;
                task.ClosedByName = null;
                task.CloseNote = null;
                break;
            default:
                await EditAsync(db, task, patch, errors, ct);
                break;
        }
    }

    private static async Task EditAsync(AppDbContext db, SalesTask task, TaskPatch patch, Errors errors,
        CancellationToken ct)
    {
        var own = task.Kind == TaskKind.ToDo;
        string? title = null, notes = null;
        if (patch.Title is not null)
        {
            title = own ? errors.Required("title", patch.Title, SalesTask.TitleMax)
                : Refuse(errors, "title", "The planner's wording is kept; add a to-do of your own instead.");
        }
        if (patch.Notes is not null)
        {
            notes = own ? errors.Optional("notes", patch.Notes, SalesTask.ReasonMax)
                : Refuse(errors, "notes", "A proposal's reason is the planner's; add a to-do of your own instead.");
        }
        Guid? company = task.CompanyId;
        if (patch.LeadId is not null || patch.CompanyId is not null)
        {
            if (own)
            {
                company = await TaskService.CheckSubjectAsync(db, errors, patch.LeadId, patch.CompanyId, ct);
            }
            else
            {
                errors.Add("leadId", "A proposal stays with the lead it was made for.");
            }
        }
        var owner = patch.ClearOwner ? null : patch.OwnerId?.Trim() ?? task.OwnerId;
        if (owner != task.OwnerId)
        {
            await LeadOwners.CheckAsync(db, errors, "ownerId", owner, ct);
        }
        errors.ThrowIfAny();
        task.Title = title ?? task.Title;
        task.Reason = patch.Notes is null ? task.Reason : notes;
        if (owner != task.OwnerId)
        {
            (task.OwnerId, task.OwnerChosen) = (owner, true);
        }
        if (patch.LeadId is not null || patch.CompanyId is not null)
        {
            task.LeadId = patch.LeadId;
            task.CompanyId = company;
        }
        if (patch.DueAt is { } due)
        {
            task.DueAt = DateTime.SpecifyKind(due.ToUniversalTime(), DateTimeKind.Utc);
        }
    }

    private static void RequireActive(SalesTask task, string what)
    {
        if (task.State is not (TaskState.Open or TaskState.Snoozed))
        {
            throw new ConflictException(
                $"This task is {task.State.ToString().ToLowerInvariant()}; it cannot be {what}. Reopen it first.");
        }
    }

    private static void Close(SalesTask task, TaskState state, Actor actor, DateTime now, string? note)
    {
        task.State = state;
        task.ClosedAt = now;
        task.ClosedByName = actor.Name;
        task.CloseNote = note;
        task.SnoozedUntil = null;
    }

    private static string? Refuse(Errors errors, string field, string message)
    {
        errors.Add(field, message);
        return null;
    }
}
