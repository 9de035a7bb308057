using System.Globalization;
using System.Text.Json;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Contacts;
using LeadAgent.Web.Features.Imports;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Infrastructure.Api;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Activity;

public sealed record ActivityDto(
    long Id, DateTime OccurredAt, ActorKind ActorKind, string? ActorId, string ActorName, Guid? TokenId,
    string Action, string EntityType, Guid EntityId, string? EntityLabel, string? Changes, Guid? BatchId);

public sealed record ActivityQuery
{
    public string? EntityType { get; init; }
    public Guid? EntityId { get; init; }
    public string? ActorId { get; init; }
    public string? Action { get; init; }
    public DateTime? From { get; init; }
    public DateTime? To { get; init; }
    public Guid? BatchId { get; init; }
    public int? Limit { get; init; }
    /// <summary>Newest first; the cursor is the id of the last entry seen.</summary>
    public string? Cursor { get; init; }
}

/// <summary>Reads the append-only activity log: one record's timeline, or the global audit log.</summary>
public sealed class ActivityService(IDbContextFactory<AppDbContext> dbFactory)
{
    /// <summary>
    /// Records created by an import carry the run's id instead of a stored "created" entry (see
    /// <see cref="Data.IImported"/>); this is that entry, built from the record and the run: when, by whom, which
    /// file. Id 0: it was never stored.
    /// </summary>
    private static async Task<ActivityDto?> ImportCreationAsync(
        AppDbContext db, string? type, Guid id, CancellationToken ct)
    {
        foreach (var t in type is null ? ImportedTypes : ImportedTypes.Where(t => t == type))
        {
            var record = t switch
            {
                nameof(Leads.Lead) => await db.Leads.Where(l => l.Id == id)
                    .Select(l => new { l.ImportRunId, l.CreatedAt, Label = l.Title }).FirstOrDefaultAsync(ct),
                nameof(Companies.Company) => await db.Companies.Where(c => c.Id == id)
                    .Select(c => new { c.ImportRunId, c.CreatedAt, Label = c.Name }).FirstOrDefaultAsync(ct),
                _ => await db.Contacts.Where(c => c.Id == id)
                    .Select(c => new { c.ImportRunId, c.CreatedAt, Label = c.FirstName + " " + (c.LastName ?? "") })
                    .FirstOrDefaultAsync(ct),
            };
            if (record is null)
            {
                continue;
            }
            if (record.ImportRunId is not { } runId)
            {
                return null;
            }
            var run = await db.ImportRuns.AsNoTracking().Where(r => r.Id == runId)
                .Select(r => new { r.FileName, r.CreatedById, r.CreatedByName }).FirstOrDefaultAsync(ct);
            var file = run?.FileName ?? "(unknown import)";
            return new ActivityDto(0, record.CreatedAt,
                run?.CreatedById is null ? ActorKind.System : ActorKind.User, run?.CreatedById,
                Imports.ImportRun.ActorName(run?.CreatedByName ?? "unknown", file), null, "created", t, id,
                ActivityCapture.Truncate(record.Label.Trim(), 200),
                JsonSerializer.Serialize(new Dictionary<string, object> { ["import"] = new { to = file } }), runId);
        }
        return null;
    }

    private static readonly string[] ImportedTypes =
        [nameof(Leads.Lead), nameof(Companies.Company), nameof(Contacts.Contact)];

    private static bool Matches(ActivityQuery q, ActivityDto e) =>
        (string.IsNullOrWhiteSpace(q.ActorId) || q.ActorId == e.ActorId)
        && (string.IsNullOrWhiteSpace(q.Action) || q.Action == e.Action)
        && (q.BatchId is null || q.BatchId == e.BatchId)
        && (q.From is null || e.OccurredAt >= q.From.Value.ToUniversalTime())
        && (q.To is null || e.OccurredAt < q.To.Value.ToUniversalTime());

    public async Task<Page<ActivityDto>> ListAsync(ActivityQuery query, CancellationToken ct = default)
    {
        var errors = new Errors();
        var limit = Cursor.ClampLimit(query.Limit, errors);
        long? before = null;
        if (!string.IsNullOrEmpty(query.Cursor))
        {
            if (long.TryParse(query.Cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var b))
            {
                before = b;
            }
            else
            {
                errors.Add("cursor", "Invalid cursor.");
            }
        }
        errors.ThrowIfAny();

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var log = db.Activity.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.EntityType))
        {
            log = log.Where(a => a.EntityType == query.EntityType);
        }
        if (query.EntityId is { } entityId)
        {
            log = log.Where(a => a.EntityId == entityId);
        }
        if (!string.IsNullOrWhiteSpace(query.ActorId))
        {
            log = log.Where(a => a.ActorId == query.ActorId);
        }
        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            log = log.Where(a => a.Action == query.Action);
        }
        if (query.BatchId is { } batch)
        {
            log = log.Where(a => a.BatchId == batch);
        }
        if (query.From is { } from)
        {
            var f = from.ToUniversalTime();
            log = log.Where(a => a.OccurredAt >= f);
        }
        if (query.To is { } to)
        {
            var t = to.ToUniversalTime();
            log = log.Where(a => a.OccurredAt < t);
        }
        if (before is { } id)
        {
            log = log.Where(a => a.Id < id);
        }
        var items = await log.OrderByDescending(a => a.Id).Take(limit + 1)
            .Select(a => new ActivityDto(a.Id, a.OccurredAt, a.ActorKind, a.ActorId, a.ActorName, a.TokenId,
                a.Action, a.EntityType, a.EntityId, a.EntityLabel, a.Changes, a.BatchId))
            .ToListAsync(ct);
        // The oldest entry of a record an import created: it follows the last stored entry (if it overflows this page,
        // the cursor leads to a page that holds only it).
        if (query.EntityId is { } recordId && items.Count <= limit
            && await ImportCreationAsync(db, query.EntityType, recordId, ct) is { } creation
            && Matches(query, creation))
        {
            items.Add(creation);
        }
        return Page<ActivityDto>.FromLookahead(items, limit, a => a.Id.ToString(CultureInfo.InvariantCulture), null);
    }

    // Actions on the record itself (not on a note or another child filed under it).
    private static readonly string[] OwnActions =
        ["updated", "archived", "restored", "merged", "bulk-update", "deleted"];

    /// <summary>
    /// The entry of the change an open page of the record just noticed: the newest one on the record itself written
    /// with it (within two seconds of <paramref name="updatedAt"/>, the record's stamp); for a record that is gone
    /// (<paramref name="updatedAt"/> null), its deletion. Null when the change was written without an entry.
    /// </summary>
    public async Task<ActivityDto?> ChangeOfAsync(
        string type, Guid id, DateTime? updatedAt, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var recent = await db.Activity.AsNoTracking()
            .Where(a => a.EntityType == type && a.EntityId == id && OwnActions.Contains(a.Action))
            .OrderByDescending(a => a.Id).Take(5)
            .Select(a => new ActivityDto(a.Id, a.OccurredAt, a.ActorKind, a.ActorId, a.ActorName, a.TokenId,
                a.Action, a.EntityType, a.EntityId, a.EntityLabel, null, a.BatchId))
            .ToListAsync(ct);
        return updatedAt is { } at
            ? recent.FirstOrDefault(e => Math.Abs((e.OccurredAt - at).TotalSeconds) <= 2)
            : recent.FirstOrDefault(e => e.Action == "deleted");
    }
}
