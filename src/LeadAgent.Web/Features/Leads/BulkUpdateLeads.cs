using System.Text.Json.Nodes;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Activity;
using LeadAgent.Web.Features.Crm;
using LeadAgent.Web.Features.Lists;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Leads;

public enum BulkActionKind { SetStatus, AssignOwner, AddToList, AddTag, RemoveTag, Archive, Restore }

/// <summary>Which leads: explicit ids, or every lead matching a filter (not just the visible page).</summary>
public sealed record LeadSelection(List<Guid>? Ids, LeadFilter? Filter);

public sealed record BulkAction(
    BulkActionKind Kind, LeadStatus? Status = null, string? OwnerId = null, Guid? ListId = null, string? Tag = null);

public sealed record BulkRequest(LeadSelection Selection, BulkAction Action);

public sealed record BulkResult(int Matched, int Changed, Guid BatchId);

public sealed record BulkCount(int Count);

/// <summary>
/// Bulk changes over a selection. Each changed lead gets one activity entry (same batch id), written in the same
/// transaction as the change. Rows are processed in chunks so 50,000 leads stay fast and memory stays flat.
/// </summary>
public sealed class BulkUpdateLeads(IDbContextFactory<AppDbContext> dbFactory)
{
    private const int Chunk = 2000;

    public async Task<int> CountAsync(LeadSelection selection, string? userId, CancellationToken ct = default)
    {
        var errors = new Errors();
        selection.Filter?.Validate(errors);
        errors.ThrowIfAny();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Select(db, selection, userId).CountAsync(ct);
    }

    public async Task<BulkResult> RunAsync(BulkRequest request, string? userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var action = request.Action;
        var (tag, listName) = await ValidateAsync(db, request, ct);
        var actor = await db.RequireWriterAsync();
        var batchId = Ids.NewV7();
        var now = db.Time.GetUtcNow().UtcDateTime;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var rows = await Select(db, request.Selection, userId)
            .Select(l => new Row(l.Id, l.Title, l.Status, l.OwnerId, l.ArchivedAt, l.Tags))
            .ToListAsync(ct);
        var changed = 0;
        foreach (var chunk in rows.Chunk(Chunk))
        {
            var todo = chunk.Where(r => Changes(r, action)).ToList();
            if (todo.Count == 0)
            {
                continue;
            }
            var ids = todo.Select(r => r.Id).ToList();
            await ApplyAsync(db, action, ids, todo, tag, now, ct);
            var entries = todo.Select(r => Entry(r, action, actor, now, batchId, listName)).ToList();
            await BulkInsert.WriteAsync(db, entries, ct);
            changed += todo.Count;
        }
        await tx.CommitAsync(ct);
        return new BulkResult(rows.Count, changed, batchId);
    }

    private sealed record Row(
        Guid Id, string Title, LeadStatus Status, string? OwnerId, DateTime? ArchivedAt, List<string> Tags);

    private static IQueryable<Lead> Select(AppDbContext db, LeadSelection selection, string? userId)
    {
        if (selection.Ids is { Count: > 0 } ids)
        {
            return db.Leads.Where(l => ids.Contains(l.Id));
        }
        return LeadQueries.Filtered(db, selection.Filter ?? new LeadFilter(), userId);
    }

    private static async Task<(string? Tag, string? ListName)> ValidateAsync(
        AppDbContext db, BulkRequest request, CancellationToken ct)
    {
        var errors = new Errors();
        var a = request.Action;
        if (request.Selection is null
            || (request.Selection.Ids is not { Count: > 0 } && request.Selection.Filter is null))
        {
            errors.Add("selection", "Give either ids or a filter.");
        }
        if (request.Selection?.Ids is { Count: > 100_000 })
        {
            errors.Add("selection.ids", "At most 100,000 ids; use a filter for more.");
        }
        request.Selection?.Filter?.Validate(errors);
        LeadService.CheckEnum(errors, "action.kind", (BulkActionKind?)a?.Kind);
        string? tag = null;
        string? listName = null;
        switch (a?.Kind)
        {
            case null:
                errors.Add("action", "Required.");
                break;
            case BulkActionKind.SetStatus when a.Status is null || !Enum.IsDefined(a.Status.Value):
                errors.Add("action.status", "Required: the new status.");
                break;
            case BulkActionKind.AssignOwner:
                await LeadOwners.CheckAsync(db, errors, "action.ownerId", a.OwnerId, ct,
                    "No user with this id (send null to unassign).");
                break;
            case BulkActionKind.AddToList:
                listName = a.ListId is { } listId
                    ? await db.LeadLists.Where(l => l.Id == listId).Select(l => l.Name).FirstOrDefaultAsync(ct)
                    : null;
                if (listName is null)
                {
                    errors.Add("action.listId", "No list with this id.");
                }
                break;
            case BulkActionKind.AddTag or BulkActionKind.RemoveTag:
                tag = Tags.Normalize([a.Tag ?? ""], errors, "action.tag").FirstOrDefault();
                if (tag is null)
                {
                    errors.Add("action.tag", "Required.");
                }
                break;
        }
        errors.ThrowIfAny();
        return (tag, listName);
    }

