using System.Globalization;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Accounts;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Planner;

/// <summary>
/// Tasks as a product: people's own to-dos and the planner's proposals in one list. Done, snooze and dismiss record
/// who and when (the learning phase reads them); viewers read only.
/// </summary>
public sealed class TaskService(IDbContextFactory<AppDbContext> dbFactory, IActorSource actors)
{
    private const string Sort = "dueAt";

    /// <summary>Tasks by owner ("me" or a user id), state and lead, soonest due first, keyset-paged.</summary>
    public async Task<Page<TaskDto>> ListAsync(TaskListQuery q, CancellationToken ct = default)
    {
        var errors = new Errors();
        var take = Cursor.ClampLimit(q.Limit, errors);
        TaskState? state = null;
        if (q.State is { Length: > 0 } text)
        {
            if (Enum.TryParse<TaskState>(text, true, out var parsed) && Enum.IsDefined(parsed))
            {
                state = parsed;
            }
            else
            {
                errors.Add("state", $"Must be one of {string.Join(", ", Enum.GetNames<TaskState>())}.");
            }
        }
        errors.ThrowIfAny();
        var cursor = Cursor.Decode(q.Cursor, Sort);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tasks = db.SalesTasks.AsNoTracking();
        if (q.Owner is { Length: > 0 } owner)
        {
            var ownerId = owner == "me" ? (await actors.GetActorAsync()).UserId : owner;
            tasks = tasks.Where(t => t.OwnerId == ownerId);
        }
        if (state is { } s)
        {
            tasks = tasks.Where(t => t.State == s);
        }
        if (q.LeadId is { } lead)
        {
            tasks = tasks.Where(t => t.LeadId == lead);
        }
        if (cursor is not null)
        {
            var at = Cursor.Read(v => DateTime.Parse(v, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal), cursor.Value ?? "");
            var id = cursor.Id;
            tasks = tasks.Where(t => t.DueAt > at || (t.DueAt == at && t.Id.CompareTo(id) > 0));
        }
        var rows = await tasks.OrderBy(t => t.DueAt).ThenBy(t => t.Id).Take(take + 1).ToListAsync(ct);
        var dtos = await TaskRows.ToDtosAsync(db, rows, ct);
        return Page<TaskDto>.FromLookahead(dtos, take,
            t => new Cursor(Sort, t.DueAt.ToString("O", CultureInfo.InvariantCulture), t.Id).Encode(), null);
    }

    /// <summary>A lead's open and snoozed tasks, soonest first (the lead page and the inbox side panel).</summary>
    public async Task<List<TaskDto>> OpenForLeadAsync(Guid leadId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.SalesTasks.AsNoTracking()
            .Where(t => t.LeadId == leadId && (t.State == TaskState.Open || t.State == TaskState.Snoozed))
            .OrderBy(t => t.DueAt).Take(100).ToListAsync(ct);
        return await TaskRows.ToDtosAsync(db, rows, ct);
    }

    /// <summary>The caller's Today list (<see cref="TodayQuery"/>), days counted in their own time zone.</summary>
    public async Task<TodayDto> TodayAsync(CancellationToken ct = default)
    {
        var actor = await actors.GetActorAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var zone = await UserTime.ZoneAsync(db, actor.UserId, ct);
        return await TodayQuery.LoadAsync(db, actor.UserId, zone, db.Time.GetUtcNow().UtcDateTime, ct);
    }

    public async Task<TaskDto> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var task = await db.SalesTasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct)
            ?? throw new NotFoundException("Task", id);
        return (await TaskRows.ToDtosAsync(db, [task], ct))[0];
    }

    public async Task<TaskDto> CreateAsync(TaskInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var actor = await db.RequireWriterAsync("add tasks");
        var errors = new Errors();
        var title = errors.Required("title", input.Title, SalesTask.TitleMax);
        var notes = errors.Optional("notes", input.Notes, SalesTask.ReasonMax);
        if (input.DueAt is null)
        {
            errors.Add("dueAt", "Required.");
        }
        var ownerId = string.IsNullOrWhiteSpace(input.OwnerId) ? actor.UserId : input.OwnerId.Trim();
        await LeadOwners.CheckAsync(db, errors, "ownerId", ownerId, ct);
        var companyId = await CheckSubjectAsync(db, errors, input.LeadId, input.CompanyId, ct);
        errors.ThrowIfAny();
        var task = new SalesTask
        {
            Kind = TaskKind.ToDo,
            State = TaskState.Open,
            Title = title!,
            Reason = notes,
            OwnerId = ownerId,
            DueAt = DateTime.SpecifyKind(input.DueAt!.Value.ToUniversalTime(), DateTimeKind.Utc),
            LeadId = input.LeadId,
            CompanyId = companyId,
            CreatedByName = actor.Name,
        };
        db.SalesTasks.Add(task);
        await db.SaveChangesAsync(ct);
        return (await TaskRows.ToDtosAsync(db, [task], ct))[0];
    }

    /// <summary>Done, snooze, dismiss, reopen or edit, against the version read (stale: 409).</summary>
    public async Task<TaskDto> UpdateAsync(Guid id, TaskPatch patch, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var actor = await db.RequireWriterAsync("change tasks");
        var task = await db.SalesTasks.FirstOrDefaultAsync(t => t.Id == id, ct)
            ?? throw new NotFoundException("Task", id);
        if (patch.Action is not { } action || !Enum.IsDefined(action))
        {
            throw new ValidationFailedException(new Dictionary<string, string[]>
            {
                ["action"] = [$"Required: one of {string.Join(", ", Enum.GetNames<TaskAction>())}."],
            });
        }
        LeadService.RequireVersion(db, task, patch.Version);
        var now = db.Time.GetUtcNow().UtcDateTime;
        await TaskChanges.ApplyAsync(db, task, action, patch, actor, now, ct);
        await db.SaveChangesAsync(ct);
        return (await TaskRows.ToDtosAsync(db, [task], ct))[0];
    }

    /// <summary>The task's company: the one named, else the lead's; field errors for unknown ids.</summary>
    internal static async Task<Guid?> CheckSubjectAsync(AppDbContext db, Errors errors, Guid? leadId,
        Guid? companyId, CancellationToken ct)
    {
        if (leadId is { } lead)
        {
            var leadCompany = await db.Leads.Where(l => l.Id == lead).Select(l => (Guid?)l.CompanyId)
                .FirstOrDefaultAsync(ct);
            if (leadCompany is null)
            {
                errors.Add("leadId", "No lead with this id.");
            }
            companyId ??= leadCompany;
        }
        else if (companyId is { } company && !await db.Set<Companies.Company>().AnyAsync(c => c.Id == company, ct))
        {
            errors.Add("companyId", "No company with this id.");
        }
        return companyId;
    }
}
