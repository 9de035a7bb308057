using LeadAgent.Web.Data;
using LeadAgent.Web.Infrastructure.Api;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Rules;

public sealed record NotificationDto(Guid Id, string Text, string? Link, bool Read, DateTime CreatedAt, Guid? RuleId);

public sealed record NotificationsRead(int Marked);

public sealed record NotificationList(IReadOnlyList<NotificationDto> Items, int Unread);

/// <summary>The signed-in user's own notifications: read them and mark them read (nobody sees another's).</summary>
public sealed class NotificationService(IDbContextFactory<AppDbContext> dbFactory)
{
    /// <summary>The newest <paramref name="limit"/> (1–500, default 50) of the user's notifications.</summary>
    public async Task<NotificationList> ListAsync(bool unreadOnly, int? limit, CancellationToken ct = default)
    {
        var errors = new Errors();
        var take = Cursor.ClampLimit(limit ?? 50, errors);
        errors.ThrowIfAny();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await UserAsync(db);
        var query = db.Notifications.AsNoTracking().Where(n => n.UserId == user);
        if (unreadOnly)
        {
            query = query.Where(n => !n.Read);
        }
        var rows = await query.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(take)
            .Select(n => new NotificationDto(n.Id, n.Text, n.Link, n.Read, n.CreatedAt, n.RuleId)).ToListAsync(ct);
        var unread = await db.Notifications.CountAsync(n => n.UserId == user && !n.Read, ct);
        return new NotificationList(rows, unread);
    }

    public async Task<int> UnreadCountAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await UserAsync(db);
        return await db.Notifications.CountAsync(n => n.UserId == user && !n.Read, ct);
    }

    /// <summary>Marks one of the user's notifications read; another user's is not found.</summary>
    public async Task MarkReadAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await UserAsync(db);
        if (await db.Notifications.Where(n => n.Id == id && n.UserId == user)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.Read, true), ct) == 0)
        {
            throw new NotFoundException("Notification", id);
        }
    }

    public async Task<int> MarkAllReadAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await UserAsync(db);
        return await db.Notifications.Where(n => n.UserId == user && !n.Read)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.Read, true), ct);
    }

    private static async Task<string> UserAsync(AppDbContext db) =>
        (await db.GetActorAsync()).UserId ?? throw new ForbiddenException("Notifications belong to signed-in users.");
}