    private static bool Changes(Row r, BulkAction a) => a.Kind switch
    {
        BulkActionKind.SetStatus => r.Status != a.Status,
        BulkActionKind.AssignOwner => r.OwnerId != a.OwnerId,
        BulkActionKind.Archive => r.ArchivedAt is null,
        BulkActionKind.Restore => r.ArchivedAt is not null,
        BulkActionKind.AddTag => !r.Tags.Contains(Tags.Normalize([a.Tag!], new Errors())[0]),
        BulkActionKind.RemoveTag => r.Tags.Contains(Tags.Normalize([a.Tag!], new Errors())[0]),
        BulkActionKind.AddToList => true,
        _ => false,
    };

    private static async Task ApplyAsync(
        AppDbContext db,
        BulkAction a,
        List<Guid> ids,
        List<Row> rows,
        string? tag,
        DateTime now,
        CancellationToken ct)
    {
        var leads = db.Leads.Where(l => ids.Contains(l.Id));
        switch (a.Kind)
        {
            case BulkActionKind.SetStatus:
                var status = a.Status!.Value;
                await leads.ExecuteUpdateAsync(s => s
                    .SetProperty(l => l.Status, status)
                    .SetProperty(l => l.StatusChangedAt, now)
                    .SetProperty(l => l.UpdatedAt, now)
                    .SetProperty(l => l.Version, l => l.Version + 1), ct);
                break;
            case BulkActionKind.AssignOwner:
                await leads.ExecuteUpdateAsync(s => s.SetProperty(l => l.OwnerId, a.OwnerId)
                    .SetProperty(l => l.UpdatedAt, now).SetProperty(l => l.Version, l => l.Version + 1), ct);
                break;
            case BulkActionKind.Archive or BulkActionKind.Restore:
                DateTime? archivedAt = a.Kind == BulkActionKind.Archive ? now : null;
                await leads.ExecuteUpdateAsync(s => s.SetProperty(l => l.ArchivedAt, archivedAt)
                    .SetProperty(l => l.UpdatedAt, now).SetProperty(l => l.Version, l => l.Version + 1), ct);
                break;
            case BulkActionKind.AddTag or BulkActionKind.RemoveTag:
                // Tag lists differ per lead, so these are updated one by one (grouped by identical tag sets).
                foreach (var group in rows.GroupBy(r => string.Join('\u001f', r.Tags)))
                {
                    var newTags = a.Kind == BulkActionKind.AddTag
                        ? [.. group.First().Tags, tag!]
                        : group.First().Tags.Where(t => t != tag).ToList();
                    var groupIds = group.Select(r => r.Id).ToList();
                    await db.Leads.Where(l => groupIds.Contains(l.Id)).ExecuteUpdateAsync(s => s
                        .SetProperty(l => l.Tags, newTags)
                        .SetProperty(l => l.UpdatedAt, now)
                        .SetProperty(l => l.Version, l => l.Version + 1), ct);
                }
                break;
            case BulkActionKind.AddToList:
                var listId = a.ListId!.Value;
                var existing = await db.LeadListMembers
                    .Where(m => m.ListId == listId && ids.Contains(m.LeadId))
                    .Select(m => m.LeadId)
                    .ToListAsync(ct);
                var existingSet = existing.ToHashSet();
                rows.RemoveAll(r => existingSet.Contains(r.Id));
                db.LeadListMembers.AddRange(rows.Select(r => new LeadListMember
                {
                    ListId = listId,
                    LeadId = r.Id,
                    AddedAt = now,
                }));
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                break;
        }
    }

    private static ActivityEntry Entry(Row r, BulkAction a, Actor actor, DateTime now, Guid batchId, string? listName)
    {
        (string action, string field, JsonNode? from, JsonNode? to) = a.Kind switch
        {
            BulkActionKind.SetStatus =>
                ("bulk-update", "status", (JsonNode?)r.Status.ToString(), (JsonNode?)a.Status.ToString()),
            BulkActionKind.AssignOwner => ("bulk-update", "ownerId", r.OwnerId, a.OwnerId),
            BulkActionKind.Archive => ("archived", "archivedAt", null, now.ToString("O")),
            BulkActionKind.Restore => ("restored", "archivedAt", r.ArchivedAt?.ToString("O"), null),
            BulkActionKind.AddTag =>
                ("bulk-update", "tags", Json(r.Tags), Json([.. r.Tags, a.Tag!.Trim().ToLowerInvariant()])),
            BulkActionKind.RemoveTag =>
                ("bulk-update", "tags", Json(r.Tags), Json(r.Tags.Where(t => t != a.Tag!.Trim().ToLowerInvariant()))),
            _ => ("list-member-added", "list", null, listName),
        };
        var changes = new JsonObject { [field] = new JsonObject { ["from"] = from, ["to"] = to } };
        return ActivityEntry.By(actor, now, action, nameof(Lead), r.Id, ActivityCapture.Truncate(r.Title, 200),
            changes.ToJsonString(), batchId);
    }

    private static JsonArray Json(IEnumerable<string> tags) => [.. tags.Select(t => (JsonNode?)t)];
}
