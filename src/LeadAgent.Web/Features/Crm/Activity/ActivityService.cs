using System.Globalization;
using LeadAgent.Web.Data;
using LeadAgent.Web.Infrastructure.Api;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Crm.Activity;

public sealed record ActivityDto(long Id, DateTime OccurredAt, ActorKind ActorKind, string? ActorId, string ActorName, Guid? TokenId,
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
            .Select(a => new ActivityDto(a.Id, a.OccurredAt, a.ActorKind, a.ActorId, a.ActorName, a.TokenId, a.Action, a.EntityType, a.EntityId,
                a.EntityLabel, a.Changes, a.BatchId))
            .ToListAsync(ct);
        return Page<ActivityDto>.FromLookahead(items, limit, a => a.Id.ToString(CultureInfo.InvariantCulture), null);
    }
}
